package kr.jsoft.privacyportal.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.UUID;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.push.PushAddress;

/**
 * A device's push address at rest: JSON sealed with AES-256-GCM, bound to the device id, so
 * tokens, endpoints and Web Push keys never sit in the database in clear.
 */
final class SealedPushAddress {
    static final String FCM = "fcm";
    static final String WEB_PUSH = "webpush";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataCipher cipher;

    SealedPushAddress(DataCipher cipher) {
        this.cipher = cipher;
    }

    static String kindOf(PushAddress address) {
        return address instanceof PushAddress.FcmToken ? FCM : WEB_PUSH;
    }

    String seal(UUID deviceId, PushAddress address) {
        ObjectNode node = JSON.createObjectNode();
        if (address instanceof PushAddress.FcmToken fcm) {
            node.put("token", fcm.token());
        } else if (address instanceof PushAddress.WebPushSubscription web) {
            node.put("endpoint", web.endpoint().toString());
            node.put("p256dh", Base64.getUrlEncoder().withoutPadding().encodeToString(web.p256dh()));
            node.put("auth", Base64.getUrlEncoder().withoutPadding().encodeToString(web.auth()));
        }
        return cipher.sealText(node.toString(), context(deviceId));
    }

    PushAddress open(UUID deviceId, String kind, String sealed) {
        try {
            JsonNode node = JSON.readTree(cipher.openText(sealed, context(deviceId)));
            if (FCM.equals(kind)) {
                return new PushAddress.FcmToken(node.get("token").asText());
            }
            return new PushAddress.WebPushSubscription(URI.create(node.get("endpoint").asText()),
                    Base64.getUrlDecoder().decode(node.get("p256dh").asText()),
                    Base64.getUrlDecoder().decode(node.get("auth").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("stored push address of device " + deviceId + " is not readable");
        }
    }

    private static String context(UUID deviceId) {
        return "device.push:" + deviceId;
    }
}
