package kr.jsoft.privacyportal.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.jsoft.privacyportal.remedy.Remedies;

/** What the complaint pages render: plain records, fully loaded inside the service's transaction. */
public final class ComplaintViews {
    private ComplaintViews() {
    }

    /** How close a case is to its due date (only open cases are ever urgent). */
    public enum Urgency {
        NONE, DUE_SOON, OVERDUE;

        public String cssClass() {
            return this == NONE ? "" : this == DUE_SOON ? "due-soon" : "overdue";
        }
    }

    /** What the form sends: everything as typed. */
    public record Submission(String category, String description, String name, String email, String phone,
                             String language) {
    }

    /** The new case: its reference and the secret status token (shown once, stored only as a hash). */
    public record Receipt(String reference, String statusToken) {
    }

    public record Message(String kind, String author, String body, Instant at) {
    }

    /** The status page: what the complainant may see. */
    public record Status(String reference, Category category, CaseState state, Instant receivedAt, Instant dueAt,
                         List<Message> conversation, java.util.Optional<Remedies.Remedy> remedy) {
    }

    public record QueueRow(UUID id, String reference, Category category, CaseState state, String assigneeName,
                           Instant receivedAt, Instant dueAt, Urgency urgency) {
    }

    /** The queue's filters; null means any. {@code dueFrom}/{@code dueTo}: Seoul days, both included. */
    public record Filter(CaseState state, Category category, UUID assignee, boolean overdueOnly, String reference,
                         java.time.LocalDate dueFrom, java.time.LocalDate dueTo) {
        public static final Filter NONE = new Filter(null, null, null, false, null, null, null);
    }

    /** The detail page: the case with its personal data and the whole timeline (notes included). */
    public record Detail(UUID id, String reference, Category category, CaseState state, String lang, String name,
                         String email, String phone, UUID assigneeId, String assigneeName, Instant receivedAt,
                         Instant dueAt, Instant firstAnsweredAt, Instant closedAt, Instant erasedAt, Urgency urgency,
                         List<Message> timeline) {
    }

    public record MonthCount(String month, Category category, long count) {
    }

    public record Statistics(List<MonthCount> counts, long answered, Duration medianFirstAnswer) {
    }

    public record Assignee(UUID id, String displayName) {
    }
}
