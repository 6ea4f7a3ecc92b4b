package kr.jsoft.privacyportal.command;

import kr.jsoft.privacyportal.jobs.Signal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.persistence.Database;
import org.hibernate.Session;

/**
 * The command channel other features use: queue a signed command for a device inside their own
 * transaction, read its progress, and be told (in the transaction that records it) when it starts,
 * completes, fails or expires. The wake-ups are sent by {@link WakeUpDispatcher}; the device fetches
 * commands and posts receipts through the device API ({@link CommandChannel}).
 */
public final class Commands {
    /** The entities of the command feature, for the composition root. */
    public static final List<Class<?>> ENTITIES = List.of(DeviceCommand.class, CommandReceipt.class,
            WakeUpAttempt.class);
    /** How long a command waits for its device unless the caller says otherwise. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(30);
    static final Duration MAX_EXPIRY = Duration.ofDays(365);
    static final String TARGET = "device-command";
    private static final int EXPIRE_BATCH = 200;
    static final int PURGE_BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random;
    private final CommandSigner signer;
    private final Signal signal;
    private final List<CommandListener> listeners = new CopyOnWriteArrayList<>();
    /** Commands finished before this have been purged ({@link #purgeHistory}); only ever moves forward. */
    private volatile Instant purgedUpTo = Instant.EPOCH;

