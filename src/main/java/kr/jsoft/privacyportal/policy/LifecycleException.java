package kr.jsoft.privacyportal.policy;

import java.util.List;

/**
 * A lifecycle action refused, with the message key (policy bundle) and its arguments that
 * say why, and the form field concerned (or null).
 */
final class LifecycleException extends RuntimeException {
    private final String messageKey;
    private final List<Object> arguments;
    private final String field;

    LifecycleException(String field, String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }

    public String field() {
        return field;
    }
}
