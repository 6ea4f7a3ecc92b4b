package kr.jsoft.privacyportal.push;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * P-256 keys in the raw forms Web Push uses: 65-byte uncompressed points and 32-byte scalars.
 * Points are validated to lie on the curve (no invalid-curve attacks through {@code p256dh}).
 */
public final class P256Keys {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");

    private P256Keys() {
    }

    /**
     * A fresh key pair. The public point is computed with Bouncy Castle's fixed-point comb
     * multiplier, several times faster than the JDK's generator: every Web Push message needs a new
     * ephemeral pair (RFC 8291 §3.1), so this is on the wake-up path.
     */
    public static KeyPair generate(SecureRandom random) {
        java.math.BigInteger n = CURVE.getN();
        java.math.BigInteger d;
        do {
            d = new java.math.BigInteger(n.bitLength(), random);
        } while (d.signum() == 0 || d.compareTo(n) >= 0);
        org.bouncycastle.math.ec.ECPoint q = new org.bouncycastle.math.ec.FixedPointCombMultiplier()
                .multiply(CURVE.getG(), d).normalize();
        try {
            ECPrivateKey priv = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(d, params()));
            return new KeyPair(publicKey(new ECPoint(q.getAffineXCoord().toBigInteger(),
                    q.getAffineYCoord().toBigInteger())), priv);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 unavailable", e);
        }
    }

    /**
     * ECDH on P-256: the x coordinate of {@code own · peer}, 32 bytes. The peer point was validated
     * when it was decoded ({@link #decodePublic}).
     */
    static byte[] sharedSecret(ECPrivateKey own, ECPublicKey peer) {
        org.bouncycastle.math.ec.ECPoint p = CURVE.getCurve().createPoint(peer.getW().getAffineX(),
                peer.getW().getAffineY());
        org.bouncycastle.math.ec.ECPoint shared = p.multiply(own.getS()).normalize();
        if (shared.isInfinity()) {
            throw new IllegalArgumentException("ECDH gave the point at infinity");
        }
        return shared.getAffineXCoord().getEncoded();
    }

    /** 0x04 | X(32) | Y(32). */
    public static byte[] encode(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 0x04;
        copyUnsigned(key.getW().getAffineX(), out, 1);
        copyUnsigned(key.getW().getAffineY(), out, 33);
        return out;
    }

    /** Decodes and validates an uncompressed point. */
    public static ECPublicKey decodePublic(byte[] uncompressed) {
        if (uncompressed.length != 65 || uncompressed[0] != 0x04) {
            throw new IllegalArgumentException("not an uncompressed P-256 point");
        }
        org.bouncycastle.math.ec.ECPoint p;
        try {
            p = CURVE.getCurve().decodePoint(uncompressed).normalize();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("point is not on P-256");
        }
        if (!p.isValid() || p.isInfinity()) {
            throw new IllegalArgumentException("point is not on P-256");
        }
        return publicKey(new ECPoint(p.getAffineXCoord().toBigInteger(), p.getAffineYCoord().toBigInteger()));
    }

    /** A private key from its 32-byte big-endian scalar. */
    public static ECPrivateKey privateFromScalar(byte[] d) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), params()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad P-256 private key", e);
        }
    }

    /** The public key d·G belonging to a private key. */
    public static ECPublicKey publicFromPrivate(ECPrivateKey key) {
        org.bouncycastle.math.ec.ECPoint p = CURVE.getG().multiply(key.getS()).normalize();
        return publicKey(new ECPoint(p.getAffineXCoord().toBigInteger(), p.getAffineYCoord().toBigInteger()));
    }

    /** The key pair for a 32-byte scalar. */
    public static KeyPair keyPairFromScalar(byte[] d) {
        ECPrivateKey priv = privateFromScalar(d);
        return new KeyPair(publicFromPrivate(priv), priv);
    }

    static ECParameterSpec params() {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            return p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 unavailable", e);
        }
    }

    static ECPublicKey publicKey(ECPoint w) {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad P-256 public key", e);
        }
    }

    private static void copyUnsigned(BigInteger v, byte[] out, int offset) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, offset + 32 - len, len);
    }
}
