package kr.jsoft.privacyportal.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;

/** The personal part of a mail as it is sealed in the outbox: its model, which values are secret, the unsubscribe link. */
record MailPayload(Map<String, String> model, Set<String> secretLinks, String listUnsubscribe) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static MailPayload fromJson(String json) {
        try {
            return JSON.readValue(json, MailPayload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable mail payload", e);
        }
    }

    static String mapToJson(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> mapFromJson(String json) {
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable mail context", e);
        }
    }
}
