package kr.jsoft.privacyportal.destruction;

import kr.jsoft.privacyportal.persistence.YearlyReferences;
import kr.jsoft.privacyportal.crypto.Digests;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.command.CommandState;
import kr.jsoft.privacyportal.command.CommandView;
import kr.jsoft.privacyportal.web.Dates;
import org.hibernate.Session;

/** The destruction tables' queries and the small rules the services share. */
final class DestructionRecords {
    private static final YearlyReferences REFERENCES = new YearlyReferences("D", "destruction_counter", "last_number");
    /** Commands of a request carry this reference prefix and the request id. */
    static final String COMMAND_REFERENCE = "destruction:";
    static final String TARGET = "destruction_request";

    private DestructionRecords() {
    }

    static String commandReference(UUID requestId) {
        return COMMAND_REFERENCE + requestId;
    }

    static Optional<UUID> requestOf(CommandView command) {
        return command.reference().filter(r -> r.startsWith(COMMAND_REFERENCE)).flatMap(r -> {
            try {
                return Optional.of(UUID.fromString(r.substring(COMMAND_REFERENCE.length())));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** {@code D-2026-000123}: the Seoul year of {@code at} and the year's next number (the year's counter row). */
    static String nextReference(Session session, Instant at) {
        return REFERENCES.next(session, at.atZone(Dates.SEOUL).getYear());
    }

    static DestructionRequest locked(Session session, UUID id) {
        return session.find(DestructionRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    static Optional<DestructionRequest> byToken(Session session, String token) {
        if (token == null || token.length() < 16 || token.length() > 64) {
            return Optional.empty();
        }
        return session.createSelectionQuery("from DestructionRequest r where r.statusTokenHash = :hash",
                        DestructionRequest.class)
                .setParameter("hash", Digests.sha256Hex(token)).uniqueResultOptional();
    }

    static List<DestructionDevice> devicesOf(Session session, UUID requestId) {
        return session.createSelectionQuery("from DestructionDevice d where d.requestId = :id order by d.position",
                        DestructionDevice.class)
                .setParameter("id", requestId).getResultList();
    }

    static Optional<DestructionDevice> device(Session session, UUID requestId, UUID deviceId) {
        return session.createSelectionQuery(
                        "from DestructionDevice d where d.requestId = :request and d.deviceId = :device",
                        DestructionDevice.class)
                .setParameter("request", requestId).setParameter("device", deviceId).uniqueResultOptional();
    }

    static List<UUID> idsInState(Session session, RequestState state, int limit) {
        return session.createSelectionQuery("select r.id from DestructionRequest r where r.state = :state"
                        + " order by r.createdAt, r.id", UUID.class)
                .setParameter("state", state).setMaxResults(limit).getResultList();
    }

    /** Runs {@code action} once the caller's transaction has committed (never on rollback). */
    static void afterCommit(Session session, Runnable action) {
        session.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /** The state a device shows on the status page, from its stored part and its live wipe command. */
    static String deviceState(DestructionDevice device, Optional<CommandView> wipe) {
        return switch (device.wipeState()) {
            case PENDING -> "queued";
            case WIPED -> "wiped";
            case NOT_CONFIRMED -> "expired";
            case QUEUED -> wipe.map(DestructionRecords::liveState).orElse("queued");
        };
    }

    private static String liveState(CommandView wipe) {
        return switch (wipe.state()) {
            case QUEUED -> wipe.wakeUps() > 0 ? "waiting" : "queued";
            case WOKEN -> "woken";
            case FETCHED, STARTED -> "wiping";
            case COMPLETED -> "wiped";
            case FAILED, EXPIRED -> "expired";
        };
    }

    /**
     * A device counts as online for the 60-second promise once it has fetched the wipe (a delivered
     * push alone proves nothing: push services accept wake-ups for phones that are switched off).
     */
    static boolean online(CommandView wipe) {
        return wipe.state() == CommandState.FETCHED || wipe.state() == CommandState.STARTED;
    }
}
