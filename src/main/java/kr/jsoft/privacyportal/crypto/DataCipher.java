package kr.jsoft.privacyportal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals personal data for storage at rest with AES-256-GCM. A sealed value is text:
 * {@code <keyId>:<base64url(nonce ‖ ciphertext ‖ tag)>}, with a fresh random 96-bit nonce per
 * value (NIST SP 800-38D §8.2.2). The key id prefix lets keys rotate: new values are sealed with
 * the current key, old ones still open with the key their prefix names.
 *
 * <p>{@code context} is bound as GCM associated data (e.g. {@code "device.push:<id>"}), so a
 * sealed value copied into another row or column does not open there.
 */
public final class DataCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random;

    /**
     * @param currentKeyId the key new values are sealed with; must be in {@code keys}
     * @param keys         every key that may still have sealed stored values, by id (AES, 256 bits)
     */
    public DataCipher(String currentKeyId, Map<String, SecretKey> keys, SecureRandom random) {
        this.keys = Map.copyOf(keys);
        this.currentKeyId = Objects.requireNonNull(currentKeyId, "currentKeyId");
        this.random = Objects.requireNonNull(random, "random");
        for (Map.Entry<String, SecretKey> key : this.keys.entrySet()) {
            if (!KEY_ID.matcher(key.getKey()).matches()) {
                throw new IllegalArgumentException("key ids are 1-40 characters of A-Z a-z 0-9 . _ -");
            }
            if (key.getValue().getEncoded() == null || key.getValue().getEncoded().length != 32) {
                throw new IllegalArgumentException("key " + key.getKey() + " is not a 256-bit key");
            }
        }
        if (!this.keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current key " + currentKeyId + " is not among the keys");
        }
    }

    public String seal(byte[] plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, context);
            byte[] sealed = cipher.doFinal(plaintext);
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return currentKeyId + ":" + ENCODER.encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String sealText(String plaintext, String context) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    /**
     * @throws IllegalArgumentException if the value is not sealed by this scheme, names an unknown key,
     *     was sealed for another context or was altered (the message never repeats the value)
     */
    public byte[] open(String sealed, String context) {
        int colon = sealed == null ? -1 : sealed.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not a sealed value");
        }
        SecretKey key = keys.get(sealed.substring(0, colon));
        if (key == null) {
            throw new IllegalArgumentException("sealed with an unknown key");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(sealed.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a sealed value");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(bytes, NONCE_BYTES), context);
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed value does not open: altered, or sealed for another context");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String openText(String sealed, String context) {
        return new String(open(sealed, context), StandardCharsets.UTF_8);
    }

    /** Whether {@code sealed} was sealed with an older key and should be sealed again. */
    public boolean needsResealing(String sealed) {
        return sealed == null || !sealed.startsWith(currentKeyId + ":");
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(Objects.requireNonNull(context, "context").getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
