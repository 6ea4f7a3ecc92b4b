package kr.jsoft.privacyportal.push;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;

/** The key schedule shared by {@link WebPushEncryption} and {@link WebPushDecryption} (RFC 8291 §3.4, RFC 8188 §2.2-2.3). */
final class Aes128Gcm {

    static final int RECORD_SIZE = 4096;
    static final int HEADER_LENGTH = 16 + 4 + 1 + 65;
    static final int TAG_LENGTH = 16;

    private Aes128Gcm() {
    }

    /** Content-encryption key (16 bytes) and nonce (12 bytes) for one message. */
    record Keys(byte[] cek, byte[] nonce) {
    }

    /** The keys for one message from the ECDH secret of the two P-256 keys (computed by the caller's engine). */
    static Keys derive(byte[] ecdhSecret, byte[] uaPublic, byte[] asPublic, byte[] authSecret, byte[] salt) {
        byte[] prkKey = Hkdf.extract(authSecret, ecdhSecret);
        byte[] keyInfo = concat(ascii("WebPush: info\0"), uaPublic, asPublic);
        byte[] ikm = Hkdf.expand(prkKey, keyInfo, 32);
        byte[] prk = Hkdf.extract(salt, ikm);
        byte[] cek = Hkdf.expand(prk, ascii("Content-Encoding: aes128gcm\0"), 16);
        byte[] nonce = Hkdf.expand(prk, ascii("Content-Encoding: nonce\0"), 12);
        return new Keys(cek, nonce);
    }

    static byte[] publicBytes(KeyPair pair) {
        return P256Keys.encode((ECPublicKey) pair.getPublic());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
