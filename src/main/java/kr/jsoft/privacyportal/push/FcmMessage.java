package kr.jsoft.privacyportal.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The FCM HTTP v1 request body for a wake-up: a high-priority data message, background push on iOS. */
final class FcmMessage {

    private FcmMessage() {
    }

    static String json(ObjectMapper json, String token, WakeUp wakeUp, Instant now) {
        long ttl = Math.min(wakeUp.ttl().getSeconds(), WakeUp.MAX_TTL.getSeconds());
        ObjectNode root = json.createObjectNode();
        ObjectNode message = root.putObject("message");
        message.put("token", token);
        message.putObject("data").put("t", "sync");
        ObjectNode android = message.putObject("android");
        android.put("priority", "high");
        android.put("ttl", ttl + "s");
        android.put("collapse_key", wakeUp.collapseKey());
        ObjectNode apns = message.putObject("apns");
        ObjectNode headers = apns.putObject("headers");
        headers.put("apns-push-type", "background");
        headers.put("apns-priority", "5");
        headers.put("apns-expiration", Long.toString(now.getEpochSecond() + ttl));
        apns.putObject("payload").putObject("aps").put("content-available", 1);
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
