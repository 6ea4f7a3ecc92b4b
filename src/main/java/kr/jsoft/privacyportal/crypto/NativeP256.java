package kr.jsoft.privacyportal.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import javax.crypto.KeyAgreement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native P-256 engine, when this machine has it: the Amazon Corretto Crypto Provider (AWS-LC,
 * whose P-256 arithmetic is formally verified) if its library loads and passes its self-tests.
 * Every Web Push message needs a fresh key pair and an ECDH (RFC 8291 §3.1), every command an ES256
 * signature and every device request a verification; natively that is about 0.08 ms for the pair
 * and the ECDH and 0.02 / 0.06 ms to sign / verify, against 0.4 and 0.15 ms with Bouncy Castle's
 * pure-Java arithmetic ({@code bench/README.md}, "Command channel").
 *
 * <p>The provider is not installed in the JCA list: only the callers below ask for it by object,
 * everything else keeps the JDK's. Where it does not load (another OS or CPU), callers fall back
 * to Bouncy Castle, which computes the same results; {@link Es256} and the Web Push encryption are
 * tested on both engines. Setting the system property {@code portal.crypto.native=false} turns the
 * native engine off.
 */
public final class NativeP256 {
    private static final Logger log = LoggerFactory.getLogger(NativeP256.class);
    private static final Optional<Provider> PROVIDER = load();

    private NativeP256() {
    }

    /** The native provider, or empty where it did not load (then use Bouncy Castle). */
    public static Optional<Provider> provider() {
        return PROVIDER;
    }

    /** One line for the start-up log: which engine computes P-256 here. */
    public static String describe() {
        return PROVIDER.map(p -> "native (" + p.getName() + " " + p.getVersionStr() + ")")
                .orElse("Bouncy Castle (pure Java; the native provider did not load)");
    }

    /**
     * Every operation the callers use, once: a JDK that will not run this provider (Oracle's JDK
     * insists on signed providers for key agreement; the shaded jar drops the signature) shows here
     * and the portal falls back instead of failing on its first wake-up.
     */
    private static void tryOnce(Provider provider) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair a = generator.generateKeyPair();
        KeyPair b = generator.generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH", provider);
        agreement.init(a.getPrivate());
        agreement.doPhase(b.getPublic(), true);
        agreement.generateSecret();
        Signature signer = Signature.getInstance("SHA256withECDSA", provider);
        signer.initSign(a.getPrivate());
        signer.update(new byte[] {1});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA", provider);
        verifier.initVerify(a.getPublic());
        verifier.update(new byte[] {1});
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("native ECDSA did not verify its own signature");
        }
        // The portal's keys are the JDK's (from JWKs and key files): the provider must take those too.
        KeyPairGenerator jdk = KeyPairGenerator.getInstance("EC");
        jdk.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair c = jdk.generateKeyPair();
        signer.initSign(c.getPrivate());
        signer.update(new byte[] {2});
        byte[] jdkSigned = signer.sign();
        verifier.initVerify(c.getPublic());
        verifier.update(new byte[] {2});
        if (!verifier.verify(jdkSigned)) {
            throw new GeneralSecurityException("native ECDSA did not verify with a JDK key");
        }
        agreement.init(c.getPrivate());
        agreement.doPhase(b.getPublic(), true);
        byte[] one = agreement.generateSecret();
        agreement.init(b.getPrivate());
        agreement.doPhase(c.getPublic(), true);
        if (!java.util.Arrays.equals(one, agreement.generateSecret())) {
            throw new GeneralSecurityException("native ECDH disagreed with itself on a JDK key");
        }
    }

    private static Optional<Provider> load() {
        if ("false".equalsIgnoreCase(System.getProperty("portal.crypto.native"))) {
            return Optional.empty();
        }
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable error = accp.getLoadingError();
            if (error != null) {
                log.info("Native P-256 unavailable ({}); using Bouncy Castle", error.toString());
                return Optional.empty();
            }
            accp.assertHealthy();
            tryOnce(accp);
            return Optional.of(accp);
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            log.info("Native P-256 unavailable ({}); using Bouncy Castle", e.toString());
            return Optional.empty();
        }
    }
}
