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
                         Optional<String> certificate) {
        public boolean awaitingApproval() {
            return state == RequestState.SUBMITTED || state == RequestState.AWAITING_APPROVAL;
        }

        /** The page refreshes itself until the request is finished. */
        public boolean refreshes() {
            return !state.isFinal();
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
    }

    /** A row of the manager's queue. */
    public record QueueRow(UUID id, String reference, Origin origin, RequestState state, Optional<Outcome> outcome,
                           Instant createdAt, Optional<Instant> approvedAt, Optional<Instant> finishedAt,
                           Instant deadlineAt, int devices, int wiped, boolean overdue, boolean promiseMissed) {
    }

    /** The manager's detail: the request's facts and a timeline per device. */
    public record Detail(QueueRow request, Optional<Instant> devicesLookedUpAt, Optional<Instant> promiseMissedAt,
                         boolean emailGiven, Optional<Instant> emailErasedAt, Optional<String> certificate,
                         List<DeviceDetail> devices) {
    }

    /** One device's timeline: its approval prompt and its wipe, as the command channel recorded them. */
    public record DeviceDetail(int position, UUID deviceId, Optional<String> answer, Optional<CommandView> approval,
                               Optional<CommandView> wipe, String state, Optional<String> receiptDigest,
                               Optional<Instant> deviceErasedAt) {
    }
}
