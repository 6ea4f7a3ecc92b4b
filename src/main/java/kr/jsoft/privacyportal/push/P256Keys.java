package kr.jsoft.privacyportal.push;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import javax.crypto.KeyAgreement;
import kr.jsoft.privacyportal.crypto.NativeP256;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * P-256 keys in the raw forms Web Push uses: 65-byte uncompressed points and 32-byte scalars.
 * Points are validated to lie on the curve (no invalid-curve attacks through {@code p256dh}).
 */
public final class P256Keys {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECParameterSpec PARAMS = com.nimbusds.jose.jwk.Curve.P_256.toECParameterSpec();

    private P256Keys() {
    }

    /**
     * The two ways this class computes the per-message operations of RFC 8291 (a fresh key pair and
     * an ECDH): natively where {@link NativeP256} loads, otherwise with Bouncy Castle's specialised
     * P-256 arithmetic. Same results; both are tested against RFC 8291's Appendix A.
     */
    enum Engine {
        NATIVE, PORTABLE;

        static Engine best() {
            return NativeP256.provider().isPresent() ? NATIVE : PORTABLE;
        }

        KeyPair generate(SecureRandom random) {
            return this == NATIVE ? generateNative(NativeP256.provider().orElseThrow()) : generatePortable(random);
        }

        /** ECDH: the x coordinate of {@code own · peer}, 32 bytes; the peer was validated when decoded. */
        byte[] sharedSecret(ECPrivateKey own, ECPublicKey peer) {
            return this == NATIVE ? sharedSecretNative(NativeP256.provider().orElseThrow(), own, peer)
                    : sharedSecretPortable(own, peer);
        }
    }

    /**
     * A fresh key pair, on the best engine here (every Web Push message needs one, RFC 8291 §3.1).
     * The native engine draws the private key from AWS-LC's own DRBG, not from {@code random}.
     */
    public static KeyPair generate(SecureRandom random) {
        return Engine.best().generate(random);
    }

    private static KeyPair generateNative(Provider provider) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("native P-256 failed", e);
        }
    }

    /** The public point with Bouncy Castle's fixed-point comb multiplier, several times faster than the JDK's. */
    private static KeyPair generatePortable(SecureRandom random) {
        BigInteger n = CURVE.getN();
        BigInteger d;
        do {
            d = new BigInteger(n.bitLength(), random);
        } while (d.signum() == 0 || d.compareTo(n) >= 0);
        org.bouncycastle.math.ec.ECPoint q = new org.bouncycastle.math.ec.FixedPointCombMultiplier()
                .multiply(CURVE.getG(), d).normalize();
        try {
            ECPrivateKey priv = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(d, PARAMS));
            return new KeyPair(publicKey(new ECPoint(q.getAffineXCoord().toBigInteger(),
                    q.getAffineYCoord().toBigInteger())), priv);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 unavailable", e);
        }
    }

    private static byte[] sharedSecretNative(Provider provider, ECPrivateKey own, ECPublicKey peer) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH", provider);
            agreement.init(own);
            agreement.doPhase(peer, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ECDH failed", e);
        }
    }

    private static byte[] sharedSecretPortable(ECPrivateKey own, ECPublicKey peer) {
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
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), PARAMS));
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

    static ECPublicKey publicKey(ECPoint w) {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, PARAMS));
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
