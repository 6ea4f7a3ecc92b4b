package kr.jsoft.privacyportal.mail;

/** Where a mail of the outbox stands. */
public enum MailState {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up: too many attempts or a permanent refusal; a manager may retry it. */
    FAILED
}
