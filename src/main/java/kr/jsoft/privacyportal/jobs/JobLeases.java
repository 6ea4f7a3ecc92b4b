package kr.jsoft.privacyportal.jobs;

import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.persistence.Inserts;
import org.hibernate.Session;

/**
 * Leases in the database ({@code job_lease}), so several portal instances on one database
 * agree on who runs what. A lease names its holder (the instance id) and ends at a time: an
 * instance that dies while holding one blocks nobody for longer than the lease. Nothing here
 * is remembered in memory.
 *
 * <p>Every claim of background work (a batch of mails, a notice fan-out, wake-ups, an exclusive
 * job) lasts {@link #lease()} ({@code PORTAL_LEASE}) and is renewed every third of it while the
 * work goes on ({@link #keepAlive}), so a live holder never loses a long piece of work and a dead
 * one's claims fall free within one lease.
 */
public final class JobLeases {
    public static final List<Class<?>> ENTITIES = List.of(JobLease.class);
    /** {@code PORTAL_LEASE}'s default: a dead instance's work is taken over within half a minute and a poll. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    private final Database database;
    private final Clock clock;
    private final String instanceId;
    private final Duration lease;
    private final ScheduledThreadPoolExecutor renewals;

    public JobLeases(Database database, Clock clock, String instanceId) {
        this(database, clock, instanceId, DEFAULT_LEASE);
    }

    public JobLeases(Database database, Clock clock, String instanceId, Duration lease) {
        this.database = database;
        this.clock = clock;
        this.instanceId = instanceId;
        this.lease = lease;
        // One daemon thread, only while something is being kept alive (it ends after a minute idle).
        this.renewals = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "lease-renewal");
            thread.setDaemon(true);
            return thread;
        });
        renewals.setKeepAliveTime(1, TimeUnit.MINUTES);
        renewals.allowCoreThreadTimeOut(true);
        renewals.setRemoveOnCancelPolicy(true);
    }

    /** How long a claim holds without renewal ({@code PORTAL_LEASE}). */
    public Duration lease() {
        return lease;
    }

    /** While some claimed work goes on: renews its claim. */
    public interface Renewal extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs {@code renew} (a conditional UPDATE that moves this holder's {@code lease_until} to now
     * plus {@link #lease()}) every third of the lease until the returned renewal is closed. A
     * failed renewal is tried again at the next turn; if every one fails the claim simply ends.
     */
    public Renewal keepAlive(Runnable renew) {
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> task = renewals.scheduleWithFixedDelay(() -> {
            try {
                renew.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(JobLeases.class).warn("Renewing a lease failed ({}); trying again",
                        e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    /** Extends the lease {@code name} by {@link #lease()} from now, if this instance still holds it. */
    public boolean renew(String name) {
        return database.fromTransaction(session -> session.createMutationQuery("""
                update JobLease l set l.leaseUntil = :until where l.name = :name and l.holder = :me""")
                .setParameter("until", clock.instant().plus(lease))
                .setParameter("name", name)
                .setParameter("me", instanceId)
                .executeUpdate() == 1);
    }

    /** This instance's id: the holder it writes into leases. */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Takes the lease {@code name} for {@code duration} unless another holder's lease is still
     * running; true if this instance holds it now. A conditional UPDATE (or the first INSERT)
     * decides, so of two instances asking at once exactly one gets it.
     */
    public boolean tryAcquire(String name, Duration duration) {
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            int taken = session.createMutationQuery("""
                    update JobLease l set l.holder = :me, l.leaseUntil = :until
                    where l.name = :name and (l.leaseUntil is null or l.leaseUntil <= :now)""")
                    .setParameter("me", instanceId)
                    .setParameter("until", now.plus(duration))
                    .setParameter("name", name)
                    .setParameter("now", now)
                    .executeUpdate();
            return taken == 1 || Inserts.ifAbsent(session,
                    "insert into job_lease (job_name, holder, lease_until) values (?, ?, ?)",
                    name, instanceId, now.plus(duration));
        });
    }

    /** Gives the lease up (only if this instance still holds it), so any instance may take it at once. */
    public void release(String name) {
        database.inTransaction(session -> session.createMutationQuery("""
                update JobLease l set l.holder = null, l.leaseUntil = null where l.name = :name and l.holder = :me""")
                .setParameter("name", name)
                .setParameter("me", instanceId)
                .executeUpdate());
    }

    /**
     * Runs {@code work} while holding the row lock of {@code name} in a transaction of its own:
     * instances doing the same thing at once take turns, and a crashed holder's lock goes with its
     * connection. {@code work} runs its own transactions; it sees what the previous holder committed.
     */
    public <T> T oneAtATime(String name, Supplier<T> work) {
        return database.fromTransaction(session -> {
            lock(session, name);
            return work.get();
        });
    }

    private void lock(Session session, String name) {
        if (session.find(JobLease.class, name, LockModeType.PESSIMISTIC_WRITE) == null
                && !Inserts.ifAbsent(session, "insert into job_lease (job_name) values (?)", name)) {
            session.find(JobLease.class, name, LockModeType.PESSIMISTIC_WRITE);
        }
    }
}
