package kr.jsoft.privacyportal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.jobs.JobLeases;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.web.View;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's due mail in the background: {@code PORTAL_MAIL_CONNECTIONS} workers, each
 * claiming a batch with a lease (a conditional UPDATE, so several portal instances on one
 * database never claim the same mail, and a crashed instance's claims fall free when the lease
 * ends; {@code PORTAL_LEASE}, renewed while the batch is being sent) and sending it over one SMTP
 * connection. Each mail is recorded as sent as soon as the relay accepted it ({@link SentMarks}),
 * and the next mail's end of data waits until that record committed: a crash resends at most the
 * one mail per connection that the relay accepted and the portal had not yet recorded, with the
 * same Message-ID. Refusals and untried mails are recorded at the end of the batch. A failed
 * attempt waits with exponential back-off; after {@code PORTAL_MAIL_MAX_ATTEMPTS} the mail is
 * {@code FAILED}. Managed by the Jetty lifecycle: stopping lets running batches finish.
 */
public final class MailDispatcher extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+");
    static final int BATCH_SIZE = 100;
    /** The default claim ({@code PORTAL_LEASE}); renewed every third of it while a batch is sent. */
    static final Duration LEASE = JobLeases.DEFAULT_LEASE;
    private static final Duration POLL = Duration.ofSeconds(2);
    /** How often the relay is asked whether it is back, while mail waits for it. */
    static final Duration PROBE_EVERY = Duration.ofMinutes(1);
    /** When mail waiting for the relay is tried anyway, should no probe run (a safety net, not the path). */
    static final Duration RELAY_WAIT_LIMIT = Duration.ofHours(1);

    /** Test seam: runs after a mail was handed to the server and before it is marked sent. */
    interface AfterSend {
        void sent(UUID mailId);

        /** Runs when recording sent mails or a batch's result failed and is about to be tried again. */
        default void markFailed(int attempt) {
        }
    }

    /** Recording a batch's result is tried this often before its mails are left to their lease. */
    static final int MARK_ATTEMPTS = SentMarks.ATTEMPTS;

    private final Database database;
    private final Outbox outbox;
    private final MailComposer composer;
    private final MailTransport transport;
    private final Clock clock;
    private final MailSettings settings;
    private final MailBackoff backoff;
    private final AuditLog auditLog;
    private final AfterSend afterSend;
    private final JobLeases leases;
    private final SentMarks sentMarks;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean stopping;
    private ExecutorService workers;
    private final Object probing = new Object();
    private Instant nextProbeAt = Instant.MIN;

    public MailDispatcher(Database database, Outbox outbox, View view, MailTransport transport, MailSettings settings,
                          Supplier<URI> baseUrl, AuditLog auditLog, Clock clock, RandomGenerator random) {
        this(database, outbox, view, transport, settings, baseUrl, auditLog, clock, random, id -> { });
    }

    public MailDispatcher(Database database, Outbox outbox, View view, MailTransport transport, MailSettings settings,
                          Supplier<URI> baseUrl, AuditLog auditLog, Clock clock, RandomGenerator random,
                          JobLeases leases) {
        this(database, outbox, view, transport, settings, baseUrl, auditLog, clock, random, id -> { }, leases);
    }

    MailDispatcher(Database database, Outbox outbox, View view, MailTransport transport, MailSettings settings,
                   Supplier<URI> baseUrl, AuditLog auditLog, Clock clock, RandomGenerator random, AfterSend afterSend) {
        this(database, outbox, view, transport, settings, baseUrl, auditLog, clock, random, afterSend,
                new JobLeases(database, clock, "mail-dispatcher"));
    }

    MailDispatcher(Database database, Outbox outbox, View view, MailTransport transport, MailSettings settings,
                   Supplier<URI> baseUrl, AuditLog auditLog, Clock clock, RandomGenerator random, AfterSend afterSend,
                   JobLeases leases) {
        this.leases = leases;
        this.sentMarks = new SentMarks(database, clock, afterSend::markFailed);
        this.database = database;
        this.outbox = outbox;
        this.composer = new MailComposer(view, settings, baseUrl, clock);
        this.transport = transport;
        this.clock = clock;
        this.settings = settings;
        this.backoff = MailBackoff.standard(random);
        this.auditLog = auditLog;
        this.afterSend = afterSend;
        outbox.onCommitted(this::wakeUp);
    }

    /** What one batch did. */
    public record BatchResult(int sent, int failed) {
        public int total() {
            return sent + failed;
        }
    }

    /**
     * Claims up to one batch of due mail, sends it over one connection and marks the result.
     * The background workers call this in a loop; tests and the benchmark call it directly.
     */
    public BatchResult dispatchOnce() {
        UUID claim = UUID.randomUUID();
        List<ClaimedMail> batch = claim(claim);
        if (batch.isEmpty()) {
            return new BatchResult(0, 0);
        }
        List<SentMarks.Mark> accepted = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<UUID> untried = new ArrayList<>();
        SentMarks.Mark previous = SentMarks.Mark.NONE;
        List<UUID> claimed = batch.stream().map(ClaimedMail::id).toList();
        try (JobLeases.Renewal renewal = leases.keepAlive(() -> renew(claim, claimed));
             MailTransport.Connection connection = transport.open()) {
            for (int i = 0; i < batch.size(); i++) {
                ClaimedMail mail = batch.get(i);
                MimeMessage message;
                try {
                    message = composer.compose(transport.session(), mail);
                } catch (MessagingException | RuntimeException unrenderable) {
                    // A template bug: this mail fails (and is retried), the connection is fine.
                    failures.add(new Failure(mail, describe(unrenderable), false, false));
                    continue;
                }
                try (SentMarks.Gate gate = sentMarks.after(previous)) {
                    // Accepted only once the previous mail's mark committed: one unrecorded mail at most.
                    connection.send(message, gate);
                    afterSend.sent(mail.id());
                    previous = sentMarks.sent(mail.id(), claim, gate);
                    accepted.add(previous);
                } catch (SendFailedException refused) {
                    // The server refused this mail (or its recipient); the connection is still good.
                    failures.add(new Failure(mail, describe(refused), isPermanent(refused), false));
                } catch (MessagingException | RuntimeException broken) {
                    // The connection broke while the relay took this mail: it counts an attempt (a mail
                    // that breaks the relay every time must end), the rest go back untried.
                    failures.add(new Failure(mail, describe(broken), false, false));
                    batch.subList(i + 1, batch.size()).forEach(m -> untried.add(m.id()));
                    break;
                }
            }
            // The fold below must not race the last mark (it would leave that mark behind).
            previous.awaitQuietly();
        } catch (MessagingException cannotConnect) {
            String error = describe(cannotConnect);
            log.warn("Cannot reach the SMTP server ({}); {} mails wait until it answers again", error, batch.size());
            batch.forEach(mail -> failures.add(new Failure(mail, error, false, true)));
        }
        if (!accepted.isEmpty() || !failures.isEmpty() || !untried.isEmpty()) {
            markPersistently(claim, accepted, failures, untried);
        }
        return new BatchResult(accepted.size(), failures.size());
    }

    /** Keeps what this batch still holds claimed while it is being sent. */
    private void renew(UUID claim, List<UUID> ids) {
        // By id (the claim token has no index: it would be two more index entries to write per mail).
        database.inTransaction(session -> session.createMutationQuery("""
                update OutboxMail m set m.leaseUntil = :until
                where m.id in :ids and m.claimToken = :claim and m.state = :pending""")
                .setParameter("until", clock.instant().plus(leases.lease()))
                .setParameter("ids", ids)
                .setParameter("claim", claim)
                .setParameter("pending", MailState.PENDING)
                .executeUpdate());
    }

    /** Sends until nothing is due (tests, benchmark). */
    public int dispatchUntilIdle() {
        int total = 0;
        for (BatchResult r = dispatchOnce(); r.total() > 0; r = dispatchOnce()) {
            total += r.total();
        }
        return total;
    }

    /** {@code unreachable}: the relay was not reached at all, so the mail was not refused. */
    private record Failure(ClaimedMail mail, String error, boolean permanent, boolean unreachable) {
    }

    /**
     * Asks the relay whether it answers, if mail waits for it and the last probe was
     * {@link #PROBE_EVERY} ago; when it answers, every mail waiting for it becomes due now.
     * The workers call this each round; tests call it directly.
     *
     * @return the number of waiting mails made due
     */
    public int probeRelayIfDue() {
        synchronized (probing) {
            Instant now = clock.instant();
            if (now.isBefore(nextProbeAt)) {
                return 0;
            }
            nextProbeAt = now.plus(PROBE_EVERY);
            if (!anyMailAwaitsRelay()) {
                return 0;
            }
            try {
                transport.probe();
            } catch (MessagingException | RuntimeException down) {
                log.info("The SMTP server still does not answer ({}); asking again in {} s", describe(down),
                        PROBE_EVERY.toSeconds());
                return 0;
            }
            int due = database.fromTransaction(session -> session.createMutationQuery("""
                    update OutboxMail m set m.awaitingRelay = false, m.nextAttemptAt = :now
                    where m.state = :pending and m.awaitingRelay = true""")
                    .setParameter("now", clock.instant())
                    .setParameter("pending", MailState.PENDING)
                    .executeUpdate());
            log.info("The SMTP server answers again; {} waiting mails are due now", due);
            wakeUp();
            return due;
        }
    }

    private boolean anyMailAwaitsRelay() {
        return database.fromTransaction(session -> !session.createSelectionQuery(
                "select m.id from OutboxMail m where m.state = :pending and m.awaitingRelay = true", UUID.class)
                .setParameter("pending", MailState.PENDING)
                .setMaxResults(1)
                .getResultList().isEmpty());
    }

    private List<ClaimedMail> claim(UUID claim) {
        while (true) {
            List<ClaimedMail> batch = claimOnce(claim);
            if (batch != null) {
                return batch;
            }
        }
    }

    /** One claim, or null if every candidate had been sent under an ended claim (and is now recorded). */
    private List<ClaimedMail> claimOnce(UUID claim) {
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            // FOR UPDATE SKIP LOCKED (PostgreSQL, and H2 since 2.2.220): concurrent workers and
            // instances each get different candidates instead of all reading the same first 100
            // and all but one finding nothing to claim (which is what made 8 connections send no
            // faster than one: the losers saw an empty batch and went idle). No ORDER BY: H2 would
            // sort (and lock) every pending row for it; the (state, next_attempt_at) index yields
            // rows oldest first anyway. The conditional UPDATE is what makes the claim exclusive.
            List<OutboxMail> candidates = session.createSelectionQuery("""
                    from OutboxMail m
                    where m.state = :pending and m.nextAttemptAt <= :now
                      and (m.leaseUntil is null or m.leaseUntil <= :now)""", OutboxMail.class)
                    .setParameter("pending", MailState.PENDING)
                    .setParameter("now", now)
                    .setMaxResults(BATCH_SIZE)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.lock.timeout", -2)
                    // Read-only: changed only by the statements below, so Hibernate keeps no snapshots of
                    // these wide rows and its flushes before each statement have nothing to compare.
                    .setReadOnly(true)
                    .getResultList();
            if (candidates.isEmpty()) {
                return List.of();
            }
            // Mails still carrying an ended claim may have been accepted under it (marked, not yet folded).
            Map<UUID, UUID> formerClaims = new HashMap<>();
            candidates.stream().filter(m -> m.claimToken() != null)
                    .forEach(m -> formerClaims.put(m.id(), m.claimToken()));
            Set<UUID> alreadySent = SentMarks.foldOrphans(session, formerClaims);
            if (!alreadySent.isEmpty()) {
                candidates = candidates.stream().filter(m -> !alreadySent.contains(m.id())).toList();
                if (candidates.isEmpty()) {
                    return null; // all were sent: look again
                }
            }
            List<UUID> ids = candidates.stream().map(OutboxMail::id).toList();
            int claimed = session.createMutationQuery("""
                    update OutboxMail m set m.claimToken = :claim, m.leaseUntil = :lease
                    where m.id in :ids and m.state = :pending and (m.leaseUntil is null or m.leaseUntil <= :now)""")
                    .setParameter("claim", claim)
                    .setParameter("lease", now.plus(leases.lease()))
                    .setParameter("ids", ids)
                    .setParameter("pending", MailState.PENDING)
                    .setParameter("now", now)
                    .executeUpdate();
            List<OutboxMail> rows = claimed == candidates.size() ? new ArrayList<>(candidates)
                    // Only if a row changed under our lock (it cannot with row locks): read back what is ours.
                    : new ArrayList<>(session.createSelectionQuery(
                            "from OutboxMail m where m.id in :ids and m.claimToken = :claim", OutboxMail.class)
                            .setParameter("ids", ids)
                            .setParameter("claim", claim)
                            .getResultList());
            rows.sort(java.util.Comparator.comparing(OutboxMail::nextAttemptAt));
            return outbox.open(session, rows);
        });
    }

    /**
     * The batch's result in one commit: accepted mails become {@code SENT} (their marks are folded in),
     * refusals and untried mails are recorded. If that fails (no pooled connection in time, a dropped
     * connection), try again before leaving them to their lease (accepted mails stay recorded by their
     * marks, the others were not accepted, so nothing is sent twice either way). Each try is the same
     * conditional update.
     */
    private void markPersistently(UUID claim, List<SentMarks.Mark> accepted, List<Failure> failures,
                                  List<UUID> untried) {
        for (int attempt = 1; ; attempt++) {
            try {
                mark(claim, accepted, failures, untried);
                return;
            } catch (RuntimeException e) {
                if (attempt >= MARK_ATTEMPTS || stoppingNow()) {
                    log.warn("Could not record the result of {} mails ({}); they are tried again when their lease ends",
                            failures.size() + untried.size(), describe(e));
                    throw e;
                }
                log.warn("Recording the result of {} mails failed ({}); trying again",
                        failures.size() + untried.size(), describe(e));
                afterSend.markFailed(attempt);
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private boolean stoppingNow() {
        return Thread.currentThread().isInterrupted();
    }

    private void mark(UUID claim, List<SentMarks.Mark> accepted, List<Failure> failures, List<UUID> untried) {
        database.inTransaction(session -> {
            SentMarks.fold(session, claim, accepted);
            Instant now = clock.instant();
            for (Failure failure : failures) {
                markFailed(session, claim, failure, now);
            }
            if (!untried.isEmpty()) {
                session.createMutationQuery("""
                        update OutboxMail m set m.claimToken = null, m.leaseUntil = null
                        where m.id in :ids and m.claimToken = :claim""")
                        .setParameter("ids", untried)
                        .setParameter("claim", claim)
                        .executeUpdate();
            }
        });
    }

    private void markFailed(Session session, UUID claim, Failure failure, Instant now) {
        if (failure.unreachable()) {
            session.createMutationQuery("""
                    update OutboxMail m set m.awaitingRelay = true, m.lastError = :error, m.nextAttemptAt = :next,
                      m.claimToken = null, m.leaseUntil = null
                    where m.id = :id and m.claimToken = :claim""")
                    .setParameter("error", failure.error())
                    .setParameter("next", now.plus(RELAY_WAIT_LIMIT))
                    .setParameter("id", failure.mail().id())
                    .setParameter("claim", claim)
                    .executeUpdate();
            return;
        }
        int attempts = failure.mail().attempts() + 1;
        boolean giveUp = failure.permanent() || attempts >= settings.maxAttempts();
        int updated = session.createMutationQuery("""
                update OutboxMail m set m.state = :state, m.attempts = :attempts, m.lastError = :error,
                  m.nextAttemptAt = :next, m.finishedAt = :finished, m.claimToken = null, m.leaseUntil = null,
                  m.awaitingRelay = false
                where m.id = :id and m.claimToken = :claim""")
                .setParameter("state", giveUp ? MailState.FAILED : MailState.PENDING)
                .setParameter("attempts", attempts)
                .setParameter("error", failure.error())
                .setParameter("next", giveUp ? now : now.plus(backoff.after(attempts)))
                .setParameter("finished", giveUp ? now : null)
                .setParameter("id", failure.mail().id())
                .setParameter("claim", claim)
                .executeUpdate();
        if (giveUp && updated == 1) {
            log.warn("Mail {} ({}) failed for good after {} attempts", failure.mail().id(), failure.mail().template(),
                    attempts);
            auditLog.record(session, AuditEvent.system("mail.failed").target("mail_outbox", failure.mail().id())
                    .detail("attempts: " + attempts));
        }
    }

    private static boolean isPermanent(SendFailedException e) {
        // 5xx: the server will not take this mail or recipient, retrying cannot help.
        if (e instanceof SMTPSendFailedException smtp) {
            return smtp.getReturnCode() >= 500;
        }
        for (Exception next = e.getNextException(); next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException address) {
                return address.getReturnCode() >= 500;
            }
        }
        return false;
    }

    /** The error without addresses: SMTP replies often quote the recipient. */
    static String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        Throwable cause = e;
        while (cause != null) {
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        String clean = ADDRESS.matcher(text.toString().replaceAll("\\s+", " ")).replaceAll("<address>");
        return clean.length() <= 500 ? clean : clean.substring(0, 500);
    }

    /** Wakes an idle worker (called after a commit that enqueued mail). */
    public void wakeUp() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    protected void doStart() {
        stopping = false;
        AtomicInteger number = new AtomicInteger();
        workers = Executors.newFixedThreadPool(settings.connections(), runnable -> {
            Thread thread = new Thread(runnable, "mail-dispatch-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < settings.connections(); i++) {
            workers.execute(this::work);
        }
    }

    private void work() {
        while (!stopping) {
            BatchResult result;
            try {
                probeRelayIfDue();
                result = dispatchOnce();
            } catch (RuntimeException e) {
                // The batch's claims fall free when the lease ends; nothing is lost.
                log.error("Mail dispatch failed; it will run again", e);
                result = new BatchResult(0, 0);
            }
            if (result.sent() == 0) {
                awaitWork();
            }
        }
    }

    private void awaitWork() {
        synchronized (signal) {
            if (!woken && !stopping) {
                try {
                    signal.wait(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
            woken = false;
        }
    }

    @Override
    protected void doStop() throws InterruptedException {
        stopping = true;
        wakeUp();
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }
}
