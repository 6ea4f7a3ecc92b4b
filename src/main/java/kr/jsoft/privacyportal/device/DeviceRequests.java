package kr.jsoft.privacyportal.device;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.Base64URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** What signer and verifier share: the {@code typ}, the header name and the {@code bd} digest. */
final class DeviceRequests {

    static final JOSEObjectType TYPE = new JOSEObjectType("device-request+jwt");
    static final String HEADER = "Device-Signature";

    private DeviceRequests() {
    }

    /** base64url (no padding) of SHA-256 over the exact body bytes; {@code null} means no body. */
    static String bodyDigest(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body);
            return Base64URL.encode(digest).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
