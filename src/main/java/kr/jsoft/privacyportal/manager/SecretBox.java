package kr.jsoft.privacyportal.manager;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for the TOTP secrets at rest (the portal's data-encryption key), so a copy
 * of the database alone cannot mint second-factor codes. Stored as Base64(nonce ‖ ciphertext).
 */
final class SecretBox {
    private static final String TOTP_SECRETS = "staff_account.totp_secret";
    private final SecretKey key;
    private final SecureRandom random;
    private final byte[] context;

    /** The box for TOTP secrets. */
    SecretBox(SecretKey key, SecureRandom random) {
        this(key, random, TOTP_SECRETS);
    }

    /** A box whose sealed values open only in a box of the same {@code context} (the GCM associated data). */
    SecretBox(SecretKey key, SecureRandom random, String context) {
        this.key = key;
        this.random = random;
        this.context = context.getBytes(StandardCharsets.UTF_8);
    }

    String seal(String plain) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    String open(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD(context);
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored TOTP secret (wrong data-encryption key?)", e);
        }
    }
}
