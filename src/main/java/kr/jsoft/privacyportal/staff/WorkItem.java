package kr.jsoft.privacyportal.staff;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing to do on the home page. Everything a person reads comes from message keys of the
 * feature's bundle, so it is in the viewer's language:
 * <ul>
 * <li>{@code whatKey} (with {@code whatArgs}) says what is due, e.g. "complaint.work.answer" →
 *     "민원에 답변해야 합니다"; an argument that is itself words (a mail's kind) is a {@link Words},
 *     several of them a {@link WordList};</li>
 * <li>{@code subject}: the case's reference (C-2026-000123), shown as is (never an internal id);</li>
 * <li>{@code dueAt}: the deadline; the page shows it in KST with the time left or overdue;</li>
 * <li>{@code clockKey}: which deadline it is (e.g. "destruction.work.clock.statutory" → "법정 기한 10일");</li>
 * <li>{@code href} and {@code actionKey}: the one click that acts on it.</li>
 * </ul>
 */
public record WorkItem(String whatKey, List<Object> whatArgs, String subject, Instant dueAt, String clockKey,
                       String href, String actionKey) {
    public WorkItem {
        Objects.requireNonNull(whatKey);
        Objects.requireNonNull(dueAt);
        Objects.requireNonNull(clockKey);
        Objects.requireNonNull(href);
        Objects.requireNonNull(actionKey);
        whatArgs = List.copyOf(whatArgs);
    }

    /** A message argument that is a message key, worded in the viewer's language too. */
    public record Words(String key) {
    }

    /**
     * A message argument that lists several things (each a {@link Words} or shown as is), joined
     * in the viewer's language: one row for "these five items are undisclosed", not five rows.
     */
    public record WordList(List<Object> parts) {
        public WordList {
            parts = List.copyOf(parts);
        }
    }

    /** An item without message arguments. */
    public static WorkItem of(String whatKey, String subject, Instant dueAt, String clockKey, String href,
                              String actionKey) {
        return new WorkItem(whatKey, List.of(), subject, dueAt, clockKey, href, actionKey);
    }
}
