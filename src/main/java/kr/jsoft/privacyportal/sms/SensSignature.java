package kr.jsoft.privacyportal.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NAVER Cloud API Gateway signature v2: Base64(HMAC-SHA256(secretKey,
 * method + " " + path + "\n" + timestampMillis + "\n" + accessKey)). The path includes the leading
 * slash and any query string, never the host.
 */
final class SensSignature {

    private SensSignature() {
    }

    static String sign(String method, String path, long timestampMillis, String accessKey, String secretKey) {
        String message = method + " " + path + "\n" + timestampMillis + "\n" + accessKey;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
