package kr.jsoft.privacyportal.command;

import java.util.Objects;

/**
 * What an {@code APPROVE_REQUEST} shows: the action in words and a number the user compares with
 * the one the portal shows them (number matching), then approves or refuses. No personal data.
 *
 * @param action  a stable machine-readable name of the action, e.g. {@code destruction-request}
 * @param message the question to show, 1..500 characters
 * @param number  the number to show, 2..6 digits
 */
public record ApprovalPrompt(String action, String message, String number) {
    public ApprovalPrompt {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(number, "number");
        if (!action.matches("[a-z0-9-]{1,60}")) {
            throw new IllegalArgumentException("action must be 1..60 of [a-z0-9-]");
        }
        if (message.isBlank() || message.length() > 500) {
            throw new IllegalArgumentException("message must be 1..500 characters");
        }
        if (!number.matches("[0-9]{2,6}")) {
            throw new IllegalArgumentException("number must be 2..6 digits");
        }
    }
}
