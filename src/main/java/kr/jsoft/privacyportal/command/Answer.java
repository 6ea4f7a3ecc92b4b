package kr.jsoft.privacyportal.command;

/** The user's answer to an {@code APPROVE_REQUEST}, as the device signed it. */
public enum Answer {
    APPROVED, REFUSED
}
