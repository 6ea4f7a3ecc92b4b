package kr.jsoft.privacyportal.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Classifies FCM HTTP v1 responses. The error body is
 * {@code {"error":{"code":..,"status":"..","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":".."},
 * {"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"..",..}]}]}}}.
 *
 * <p>Addresses are only declared dead on positive evidence about the token, so a misconfigured
 * base URL or project (a bare 404 or 403) raises an alert instead of wiping every token.
 */
final class FcmErrors {

    static final String FCM_ERROR = "type.googleapis.com/google.firebase.fcm.v1.FcmError";
    static final String BAD_REQUEST = "type.googleapis.com/google.rpc.BadRequest";

    /** What the error body says. */
    record Parsed(String status, String errorCode, boolean hasFcmError, boolean tokenViolation,
            boolean otherViolation) {
    }

    private FcmErrors() {
    }

    static Parsed parse(ObjectMapper json, String body) {
        JsonNode error;
        try {
            JsonNode root = json.readTree(body == null ? "" : body);
            error = root == null ? null : root.get("error");
        } catch (IOException e) {
            error = null;
        }
        if (error == null || !error.isObject()) {
            return new Parsed("", "", false, false, false);
        }
        String errorCode = "";
        boolean hasFcmError = false;
        boolean tokenViolation = false;
        boolean otherViolation = false;
        for (JsonNode detail : error.path("details")) {
            String type = detail.path("@type").asText();
            if (FCM_ERROR.equals(type)) {
                hasFcmError = true;
                errorCode = detail.path("errorCode").asText();
            } else if (BAD_REQUEST.equals(type)) {
                for (JsonNode violation : detail.path("fieldViolations")) {
                    if ("message.token".equals(violation.path("field").asText())) {
                        tokenViolation = true;
                    } else {
                        otherViolation = true;
                    }
                }
            }
        }
        return new Parsed(safe(error.path("status").asText()), safe(errorCode), hasFcmError, tokenViolation,
                otherViolation);
    }

    static PushOutcome classify(int status, Parsed e, Optional<Duration> retryAfter) {
        String detail = ("fcm HTTP " + status + " " + e.status() + " " + e.errorCode()).trim();
        if (status == 200) {
            return PushOutcome.delivered();
        }
        switch (e.errorCode()) {
            case "UNREGISTERED", "SENDER_ID_MISMATCH":
                return PushOutcome.deadAddress(detail);
            case "THIRD_PARTY_AUTH_ERROR":
                return PushOutcome.configError(detail);
            case "QUOTA_EXCEEDED", "UNAVAILABLE", "INTERNAL":
                return PushOutcome.retry(retryAfter, detail);
            default:
                break;
        }
        if (status == 400) {
            if (e.tokenViolation()) {
                return PushOutcome.deadAddress(detail + " token");
            }
            if (e.otherViolation()) {
                return PushOutcome.bug(detail);
            }
            return e.hasFcmError() ? PushOutcome.deadAddress(detail) : PushOutcome.bug(detail);
        }
        if (status == 401 || status == 403 || status == 404) {
            return PushOutcome.configError(detail);
        }
        if (status == 429 || status >= 500) {
            return PushOutcome.retry(retryAfter, detail);
        }
        return PushOutcome.bug(detail + " unexpected");
    }

    private static String safe(String code) {
        return code.matches("[A-Z_]{0,40}") ? code : "?";
    }
}
