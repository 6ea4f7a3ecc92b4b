package kr.jsoft.privacyportal.rights;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the rights services hand to the pages and the JSON download: plain data, values as message keys. */
final class RightsViews {
    private RightsViews() {
    }

    /** The waiting page before the proof: how the number is being proven, and until when. */
    record Proof(String way, String state, String number, Instant dueAt, int codeTriesLeft) {
    }

    /** A pending command of a device: its kind and state as message keys. */
    record PendingCommand(String kindKey, String stateKey, Instant queuedAt, Instant expiresAt) {
    }

    /** A registration under the number. {@code position} is what the person reads ("Phone 1"). */
    record Device(UUID id, int position, String platformKey, String appVersion, String stateKey,
                  Instant registeredAt, Instant lastCheckInAt, String pushKey, List<PendingCommand> pending) {
        public boolean active() {
            return stateKey.endsWith("active");
        }
    }

    /** An open request or complaint of the number: which it is, its reference, state, times and email. */
    record OpenCase(String type, UUID id, String reference, String kindKey, String stateKey, Instant receivedAt,
                    Instant dueAt, String email) {
        /** Where the email goes as the correction form's hidden value. */
        public String target() {
            return type + ":" + id;
        }
    }

    /** Everything the portal holds linked to the proven number (PIPA Art. 35). */
    record Holdings(Instant provenAt, Instant pageExpiresAt, List<Device> devices, List<OpenCase> cases) {
    }

    /** One staff-recorded request for the queue and the home page. */
    record Row(UUID id, String reference, String kindKey, String channelKey, String requesterKey, String stateKey,
               String state, Instant receivedAt, Instant dueAt, Optional<String> outcomeKey) {
        public boolean open() {
            return state.equals("PROVING") || state.equals("OPEN");
        }

        public boolean overdue(Instant now) {
            return open() && !now.isBefore(dueAt);
        }

        /** Whole days left to the deadline (or past it, when overdue). */
        public long days(Instant now) {
            return Math.abs(java.time.Duration.between(now, dueAt).toHours()) / 24;
        }

        /** Hours beyond {@link #days}. */
        public long hours(Instant now) {
            return Math.abs(java.time.Duration.between(now, dueAt).toHours()) % 24;
        }
    }

    /** A staff-recorded request in full, for the desk (opened personal fields) and the status page. */
    record Detail(Row row, String authority, String details, String email, Optional<String> grounds,
                  Optional<Instant> postponedUntil, Optional<Instant> decidedAt, int codeTriesLeft,
                  boolean objectable, Optional<Instant> erasedAt) {
    }

    /** A request as it was recorded. */
    record Recorded(UUID id, String reference) {
    }
}
