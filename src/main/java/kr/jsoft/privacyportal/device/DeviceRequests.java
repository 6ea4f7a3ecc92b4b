package kr.jsoft.privacyportal.device;

import kr.jsoft.privacyportal.crypto.Digests;
import com.nimbusds.jose.JOSEObjectType;

/** What signer and verifier share: the {@code typ}, the header name and the {@code bd} digest. */
final class DeviceRequests {

    static final JOSEObjectType TYPE = new JOSEObjectType("device-request+jwt");
    static final String HEADER = "Device-Signature";

    private DeviceRequests() {
    }

    /** base64url (no padding) of SHA-256 over the exact body bytes; {@code null} means no body. */
    static String bodyDigest(byte[] body) {
        return Digests.sha256Base64Url(body == null ? new byte[0] : body);
    }
}
