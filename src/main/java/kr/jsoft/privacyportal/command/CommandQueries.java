package kr.jsoft.privacyportal.command;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.jsoft.privacyportal.persistence.Locks;
import org.hibernate.Session;

/** The command tables' queries, each a small method that takes the caller's session. */
final class CommandQueries {
    static final List<CommandState> OPEN = List.of(CommandState.QUEUED, CommandState.WOKEN, CommandState.FETCHED,
            CommandState.STARTED);
    /**
     * {@link #OPEN} written into the query rather than bound as a list: Hibernate does not cache the
     * SQL translation of a query with a multi-valued parameter, and translating it anew took a third
     * of every check-in's query time in the benchmark's profile.
     */
    private static final String OPEN_STATES = OPEN.stream()
            .map(state -> CommandState.class.getName() + "." + state.name())
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));

    private CommandQueries() {
    }

    static DeviceCommand locked(Session session, UUID id) {
        return session.find(DeviceCommand.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The device's open, unexpired commands, oldest first, locked: the dispatcher records outcomes on
     * the same rows. Every query that waits for locks on several commands locks them in id order (no
     * deadlocks); the wake-up claim does not wait ({@code SKIP LOCKED}), and the history purge touches
     * finished commands only, after taking the audit chain's lock as device erasure does.
     */
    static List<DeviceCommand> pendingFor(Session session, UUID deviceId, Instant now) {
        return session.createSelectionQuery("from DeviceCommand c where c.deviceId = :device and c.state in "
                        + OPEN_STATES + " and c.expiresAt > :now order by c.id", DeviceCommand.class)
                .setParameter("device", deviceId)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream()
                .sorted(java.util.Comparator.comparing(DeviceCommand::createdAt).thenComparing(DeviceCommand::id))
                .toList();
    }

    static List<DeviceCommand> openOf(Session session, UUID deviceId) {
        return session.createSelectionQuery("from DeviceCommand c where c.deviceId = :device and c.state in "
                        + OPEN_STATES + " order by c.id", DeviceCommand.class)
                .setParameter("device", deviceId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    static List<DeviceCommand> historyOf(Session session, UUID deviceId) {
        return session.createSelectionQuery("from DeviceCommand c where c.deviceId = :device"
                        + " order by c.createdAt desc, c.id", DeviceCommand.class)
                .setParameter("device", deviceId)
                .getResultList();
    }

    static List<DeviceCommand> byReference(Session session, String reference) {
        return session.createSelectionQuery("from DeviceCommand c where c.reference = :reference"
                        + " order by c.createdAt, c.id", DeviceCommand.class)
                .setParameter("reference", reference)
                .getResultList();
    }

    static List<DeviceCommand> overdue(Session session, Instant now, int limit) {
        return session.createSelectionQuery("from DeviceCommand c where c.state in " + OPEN_STATES
                        + " and c.expiresAt <= :now order by c.id", DeviceCommand.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /**
     * Commands whose wake-up is due and not leased by a live worker, locked with {@code FOR UPDATE
     * SKIP LOCKED}: a dispatcher of another instance that is in the middle of its own claim holds its
     * rows locked, and this one takes the next rows instead of reading the same ones and then finding
     * them leased (the mail claim had that collision; see {@code MailDispatcher}). No ORDER BY: H2
     * would sort, and lock, every due row for it; its {@code next_wake_at} index gives the earliest
     * first anyway, and every due row is handled within the same pass.
     *
     * <p>The lower bound {@code nextWakeAt >= epoch} changes nothing in the result and everything in
     * the plan: finished commands keep their rows with {@code next_wake_at} null, H2 sorts nulls first
     * in the index, and without a lower bound it walked all of them on every claim (60,000 finished
     * commands: 23 ms per claim instead of 0.9 ms; PostgreSQL's index puts nulls last).
     * Without ORDER BY, PostgreSQL may return due rows in another order than earliest first; that only
     * changes which due rows go in this batch, as every due row is handled in the same pass.
     */
    static List<DeviceCommand> dueLocked(Session session, Instant now, int limit) {
        return Locks.skipLocked(session.createSelectionQuery("from DeviceCommand c where c.nextWakeAt >= :epoch"
                        + " and c.nextWakeAt <= :now and c.expiresAt > :now"
                        + " and (c.leaseUntil is null or c.leaseUntil < :now)", DeviceCommand.class))
                .setParameter("epoch", Instant.EPOCH)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Claims those of {@code ids} still due and unleased for {@code token} until {@code until}: a conditional
     * UPDATE, so of two workers racing for a row only one matches the condition.
     */
    static int claim(Session session, List<UUID> ids, String token, Instant now, Instant until) {
        return session.createMutationQuery("update DeviceCommand c set c.claimedBy = :token, c.leaseUntil = :until"
                        + " where c.id in :ids and c.nextWakeAt <= :now"
                        + " and (c.leaseUntil is null or c.leaseUntil < :now)")
                .setParameter("token", token)
                .setParameter("until", until)
                .setParameter("ids", ids)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** The commands claimed with {@code token}, locked: recording outcomes must not overwrite a fetch or receipt made meanwhile. */
    static List<DeviceCommand> claimedByLocked(Session session, String token) {
        return session.createSelectionQuery("from DeviceCommand c where c.claimedBy = :token order by c.id",
                        DeviceCommand.class)
                .setParameter("token", token)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** A command's receipts in the order they arrived (started before completed at the same instant). */
    static List<CommandReceipt> receiptsOf(Session session, UUID commandId) {
        return session.createSelectionQuery("from CommandReceipt r where r.commandId = :command", CommandReceipt.class)
                .setParameter("command", commandId)
                .getResultList().stream()
                .sorted(java.util.Comparator.comparing(CommandReceipt::receivedAt)
                        .thenComparing(r -> r.type().equals("started") ? 0 : 1))
                .toList();
    }

    static CommandReceipt receipt(Session session, UUID commandId, String type) {
        return session.createSelectionQuery("from CommandReceipt r where r.commandId = :command and r.type = :type",
                        CommandReceipt.class)
                .setParameter("command", commandId)
                .setParameter("type", type)
                .uniqueResult();
    }

    static List<WakeUpAttempt> wakeUpsOf(Session session, UUID commandId) {
        return session.createSelectionQuery("from WakeUpAttempt w where w.commandId = :command"
                        + " order by w.attemptedAt, w.id", WakeUpAttempt.class)
                .setParameter("command", commandId)
                .getResultList();
    }
}