    public Commands(Database database, AuditLog auditLog, Clock clock, SecureRandom random, CommandSigner signer,
                    Signal signal) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.random = random;
        this.signer = signer;
        this.signal = signal;
    }

    /** Registers a listener (at wiring time, by the listening feature's factory). */
    public void listen(CommandListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Queues a {@code NOTIFY} in the caller's transaction, expiring after {@link #DEFAULT_EXPIRY}. */
    public UUID notify(Session session, UUID deviceId, Notice notice) {
        return notify(session, deviceId, notice, null, DEFAULT_EXPIRY);
    }

    /** Queues a {@code NOTIFY} in the caller's transaction. {@code reference} may be null. */
    public UUID notify(Session session, UUID deviceId, Notice notice, String reference, Duration expiry) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("code", notice.code());
        args.put("message", notice.message());
        return queue(session, deviceId, CommandKind.NOTIFY, args, reference, expiry);
    }

    /** As {@link #approveRequest(Session, UUID, ApprovalPrompt, String, Duration)} without a reference. */
    public UUID approveRequest(Session session, UUID deviceId, ApprovalPrompt prompt, Duration expiry) {
        return approveRequest(session, deviceId, prompt, null, expiry);
    }

    /**
     * Queues an {@code APPROVE_REQUEST} in the caller's transaction: the device shows the prompt and
     * its number, and the user's answer comes back in a COMPLETED receipt signed by the device key
     * ({@link CommandView#answer()}; listeners hear of it in the receipt's transaction).
     *
     * @param reference the caller's opaque reference to find its commands by (no personal data), or null
     */
    public UUID approveRequest(Session session, UUID deviceId, ApprovalPrompt prompt, String reference,
                               Duration expiry) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("action", prompt.action());
        args.put("message", prompt.message());
        args.put("number", prompt.number());
        return queue(session, deviceId, CommandKind.APPROVE_REQUEST, args, reference, expiry);
    }

    /**
     * Queues a {@code WIPE_APP_DATA} in the caller's transaction: the device sends STARTED before it
     * deletes anything and COMPLETED with the counts deleted ({@link CommandView#counts()}).
     */
    public UUID wipeAppData(Session session, UUID deviceId, String reference, Duration expiry) {
        return queue(session, deviceId, CommandKind.WIPE_APP_DATA, Map.of(), reference, expiry);
    }

    private UUID queue(Session session, UUID deviceId, CommandKind kind, Map<String, Object> args, String reference,
                       Duration expiry) {
        Objects.requireNonNull(deviceId, "deviceId");
        if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0) {
            throw new IllegalArgumentException("expiry must be between 1 second and 365 days");
        }
        if (reference != null && (reference.isBlank() || reference.length() > 100)) {
            throw new IllegalArgumentException("reference must be 1..100 characters");
        }
        UUID id = UUID.randomUUID();
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(expiry);
        String signed = signer.sign(id, deviceId, kind, nonce, now, expiresAt, args);
        session.persist(new DeviceCommand(id, deviceId, kind, reference, nonce, signed, now, expiresAt));
        auditLog.record(session, AuditEvent.system("command.queued").target(TARGET, id)
                .detail("kind=" + kind + " device=" + deviceId));
        // The first wake-up goes out as soon as this transaction commits, not at the next sweep.
        session.getTransaction().registerSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    signal.raise();
                }
            }
        });
        return id;
    }

    /** A command as it stands, read in the caller's transaction. */
    public Optional<CommandView> view(Session session, UUID commandId) {
        return Optional.ofNullable(session.find(DeviceCommand.class, commandId)).map(Commands::toView);
    }

    public Optional<CommandView> view(UUID commandId) {
        return database.fromTransaction(session -> view(session, commandId));
    }

    /**
     * Commands that failed or expired since {@code since}, newest first: a device that never woke or
     * never confirmed, for the day's work. Reads no personal data.
     */
    public List<CommandView> failedSince(Instant since, int limit) {
        return database.fromTransaction(session -> session.createSelectionQuery("from DeviceCommand c"
                        + " where c.state in (:failed) and c.finishedAt >= :since order by c.finishedAt desc",
                        DeviceCommand.class)
                .setParameter("failed", List.of(CommandState.FAILED, CommandState.EXPIRED))
                .setParameter("since", since).setMaxResults(limit).getResultList().stream()
                .map(Commands::toView).toList());
    }

    /** A device's commands not yet finished, oldest first, read in the caller's transaction. */
    public List<CommandView> openOf(Session session, UUID deviceId) {
        // The history, not openOf: that one locks the rows for the dispatcher, and a reader must not.
        return CommandQueries.historyOf(session, deviceId).stream().map(Commands::toView)
                .filter(c -> !c.state().isFinal()).sorted(java.util.Comparator.comparing(CommandView::createdAt))
                .toList();
    }

    /** The commands queued under one reference, oldest first, read in the caller's transaction. */
    public List<CommandView> byReference(Session session, String reference) {
        return CommandQueries.byReference(session, reference).stream().map(Commands::toView).toList();
    }

    /**
     * The SHA-256 (base64url) of the body of a command's stored receipt of {@code type}
     * ({@code started}, {@code completed}, {@code failed}), read in the caller's transaction.
     */
    public Optional<String> receiptDigest(Session session, UUID commandId, String type) {
        return Optional.ofNullable(CommandQueries.receipt(session, commandId, type)).map(CommandReceipt::bodyDigest);
    }

    /**
     * A destroyed device's commands lose their signed payloads, in the caller's transaction (states,
     * times and the receipts, which hold no personal data, stay as the record). Also the erasure
     * journal's eraser for kind {@code device-commands} (id: the device id). True if anything was erased.
     */
    public boolean erasePayloadsOf(Session session, UUID deviceId) {
        boolean erased = false;
        for (DeviceCommand command : CommandQueries.historyOf(session, deviceId)) {
            erased |= command.erasePayload();
        }
        return erased;
    }

    /** A device's commands, newest first, for the dashboard; the view is recorded for the staff account. */
    public List<CommandView> historyOf(UUID deviceId, String staffAccountId, String clientAddress) {
        return database.fromTransaction(session -> {
            List<CommandView> history = CommandQueries.historyOf(session, deviceId).stream()
                    .map(Commands::toView).toList();
            auditLog.record(session, AuditEvent.staff(staffAccountId, clientAddress, "command.history-viewed")
                    .target("device", deviceId));
            return history;
        });
    }

    /** One command with its wake-ups and receipts, for the dashboard; the view is recorded. */
    public Optional<CommandDetail> detail(UUID commandId, String staffAccountId, String clientAddress) {
        return database.fromTransaction(session -> {
            DeviceCommand command = session.find(DeviceCommand.class, commandId);
            if (command == null) {
                return Optional.empty();
            }
            auditLog.record(session, AuditEvent.staff(staffAccountId, clientAddress, "command.detail-viewed")
                    .target(TARGET, commandId));
            List<WakeUpView> wakeUps = CommandQueries.wakeUpsOf(session, commandId).stream()
                    .map(w -> new WakeUpView(w.attemptedAt(), w.outcome(), w.detail(),
                            Optional.ofNullable(w.nextAttemptAt())))
                    .toList();
            List<ReceiptView> receipts = CommandQueries.receiptsOf(session, commandId).stream()
                    .map(r -> new ReceiptView(r.type(), r.receivedAt(), r.deviceSignature(), r.body(),
                            r.bodyDigest(), r.deviceKey()))
                    .toList();
            return Optional.of(new CommandDetail(toView(command), wakeUps, receipts));
        });
    }

    /** What a manager's "retry wake-up" did. */
    public enum RetryResult {
        /** The next wake-up is due now; the dispatcher sends it within moments. */
        SCHEDULED,
        /** The command is completed, failed or expired: nothing to wake for. */
        FINISHED,
        UNKNOWN
    }

    /** A manager asks for another wake-up now (e.g. after fixing the push configuration). */
    public RetryResult retryWakeUp(UUID commandId, String staffAccountId, String clientAddress) {
        RetryResult result = database.fromTransaction(session -> {
            DeviceCommand command = CommandQueries.locked(session, commandId);
            if (command == null) {
                return RetryResult.UNKNOWN;
            }
            if (command.state().isFinal() || !clock.instant().isBefore(command.expiresAt())) {
                return RetryResult.FINISHED;
            }
            command.wakeNow(clock.instant());
            auditLog.record(session, AuditEvent.staff(staffAccountId, clientAddress, "command.wake-up-retried")
                    .target(TARGET, commandId));
            return RetryResult.SCHEDULED;
        });
        if (result == RetryResult.SCHEDULED) {
            signal.raise();
        }
        return result;
    }

    /** Marks open commands past their expiry EXPIRED (run by the dispatcher's sweep); returns how many. */
    public int expireOverdue() {
        int total = 0;
        while (true) {
            int expired = database.fromTransaction(session -> {
                Instant now = clock.instant();
                List<DeviceCommand> overdue = CommandQueries.overdue(session, now, EXPIRE_BATCH);
                for (DeviceCommand command : overdue) {
                    command.expired(now);
                    auditLog.record(session, AuditEvent.system("command.expired").target(TARGET, command.id())
                            .detail("kind=" + command.kind() + " device=" + command.deviceId()));
                    changed(session, command);
                }
                return overdue.size();
            });
            total += expired;
            if (expired < EXPIRE_BATCH) {
                return total;
            }
        }
    }

    /**
     * The history of commands that finished before {@code retention} ago loses what only served the
     * delivery: the wake-up attempts (times, push outcomes) and the signed payload (the device had it).
     * The command row (kind, state, times) and its signed receipts stay as the record; neither holds
     * personal data. An hourly {@code exclusive} job.
     *
     * <p>Batches of {@link #PURGE_BATCH} commands, oldest finished first, each in its own transaction
     * that writes its audit entry <em>before</em> touching a command row: device erasure takes the
     * audit chain's lock and then its device's commands, so taking them in the same order cannot
     * deadlock. Later runs start from where the last one reached ({@code purgedUpTo}), so an hourly
     * run reads the last hour's finished commands, not the whole history (after a restart it reads
     * the whole history once). A restored backup keeps its payloads until the first run after start.
     *
     * @return commands purged
     */
    public int purgeHistory(Duration retention) {
        Instant cutoff = clock.instant().minus(retention);
        int total = 0;
        while (true) {
            Instant from = purgedUpTo;
            List<Object[]> batch = database.fromTransaction(session -> {
                // finishedAt >= from (at least the epoch): open commands (null) come first in H2's index.
                List<Object[]> rows = session.createSelectionQuery("select c.id, c.finishedAt from DeviceCommand c"
                                + " where c.finishedAt >= :from and c.finishedAt < :cutoff"
                                + " and (c.signedCommand <> :erased"
                                + " or exists (select 1 from WakeUpAttempt w where w.commandId = c.id))"
                                + " order by c.finishedAt", Object[].class)
                        .setParameter("from", from)
                        .setParameter("cutoff", cutoff)
                        .setParameter("erased", DeviceCommand.ERASED)
                        .setMaxResults(PURGE_BATCH)
                        .getResultList();
                if (rows.isEmpty()) {
                    return rows;
                }
                List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
                auditLog.record(session, AuditEvent.system("command.history.purged")
                        .detail("commands=" + ids.size() + " finishedBefore=" + cutoff));
                session.createMutationQuery("delete from WakeUpAttempt w where w.commandId in :ids")
                        .setParameter("ids", ids)
                        .executeUpdate();
                session.createMutationQuery("update DeviceCommand c set c.signedCommand = :erased where c.id in :ids")
                        .setParameter("erased", DeviceCommand.ERASED)
                        .setParameter("ids", ids)
                        .executeUpdate();
                return rows;
            });
            total += batch.size();
            if (batch.size() < PURGE_BATCH) {
                purgedUpTo = cutoff.isAfter(purgedUpTo) ? cutoff : purgedUpTo;
                return total;
            }
            // Commands finished at the same instant as the batch's last one are looked at again (and
            // skipped by the condition once purged), so none is passed over.
            purgedUpTo = (Instant) batch.get(batch.size() - 1)[1];
        }
    }

    /** The device is being erased: its open commands can no longer be carried out. */
    void failOpenCommandsOf(Session session, UUID deviceId) {
        Instant now = clock.instant();
        for (DeviceCommand command : CommandQueries.openOf(session, deviceId)) {
            command.failed(now, "device erased");
            auditLog.record(session, AuditEvent.system("command.failed").target(TARGET, command.id())
                    .detail("device erased"));
            changed(session, command);
        }
    }

    /** The device's pending commands, signed; newly delivered ones become FETCHED (not audited: fetched_at is the record). */
    List<String> deliverPending(UUID deviceId) {
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            List<DeviceCommand> pending = CommandQueries.pendingFor(session, deviceId, now);
            pending.forEach(command -> command.fetched(now));
            return pending.stream().map(DeviceCommand::signedCommand).toList();
        });
    }

    void changed(Session session, DeviceCommand command) {
        CommandView view = toView(command);
        for (CommandListener listener : listeners) {
            listener.commandChanged(session, view);
        }
    }

    Database database() {
        return database;
    }

    AuditLog auditLog() {
        return auditLog;
    }

    Clock clock() {
        return clock;
    }

    static CommandView toView(DeviceCommand c) {
        return new CommandView(c.id(), c.deviceId(), c.kind(), Optional.ofNullable(c.reference()), c.state(),
                c.createdAt(), c.expiresAt(), Optional.ofNullable(c.wokenAt()), Optional.ofNullable(c.fetchedAt()),
                Optional.ofNullable(c.startedAt()), Optional.ofNullable(c.finishedAt()),
                Optional.ofNullable(c.answer()), counts(c.result()), Optional.ofNullable(c.failure()), c.wakeUps(),
                Optional.ofNullable(c.lastPushOutcome()), Optional.ofNullable(c.lastPushAt()),
                Optional.ofNullable(c.nextWakeAt()));
    }

    private static Map<String, Long> counts(String result) {
        if (result == null) {
            return Map.of();
        }
        try {
            JsonNode counts = JSON.readTree(result).path("counts");
            Map<String, Long> map = new LinkedHashMap<>();
            counts.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asLong()));
            return Map.copyOf(map);
        } catch (IOException e) {
            return Map.of();
        }
    }
}
