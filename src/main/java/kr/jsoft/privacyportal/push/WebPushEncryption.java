package kr.jsoft.privacyportal.push;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 8291 message encryption in the RFC 8188 {@code aes128gcm} content coding, one record:
 * {@code salt(16) | rs=4096 (uint32) | idlen=65 | sender public key(65) | AES-128-GCM(payload | 0x02)}.
 */
final class WebPushEncryption {

    private final Supplier<byte[]> salts;
    private final Supplier<KeyPair> ephemeralKeys;
    private final P256Keys.Engine engine;

    /** Production: fresh random salt and ephemeral key pair per message, on the best engine here. */
    WebPushEncryption(SecureRandom random) {
        this(random, P256Keys.Engine.best());
    }

    WebPushEncryption(SecureRandom random, P256Keys.Engine engine) {
        this(() -> {
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            return salt;
        }, () -> engine.generate(random), engine);
    }

    /** Tests: fixed salt and key pair. */
    WebPushEncryption(Supplier<byte[]> salts, Supplier<KeyPair> ephemeralKeys, P256Keys.Engine engine) {
        this.salts = salts;
        this.ephemeralKeys = ephemeralKeys;
        this.engine = engine;
    }

    byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) {
        if (plaintext.length + 1 + Aes128Gcm.TAG_LENGTH > Aes128Gcm.RECORD_SIZE) {
            throw new IllegalArgumentException("payload does not fit one record");
        }
        byte[] salt = salts.get();
        if (salt.length != 16) {
            throw new IllegalStateException("salt must be 16 bytes");
        }
        KeyPair sender = ephemeralKeys.get();
        byte[] asPublic = Aes128Gcm.publicBytes(sender);
        byte[] ecdh = engine.sharedSecret((ECPrivateKey) sender.getPrivate(), P256Keys.decodePublic(uaPublic));
        Aes128Gcm.Keys keys = Aes128Gcm.derive(ecdh, uaPublic, asPublic, authSecret, salt);
        byte[] padded = Arrays.copyOf(plaintext, plaintext.length + 1);
        padded[plaintext.length] = 0x02;
        byte[] ciphertext;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.cek(), "AES"),
                    new GCMParameterSpec(Aes128Gcm.TAG_LENGTH * 8, keys.nonce()));
            ciphertext = c.doFinal(padded);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
        return ByteBuffer.allocate(Aes128Gcm.HEADER_LENGTH + ciphertext.length)
                .put(salt)
                .putInt(Aes128Gcm.RECORD_SIZE)
                .put((byte) asPublic.length)
                .put(asPublic)
                .put(ciphertext)
                .array();
    }
}
