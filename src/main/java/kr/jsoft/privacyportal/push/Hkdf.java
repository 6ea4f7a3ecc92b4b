package kr.jsoft.privacyportal.push;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF-SHA-256 (RFC 5869), for outputs of at most 32 bytes (one expand block). */
final class Hkdf {

    private Hkdf() {
    }

    static byte[] extract(byte[] salt, byte[] ikm) {
        return hmac(salt, ikm);
    }

    static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length > 32) {
            throw new IllegalArgumentException("one block only");
        }
        byte[] input = Arrays.copyOf(info, info.length + 1);
        input[info.length] = 0x01;
        return Arrays.copyOf(hmac(prk, input), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
