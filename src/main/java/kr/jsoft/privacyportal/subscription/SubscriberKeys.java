package kr.jsoft.privacyportal.subscription;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hashes of the subscription feature, each with its own key derived from the
 * portal's hash key: the address lookup hash ("already subscribed?" without a clear-text
 * index) and the unsubscribe token (the subscriber's id with a MAC, so links need no stored
 * secret and reveal nothing).
 */
final class SubscriberKeys {
    private final SecretKey emailKey;
    private final SecretKey unsubscribeKey;

    SubscriberKeys(SecretKey hashKey) {
        this.emailKey = derive(hashKey, "notice-subscriber-email-v1");
        this.unsubscribeKey = derive(hashKey, "notice-unsubscribe-v1");
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    String emailHash(String email) {
        return HexFormat.of().formatHex(mac(emailKey, normalize(email).getBytes(StandardCharsets.UTF_8)));
    }

    String unsubscribeToken(long subscriberId) {
        byte[] id = ByteBuffer.allocate(8).putLong(subscriberId).array();
        byte[] tag = mac(unsubscribeKey, id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(24).put(id).put(tag, 0, 16).array());
    }

    OptionalLong subscriberOf(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        if (bytes.length != 24) {
            return OptionalLong.empty();
        }
        byte[] id = java.util.Arrays.copyOf(bytes, 8);
        byte[] expected = java.util.Arrays.copyOf(mac(unsubscribeKey, id), 16);
        if (!MessageDigest.isEqual(expected, java.util.Arrays.copyOfRange(bytes, 8, 24))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ByteBuffer.wrap(id).getLong());
    }

    private static SecretKey derive(SecretKey key, String purpose) {
        return new SecretKeySpec(mac(key, purpose.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    private static byte[] mac(SecretKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
