package kr.jsoft.privacyportal.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.crypto.impl.ECDSA;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Provider;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECParameterSpec;
import java.util.Optional;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Set;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * ES256 (ECDSA on P-256 with SHA-256, RFC 7518 §3.4) for the command channel, which signs every
 * command and verifies every device request and receipt. JDK 17's generic implementation took
 * about 1 ms to sign and 1.6 ms to verify on the build machine (JFR: {@code ECOperations.multiply}).
 * Here it runs on the {@linkplain NativeP256 native engine} where it loads (about 0.02 ms to sign,
 * 0.06 ms to verify; AWS-LC's nonces are random and hedged with the key and message), otherwise on
 * Bouncy Castle's specialised secp256r1 arithmetic (about 0.15 ms each; deterministic nonces,
 * RFC 6979). Both make and accept ordinary ES256 ({@code R ‖ S}); any JOSE library verifies them.
 */
public final class Es256 {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH());
    private static final ECParameterSpec P256 = com.nimbusds.jose.jwk.Curve.P_256.toECParameterSpec();
    private static final int HALF = 32;

    private Es256() {
    }

    /** The JOSE signature ({@code R ‖ S}, 64 bytes) of {@code signingInput}. */
    public static byte[] sign(ECPrivateKey key, byte[] signingInput) {
        Optional<Provider> engine = NativeP256.provider();
        return engine.isPresent() ? signNative(engine.get(), key, signingInput) : signPortable(key, signingInput);
    }

    static byte[] signNative(Provider provider, ECPrivateKey key, byte[] signingInput) {
        requireP256(key.getParams());
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA", provider);
            signature.initSign(key);
            signature.update(signingInput);
            return ECDSA.transcodeSignatureToConcat(signature.sign(), 2 * HALF);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }

    /** Bouncy Castle, deterministic nonce (RFC 6979 §3.2). */
    static byte[] signPortable(ECPrivateKey key, byte[] signingInput) {
        requireP256(key.getParams());
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(key.getS(), DOMAIN));
        BigInteger[] rs = signer.generateSignature(sha256(signingInput));
        byte[] out = new byte[2 * HALF];
        copyUnsigned(rs[0], out, 0);
        copyUnsigned(rs[1], out, HALF);
        return out;
    }

    /**
     * Whether {@code signature} ({@code R ‖ S}) is a valid ES256 signature of {@code signingInput}
     * under {@code key}. A key not on the curve, a signature of the wrong length or with R or S
     * outside [1, n-1] (CVE-2022-21449) is simply not valid.
     */
    public static boolean verify(ECPublicKey key, byte[] signingInput, byte[] signature) {
        Optional<Provider> engine = NativeP256.provider();
        return engine.isPresent() ? verifyNative(engine.get(), key, signingInput, signature)
                : verifyPortable(key, signingInput, signature);
    }

    static boolean verifyNative(Provider provider, ECPublicKey key, byte[] signingInput, byte[] signature) {
        if (signature.length != 2 * HALF || !isP256(key.getParams()) || !inRange(signature)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA", provider);
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(ECDSA.transcodeSignatureToDER(signature));
        } catch (InvalidKeyException | SignatureException | JOSEException notValid) {
            // A point off the curve is refused when the key is imported.
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 verification unavailable", e);
        }
    }

    static boolean verifyPortable(ECPublicKey key, byte[] signingInput, byte[] signature) {
        if (signature.length != 2 * HALF || !isP256(key.getParams())) {
            return false;
        }
        ECPublicKeyParameters publicKey;
        try {
            publicKey = new ECPublicKeyParameters(CURVE.getCurve().createPoint(key.getW().getAffineX(),
                    key.getW().getAffineY()), DOMAIN);
        } catch (IllegalArgumentException notOnCurve) {
            return false;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, HALF));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, HALF, 2 * HALF));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, publicKey);
        // BC refuses r or s outside [1, n-1] before any arithmetic.
        return verifier.verifySignature(sha256(signingInput), r, s);
    }

    /** A nimbus-jose-jwt signer for {@code key}'s private part, for {@code JWSObject.sign}. */
    public static JWSSigner signer(ECKey key) {
        ECPrivateKey privateKey;
        try {
            privateKey = key.toECPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a P-256 private key", e);
        }
        if (privateKey == null || !com.nimbusds.jose.jwk.Curve.P_256.equals(key.getCurve())) {
            throw new IllegalArgumentException("ES256 needs a private P-256 key");
        }
        return signer(privateKey);
    }

    /** A nimbus-jose-jwt signer for {@code key}, for {@code JWSObject.sign}. */
    public static JWSSigner signer(ECPrivateKey key) {
        return new JWSSigner() {
            private final JCAContext context = new JCAContext();

            @Override
            public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
                if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
                    throw new JOSEException("this signer makes ES256 signatures only");
                }
                return Base64URL.encode(Es256.sign(key, signingInput));
            }

            @Override
            public Set<JWSAlgorithm> supportedJWSAlgorithms() {
                return Set.of(JWSAlgorithm.ES256);
            }

            @Override
            public JCAContext getJCAContext() {
                return context;
            }
        };
    }

    /** R and S both in [1, n-1] (CVE-2022-21449: an all-zero signature must not pass anywhere). */
    private static boolean inRange(byte[] signature) {
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, HALF));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, HALF, 2 * HALF));
        return r.signum() > 0 && s.signum() > 0 && r.compareTo(CURVE.getN()) < 0 && s.compareTo(CURVE.getN()) < 0;
    }

    private static boolean isP256(ECParameterSpec params) {
        return params != null && params.getCurve().equals(P256.getCurve()) && params.getGenerator().equals(P256.getGenerator())
                && params.getOrder().equals(P256.getOrder());
    }

    private static void requireP256(ECParameterSpec params) {
        if (!isP256(params)) {
            throw new IllegalArgumentException("ES256 needs a P-256 key");
        }
    }

    private static byte[] sha256(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, HALF);
        System.arraycopy(bytes, bytes.length - length, out, offset + HALF - length, length);
    }
}
