package kr.jsoft.privacyportal.destruction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.command.CommandView;

/** What the destruction services hand to servlets and templates: plain records, fully loaded. */
public final class DestructionViews {
    private DestructionViews() {
    }

    /** A request written: its reference and the secret status token (shown once, kept only hashed). */
    public record Submitted(UUID id, String reference, String statusToken) {
        @Override
        public String toString() {
            return "Submitted[" + reference + "]";
        }
    }

    /**
     * The requester's status page. {@code number} is shown while approval is awaited; devices only
     * once approved (before that, nothing may tell whether the number has any device).
     */
    public record Status(String reference, Origin origin, RequestState state, Optional<Outcome> outcome,
                         String number, Instant createdAt, Instant approvalDueAt, Optional<Instant> approvedAt,
                         Optional<Instant> finishedAt, List<DeviceStatus> devices, boolean portalRecordsErased,
                         Optional<String> certificate, Optional<Instant> windowEndsAt, int codeTriesLeft,
                         Optional<kr.jsoft.privacyportal.remedy.Remedies.Remedy> refusal, boolean devicesTold, Optional<java.time.Duration> remaining,
                         Optional<kr.jsoft.privacyportal.remedy.Remedies.Remedy> interim, Optional<Instant> waitsUntil) {
        /** The countdown of the waiting period, whole hours ("71" of "71시간 59분"). */
        public long remainingHours() {
            return remaining.orElse(java.time.Duration.ZERO).toHours();
        }

        /** The countdown's minutes past the whole hours ("59" of "71시간 59분"). */
        public int remainingMinutes() {
            return remaining.orElse(java.time.Duration.ZERO).toMinutesPart();
        }

        public boolean awaitingApproval() {
            return state == RequestState.SUBMITTED || state == RequestState.AWAITING_APPROVAL;
        }

        /** A request without the device: the countdown and its outcome have their own wording. */
        public boolean withoutDevice() {
            return origin == Origin.SMS || origin == Origin.REVIEW;
        }

        /**
         * The page refreshes itself while the request waits for something outside the page, never
         * while it holds a form (the SMS code): a reload would wipe what the person is typing.
         */
        public boolean refreshes() {
            return !state.isFinal() && state != RequestState.PROVING;
        }

        /**
         * Cancelled without the device after the registered phones were told: one of them said no.
         * Before that, only the code's deadline or its tries can have ended the request.
         */
        public boolean cancelledOnRegisteredPhone() {
            return state == RequestState.CANCELLED && withoutDevice() && devicesTold;
        }
    }

    /**
     * One device on the status page: position ("device 1"), its state (queued, woken, wiping, wiped,
     * waiting, expired), when that was reached, what it reports deleted, and whether the portal's
     * record of it is erased.
     */
    public record DeviceStatus(int position, String state, Optional<Instant> at, Map<String, Long> counts,
                               boolean erasedOnPortal) {
        public String key() {
            return "destruction.device." + state;
        }

        /**
         * What the device reports deleted, in words: known kinds by their own message
         * ({@code destruction.deleted.contacts}), any other kind the app may add as "other items",
         * never the app's key.
         */
        public List<Deleted> deleted() {
            return counts.entrySet().stream()
                    .map(e -> new Deleted(KNOWN_KINDS.contains(e.getKey()) ? "destruction.deleted." + e.getKey()
                            : "destruction.deleted.other", e.getValue()))
                    .toList();
        }
    }

    /** The kinds of app data the Smart Callback app reports deleting, each with a message of its own. */
    static final java.util.Set<String> KNOWN_KINDS = java.util.Set.of("contacts", "cardImages");

    /** One kind of deleted data on the status page: the message key of its words and how many. */
    public record Deleted(String key, long count) {
    }

    /** The queue's filters; null means any. */
    public record Filter(RequestState state, Origin origin, String reference) {
        public static final Filter NONE = new Filter(null, null, null);
    }

    /** A row of the manager's queue. */
    public record QueueRow(UUID id, String reference, Origin origin, RequestState state, Optional<Outcome> outcome,
                           Instant createdAt, Optional<Instant> approvedAt, Optional<Instant> finishedAt,
                           Instant deadlineAt, int devices, int wiped, boolean overdue, boolean promiseMissed) {
        /** Message key of the state as staff see it: every state apart (the public page merges some). */
        public String stateKey() {
            return "destruction.staff-state." + state.name();
        }

        public String originKey() {
            return "destruction.origin." + origin.name();
        }

        /** Message key of the outcome, or null while open. */
        public String outcomeKey() {
            return outcome.map(o -> "destruction.outcome." + o.name()).orElse(null);
        }
    }

    /** The manager's detail: the request's facts and a timeline per device. */
    public record Detail(QueueRow request, Optional<Instant> devicesLookedUpAt, Optional<Instant> promiseMissedAt,
                         boolean emailGiven, Optional<Instant> emailErasedAt, Optional<String> certificate,
                         List<DeviceDetail> devices, Optional<String> explanation, Optional<String> decision,
                         Optional<Instant> windowEndsAt, Optional<Instant> decidedAt) {
        /** Only requests in review can be executed or refused. */
        public boolean decidable() {
            return request.state() == RequestState.REVIEW;
        }
    }

    /** One device's timeline: its approval prompt and its wipe, as the command channel recorded them. */
    public record DeviceDetail(int position, UUID deviceId, Optional<String> answer, Optional<CommandView> approval,
                               Optional<CommandView> wipe, String state, Optional<String> receiptDigest,
                               Optional<Instant> deviceErasedAt) {
    }
}
