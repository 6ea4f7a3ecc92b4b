package kr.jsoft.privacyportal.device;

import kr.jsoft.privacyportal.mail.EmailAddresses;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.push.EndpointPolicy;
import kr.jsoft.privacyportal.push.PushAddress;
import kr.jsoft.privacyportal.push.RefusedEndpointException;
import kr.jsoft.privacyportal.sms.PhoneNumbers;

/**
 * Reads the device API's request bodies into commands, collecting one message per invalid field
 * (RFC 9457 {@code errors}, each with a JSON {@code pointer}). Messages never repeat the input.
 */
final class DeviceJson {
    private static final Pattern APP_VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._+-]{0,39}");
    private static final int MAX_FCM_TOKEN = 4096;

    /** The request's fields were wrong; {@link #errors} says which and why. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final List<Map<String, String>> errors;

        Invalid(List<Map<String, String>> errors) {
            super(errors.size() == 1 ? "One field of the request is not valid: " + errors.get(0).get("detail")
                    : errors.size() + " fields of the request are not valid.", null, false, false);
            this.errors = List.copyOf(errors);
        }
    }

    private final EndpointPolicy endpoints;
    private final List<Map<String, String>> errors = new ArrayList<>();

    private DeviceJson(EndpointPolicy endpoints) {
        this.endpoints = endpoints;
    }

    static DeviceRegistration.Request registration(JsonNode body, EndpointPolicy endpoints) throws Invalid {
        DeviceJson reader = new DeviceJson(endpoints);
        String phone = reader.text(body, "phoneNumber", 32);
        if (phone != null && !PhoneNumbers.isKoreanMobile(phone)) {
            reader.error("/phoneNumber", "must be a Korean mobile number such as 010-1234-5678 or +821012345678");
        }
        DevicePlatform platform = reader.platform(body);
        String appVersion = reader.appVersion(body, true);
        PushAddress push = reader.pushAddress(body.get("pushAddress"), "/pushAddress", platform);
        PublicJwk key = reader.publicKey(body.get("publicKey"));
        reader.finish();
        return new DeviceRegistration.Request(phone, platform, appVersion, push, key);
    }

    static String code(JsonNode body) throws Invalid {
        DeviceJson reader = new DeviceJson(null);
        String code = reader.text(body, "code", 16);
        if (code != null && !SmsCode.wellFormed(code)) {
            reader.error("/code", "must be the " + SmsCode.DIGITS + " digits of the code sent by SMS");
        }
        reader.finish();
        return code;
    }

    static PushAddress pushAddress(JsonNode body, DevicePlatform platform, EndpointPolicy endpoints) throws Invalid {
        DeviceJson reader = new DeviceJson(endpoints);
        PushAddress push = reader.pushAddress(body.get("pushAddress"), "/pushAddress", platform);
        reader.finish();
        return push;
    }

    /** An in-app destruction request: optional {@code email} for the certificate, optional {@code lang} (ko, en). */
    record DestructionRequest(String email, String lang) {
        @Override
        public String toString() {
            return "DestructionRequest[" + lang + "]";
        }
    }

    static DestructionRequest destructionRequest(JsonNode body) throws Invalid {
        DeviceJson reader = new DeviceJson(null);
        String email = null;
        String lang = "ko";
        if (body != null && !body.isMissingNode()) {
            if (body.hasNonNull("email")) {
                email = reader.text(body, "email", 254);
                if (email != null && !EmailAddresses.isValid(email)) {
                    reader.error("/email", "must be an email address");
                }
            }
            if (body.hasNonNull("lang")) {
                lang = reader.text(body, "lang", 2);
                if (lang != null && !lang.equals("ko") && !lang.equals("en")) {
                    reader.error("/lang", "must be ko or en");
                }
            }
        }
        reader.finish();
        return new DestructionRequest(email, lang);
    }

    /** The optional {@code appVersion} of a check-in; null if absent. */
    static String checkIn(JsonNode body) throws Invalid {
        DeviceJson reader = new DeviceJson(null);
        String version = body == null || body.isMissingNode() ? null : reader.appVersion(body, false);
        reader.finish();
        return version;
    }

    private DevicePlatform platform(JsonNode body) {
        String value = text(body, "platform", 16);
        if (value == null) {
            return null;
        }
        try {
            return DevicePlatform.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error("/platform", "must be one of android, ios, web");
            return null;
        }
    }

    private String appVersion(JsonNode body, boolean required) {
        if (!required && (body.get("appVersion") == null || body.get("appVersion").isNull())) {
            return null;
        }
        String value = text(body, "appVersion", 40);
        if (value != null && !APP_VERSION.matcher(value).matches()) {
            error("/appVersion", "must be a version such as 3.2.1 (letters, digits, . _ + -, at most 40)");
            return null;
        }
        return value;
    }

    private PushAddress pushAddress(JsonNode node, String pointer, DevicePlatform platform) {
        if (node == null || !node.isObject()) {
            error(pointer, "is required: an object with type fcm (token) or webpush (endpoint, keys.p256dh, keys.auth)");
            return null;
        }
        String type = text(node, "type", pointer + "/type", 16);
        if (type == null) {
            return null;
        }
        if (type.equals("fcm")) {
            if (platform == DevicePlatform.WEB) {
                error(pointer + "/type", "must be webpush for platform web");
                return null;
            }
            String token = text(node, "token", pointer + "/token", MAX_FCM_TOKEN);
            return token == null ? null : new PushAddress.FcmToken(token);
        }
        if (!type.equals("webpush")) {
            error(pointer + "/type", "must be fcm or webpush");
            return null;
        }
        if (platform == DevicePlatform.IOS) {
            error(pointer + "/type", "must be fcm for platform ios");
            return null;
        }
        URI endpoint = endpoint(node, pointer + "/endpoint");
        JsonNode keys = node.get("keys");
        if (keys == null || !keys.isObject()) {
            error(pointer + "/keys", "is required: an object with p256dh and auth (base64url)");
            return null;
        }
        byte[] p256dh = base64url(keys, "p256dh", pointer + "/keys/p256dh", 65,
                "must be the 65-byte uncompressed P-256 public key, base64url");
        byte[] auth = base64url(keys, "auth", pointer + "/keys/auth", 16, "must be the 16-byte auth secret, base64url");
        if (endpoint == null || p256dh == null || auth == null) {
            return null;
        }
        if (p256dh[0] != 0x04) {
            error(pointer + "/keys/p256dh", "must be the 65-byte uncompressed P-256 public key, base64url");
            return null;
        }
        return new PushAddress.WebPushSubscription(endpoint, p256dh, auth);
    }

    private URI endpoint(JsonNode node, String pointer) {
        String value = text(node, "endpoint", pointer, 2048);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            endpoints.checkRegistration(uri);
            return uri;
        } catch (URISyntaxException e) {
            error(pointer, "is not a valid URL");
        } catch (RefusedEndpointException e) {
            error(pointer, "is not allowed: " + e.getMessage());
        }
        return null;
    }

    private byte[] base64url(JsonNode node, String field, String pointer, int length, String message) {
        String value = text(node, field, pointer, 200);
        if (value == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value.replace("=", ""));
            if (bytes.length == length) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        error(pointer, message);
        return null;
    }

    private PublicJwk publicKey(JsonNode node) {
        if (node == null || !node.isObject()) {
            error("/publicKey", "is required: the device's public key as a JWK object (EC P-256 or OKP Ed25519)");
            return null;
        }
        try {
            return DeviceKeys.parsePublicKey(node.toString());
        } catch (IllegalArgumentException e) {
            error("/publicKey", e.getMessage());
            return null;
        }
    }

    private String text(JsonNode body, String field, int maxLength) {
        return text(body, field, "/" + field, maxLength);
    }

    private String text(JsonNode body, String field, String pointer, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            error(pointer, "is required");
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            error(pointer, "must be a non-empty string");
            return null;
        }
        if (value.asText().length() > maxLength) {
            error(pointer, "must be at most " + maxLength + " characters");
            return null;
        }
        return value.asText().strip();
    }

    private void error(String pointer, String detail) {
        errors.add(Map.of("pointer", pointer, "detail", pointer.substring(1).replace('/', '.') + " " + detail));
    }

    private void finish() throws Invalid {
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
    }
}
