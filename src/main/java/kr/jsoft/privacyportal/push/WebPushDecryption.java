package kr.jsoft.privacyportal.push;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiving side of RFC 8291 / RFC 8188 {@code aes128gcm}: what a device (or the device
 * simulator) does with a Web Push body. Handles single-record messages, which is all Web Push uses.
 */
public final class WebPushDecryption {

    private final ECPrivateKey receiverPrivate;
    private final byte[] receiverPublic;
    private final byte[] authSecret;
    private final P256Keys.Engine engine;

    public WebPushDecryption(ECPrivateKey receiverPrivate, byte[] authSecret) {
        this(receiverPrivate, authSecret, P256Keys.Engine.best());
    }

    WebPushDecryption(ECPrivateKey receiverPrivate, byte[] authSecret, P256Keys.Engine engine) {
        if (authSecret.length != 16) {
            throw new IllegalArgumentException("auth secret must be 16 bytes");
        }
        this.receiverPrivate = receiverPrivate;
        this.receiverPublic = P256Keys.encode(P256Keys.publicFromPrivate(receiverPrivate));
        this.authSecret = authSecret.clone();
        this.engine = engine;
    }

    /**
     * @throws IllegalArgumentException if the body is malformed or fails authentication
     */
    public byte[] decrypt(byte[] body) {
        if (body.length < Aes128Gcm.HEADER_LENGTH + Aes128Gcm.TAG_LENGTH + 1) {
            throw new IllegalArgumentException("body too short");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int rs = in.getInt();
        int idlen = in.get() & 0xff;
        if (idlen != 65) {
            throw new IllegalArgumentException("key id must be a 65-byte P-256 point");
        }
        byte[] asPublic = new byte[65];
        in.get(asPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (rs < Aes128Gcm.TAG_LENGTH + 2 || ciphertext.length > rs) {
            throw new IllegalArgumentException("only single-record messages are supported");
        }
        ECPublicKey sender = P256Keys.decodePublic(asPublic);
        Aes128Gcm.Keys keys = Aes128Gcm.derive(engine.sharedSecret(receiverPrivate, sender), receiverPublic, asPublic,
                authSecret, salt);
        byte[] padded;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.cek(), "AES"),
                    new GCMParameterSpec(Aes128Gcm.TAG_LENGTH * 8, keys.nonce()));
            padded = c.doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("decryption failed");
        }
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 0x02) {
            throw new IllegalArgumentException("missing last-record delimiter");
        }
        return Arrays.copyOf(padded, end);
    }
}
