package kr.jsoft.privacyportal.command;

import kr.jsoft.privacyportal.jobs.JobLeases;
import kr.jsoft.privacyportal.jobs.Signal;
import kr.jsoft.privacyportal.jobs.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.device.DeviceRegistry;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.push.Backoff;
import kr.jsoft.privacyportal.push.PushAddress;
import kr.jsoft.privacyportal.push.PushGateway;
import kr.jsoft.privacyportal.push.PushOutcome;
import kr.jsoft.privacyportal.push.WakeUp;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the wake-ups that are due. One pass: claim a batch of due commands with a lease (rows read
 * with {@code SKIP LOCKED}, then a conditional UPDATE; see {@link CommandQueries#dueLocked}), look up their devices' push addresses,
 * send one content-free wake-up per device in parallel, then record each outcome and the next
 * attempt in one transaction. A crash between claim and record leaves a lease that simply runs out
 * ({@code PORTAL_LEASE}, renewed while the batch is being sent); the row is then claimed again, so
 * nothing is lost and a wake-up may at worst go out twice (harmless: it carries nothing but "sync").
 *
 * <p>Runs on its own thread, managed by the Jetty lifecycle: after every commit that queues a
 * command (a {@link Signal}) and at least every {@code sweepEvery}; each sweep also expires
 * overdue commands.
 */
public final class WakeUpDispatcher extends AbstractLifeCycle {
    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(WakeUpDispatcher.class);

    private final Database database;
    private final Commands commands;
    private final DeviceRegistry registry;
    private final PushGateway push;
    private final Backoff backoff;
    private final ManagerAlerts alerts;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int workers;
    private final Duration sweepEvery;
    private final Duration stopTimeout;
    private final Worker worker;
    private final JobLeases leases;
    private final AtomicInteger sent = new AtomicInteger();
    private ExecutorService senders;
    private Instant lastExpiry = Instant.MIN;

    /**
     * @param workers    wake-ups sent in parallel (push calls block on the network)
     * @param sweepEvery the longest pause between two looks at the schedule
     */
    public WakeUpDispatcher(Database database, Commands commands, DeviceRegistry registry, PushGateway push,
                            Backoff backoff, ManagerAlerts alerts, AuditLog auditLog, Clock clock, Signal signal,
                            int workers, Duration sweepEvery, Duration stopTimeout, JobLeases leases) {
        this.leases = leases;
        this.database = database;
        this.commands = commands;
        this.registry = registry;
        this.push = push;
        this.backoff = backoff;
        this.alerts = alerts;
        this.auditLog = auditLog;
        this.clock = clock;
        this.workers = workers;
        this.sweepEvery = sweepEvery;
        this.stopTimeout = stopTimeout;
        this.worker = new Worker("portal-wake-up-dispatcher", signal, sweepEvery, stopTimeout, running -> sweep());
    }

    @Override
    protected void doStart() throws Exception {
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "portal-push-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        worker.start();
    }

    @Override
    protected void doStop() throws Exception {
        worker.stop();
        senders.shutdown();
        if (!senders.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            senders.shutdownNow();
        }
    }

    /** One look at the schedule; every {@code sweepEvery} it also expires overdue commands. */
    private void sweep() {
        dispatchDue();
        Instant now = clock.instant();
        if (!now.isBefore(lastExpiry.plus(sweepEvery))) {
            commands.expireOverdue();
            lastExpiry = now;
        }
    }

    /** Wake-ups sent (or found without an address) since start; for tests and the benchmark. */
    public int attempts() {
        return sent.get();
    }

    /**
     * Sends every wake-up that is due now, batch by batch; returns how many commands were handled.
     * Safe to call from several threads and instances at once (each row is claimed by one of them).
     */
    public int dispatchDue() {
        int total = 0;
        while (worker.running() || !isStarted()) {
            int handled = dispatchBatch();
            total += handled;
            if (handled < BATCH) {
                return total;
            }
        }
        return total;
    }

    private record Claimed(UUID id, UUID deviceId, Instant expiresAt) {
    }

    private int dispatchBatch() {
        String token = UUID.randomUUID().toString();
        List<Claimed> claimed = database.fromTransaction(session -> {
            Instant now = clock.instant();
            List<DeviceCommand> due = CommandQueries.dueLocked(session, now, BATCH);
            if (due.isEmpty()) {
                return List.<Claimed>of();
            }
            // The rows are locked by this transaction, so the conditional UPDATE matches every one; should
            // it ever not, what this claim holds is read back by its token rather than assumed.
            int count = CommandQueries.claim(session, due.stream().map(DeviceCommand::id).toList(), token, now,
                    now.plus(leases.lease()));
            List<DeviceCommand> ours = count == due.size() ? due : CommandQueries.claimedByLocked(session, token);
            return ours.stream().map(c -> new Claimed(c.id(), c.deviceId(), c.expiresAt())).toList();
        });
        if (claimed.isEmpty()) {
            return 0;
        }
        // Slow push services must not let the claim run out under us (another instance would wake these too).
        try (JobLeases.Renewal renewal = leases.keepAlive(() -> renew(token))) {
            return send(token, claimed);
        }
    }

    private void renew(String token) {
        database.inTransaction(session -> session.createMutationQuery(
                        "update DeviceCommand c set c.leaseUntil = :until where c.claimedBy = :token")
                .setParameter("until", clock.instant().plus(leases.lease()))
                .setParameter("token", token)
                .executeUpdate());
    }

    private int send(String token, List<Claimed> claimed) {
        Map<UUID, Instant> devices = new LinkedHashMap<>();
        for (Claimed c : claimed) {
            devices.merge(c.deviceId(), c.expiresAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<UUID, PushAddress> addresses = registry.pushAddressesOf(devices.keySet());
        Map<UUID, Future<PushOutcome>> pending = new HashMap<>();
        Instant now = clock.instant();
        for (Map.Entry<UUID, Instant> device : devices.entrySet()) {
            PushAddress address = addresses.get(device.getKey());
            if (address != null) {
                Duration ttl = Duration.between(now, device.getValue());
                WakeUp wakeUp = WakeUp.sync(ttl.compareTo(WakeUp.MAX_TTL) > 0 ? WakeUp.MAX_TTL
                        : ttl.isNegative() ? Duration.ZERO : ttl);
                pending.put(device.getKey(), senders.submit(() -> push.send(address, wakeUp)));
            }
        }
        Map<UUID, PushOutcome> outcomes = new HashMap<>();
        for (Map.Entry<UUID, Future<PushOutcome>> f : pending.entrySet()) {
            outcomes.put(f.getKey(), outcome(f.getValue()));
        }
        react(outcomes);
        record(token, outcomes);
        sent.addAndGet(claimed.size());
        return claimed.size();
    }

    private static PushOutcome outcome(Future<PushOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushOutcome.retry("interrupted");
        } catch (ExecutionException e) {
            return PushOutcome.bug("gateway threw " + e.getCause().getClass().getSimpleName());
        }
    }

    /** Dead addresses are dropped; configuration problems and our own bugs alert the manager (once per batch). */
    private void react(Map<UUID, PushOutcome> outcomes) {
        Set<String> alerted = new LinkedHashSet<>();
        for (Map.Entry<UUID, PushOutcome> entry : outcomes.entrySet()) {
            PushOutcome outcome = entry.getValue();
            switch (outcome.kind()) {
                case DEAD_ADDRESS -> registry.dropPushAddress(entry.getKey(), outcome.detail());
                case CONFIG_ERROR, BUG -> alerted.add(outcome.kind() + ": " + outcome.detail());
                default -> { }
            }
        }
        if (!alerted.isEmpty()) {
            database.inTransaction(session -> {
                for (String detail : alerted) {
                    auditLog.record(session, AuditEvent.system("push.alert").detail(detail));
                }
            });
            alerted.forEach(detail -> alerts.alert("push", detail));
        }
    }

    private void record(String token, Map<UUID, PushOutcome> outcomes) {
        database.inTransaction(session -> {
            Instant now = clock.instant();
            List<WakeUpAttempt> attempts = new ArrayList<>();
            for (DeviceCommand command : CommandQueries.claimedByLocked(session, token)) {
                PushOutcome outcome = outcomes.get(command.deviceId());
                String kind = outcome == null ? "NO_ADDRESS" : outcome.kind().name();
                String detail = outcome == null ? "the device has no push address; waiting for its check-in"
                        : outcome.detail();
                Instant nextSlot = now.plus(WakeUpSchedule.after(command.wakeSlot()));
                Instant next;
                boolean retry = false;
                boolean newSlot = true;
                if (outcome != null && outcome.kind() == PushOutcome.Kind.RETRY
                        && command.pushRetries() < WakeUpSchedule.MAX_RETRIES) {
                    next = backoff.nextAttemptAt(command.pushRetries() + 1, outcome);
                    retry = true;
                    newSlot = false;
                } else {
                    next = nextSlot;
                }
                if (outcome != null && outcome.kind() == PushOutcome.Kind.DELIVERED) {
                    command.woken(now);
                }
                if (next.isAfter(command.expiresAt())) {
                    next = command.expiresAt();
                }
                command.pushed(now, kind, next, newSlot, retry);
                attempts.add(new WakeUpAttempt(UUID.randomUUID(), command.id(), command.deviceId(), now, kind, detail,
                        command.nextWakeAt()));
            }
            attempts.forEach(session::persist);
        });
    }
}
