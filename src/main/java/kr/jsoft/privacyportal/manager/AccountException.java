package kr.jsoft.privacyportal.manager;

/** A refused account operation: {@code messageKey} says why, {@code field} which input was wrong (or null). */
final class AccountException extends RuntimeException {
    private final String messageKey;
    private final String field;

    AccountException(String messageKey, String field) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
    }

    String messageKey() { return messageKey; }
    String field() { return field; }
}
