package kr.jsoft.privacyportal.breach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the breach pages render: plain records, fully loaded inside the service's transaction. */
final class BreachViews {
    private BreachViews() {
    }

    /**
     * The 72-hour clock: the deadline, the time left (negative once past), and whether the duties it
     * runs for are done (notice sent, and the report recorded where one is owed).
     */
    record Clock72(Instant deadline, Duration left, boolean done) {
        public boolean overdue() {
            return !done && left.isNegative();
        }

        public long hours() {
            return Math.abs(left.toHours());
        }

        public int minutes() {
            return Math.abs(left.toMinutesPart());
        }
    }

    record Row(UUID id, String reference, Instant discoveredAt, IncidentScope scope, Optional<Instant> noticeSentAt,
               boolean reportOwed, Optional<Instant> reportSubmittedAt, Clock72 clock) {
    }

    /** Delivery of the individual notice, per channel. */
    record Delivery(long devicesTargeted, long notified, long confirmed, long waiting, long unreachable,
                    boolean allDevicesQueued, int subscriberMails, boolean subscribersFinished, int complainantMails) {
    }

    record PublicNotice(UUID noticeId, Instant until) {
    }

    record Detail(UUID id, String reference, Instant discoveredAt, Instant recordedAt, String whatHappened,
                  List<LeakedItem> items, IncidentScope scope, Optional<Instant> windowFrom,
                  Optional<Instant> windowTo, int listedDevices, List<String> complaintReferences,
                  boolean outsideHacking, boolean sensitive, Optional<Integer> estimatedPeople, BreachDuties duties,
                  Clock72 clock, NoticeParts parts, Optional<Instant> noticeSentAt, Optional<String> noticeKo,
                  Optional<String> noticeEn, Optional<Delivery> delivery, Optional<PublicNotice> publicNotice,
                  Optional<Instant> reportSubmittedAt, Optional<String> reportSubmittedTo) {
        public boolean sent() {
            return noticeSentAt.isPresent();
        }
    }

    /**
     * The report to the regulator, with what the Commission's form asks: the organisation and its
     * contact, the items, the number of people, when and how, the measures taken, the notice given.
     */
    record Report(Detail incident, String organisation, String officerName, String officerPosition,
                  String officerPhone, String officerEmail, String homepage) {
    }

    /** A refusal of a form: per field the message key, and the input to show again. */
    record Refusal(Map<String, String> errors) {
    }
}
