package kr.jsoft.privacyportal.mail;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import kr.jsoft.privacyportal.persistence.Database;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records mails as sent the moment the relay accepted each, off the sending threads. One thread
 * takes every mark waiting (at most one per SMTP connection: a connection's next mail is accepted
 * only once its previous mark committed) and commits them in one transaction, one JDBC batch of one
 * reused statement: with several connections the marks share a commit, and with one the commit
 * overlaps the next mail's envelope and body. A failed commit is tried {@link #ATTEMPTS} times
 * before the marks are given up (those mails are then sent again after their lease, with the same
 * Message-ID, and their connections stop). The thread ends when idle and starts again on demand.
 *
 * <p>A mark is a narrow row of its own ({@code mail_sent_mark}: claim token, mail id, time), not an
 * update of the mail's outbox row: H2 rewrites every page a commit changed, and updating the wide
 * outbox row with its state, claim and finished index entries cost more CPU per mail than building
 * and sending it (the benchmark's profile). On H2 the mark table has no key either: a commit's marks come
 * from as many batches as connections, under random claim tokens, and each would change another leaf of
 * the key's index; without it they are appended to one page. The batch's end {@linkplain #fold folds} its marks into
 * the outbox rows in one commit; a dead instance's marks are folded by whoever claims those mails
 * next ({@link #foldOrphans}), so a mark is as good as the outbox row's {@code SENT}.
 */
final class SentMarks {
    private static final Logger log = LoggerFactory.getLogger(SentMarks.class);
    /** A commit is tried this often before its mails are left to their lease. */
    static final int ATTEMPTS = 3;
    /** The longest a commit waits for marks that are on their way. */
    static final java.time.Duration LINGER = java.time.Duration.ofMillis(1);
    private static final String MARK_SENT = "insert into mail_sent_mark (claim_token, mail_id, sent_at) values (?, ?, ?)";
    private static final String FOLD = "update mail_outbox set state = 'SENT', attempts = attempts + 1,"
            + " finished_at = ?, last_error = null, awaiting_relay = false, claim_token = null, lease_until = null"
            + " where id = ? and claim_token = ?";
    private static final String FORGET = "delete from mail_sent_mark where claim_token = ? and mail_id = ?";
    private static final String FORGET_CLAIM = "delete from mail_sent_mark where claim_token = ?";

    private final Database database;
    private final Clock clock;
    private final IntConsumer retrying;
    private final LinkedBlockingQueue<Mark> waiting = new LinkedBlockingQueue<>();
    /** Connections past their gate whose mail the relay is accepting: each brings a mark within a reply's time. */
    private final AtomicInteger finishing = new AtomicInteger();
    private Thread thread;

    /** @param retrying told the attempt number each time a commit failed and is about to be tried again */
    SentMarks(Database database, Clock clock, IntConsumer retrying) {
        this.database = database;
        this.clock = clock;
        this.retrying = retrying;
    }

    /** One mail's mark: the gate its connection's next mail waits at. */
    static final class Mark implements MailTransport.AcceptGate {
        static final Mark NONE = new Mark(null, null, null);
        private final UUID mailId;
        private final UUID claim;
        private final Instant sentAt;
        private final CompletableFuture<Void> committed = new CompletableFuture<>();

        private Mark(UUID mailId, UUID claim, Instant sentAt) {
            this.mailId = mailId;
            this.claim = claim;
            this.sentAt = sentAt;
            if (mailId == null) {
                committed.complete(null);
            }
        }

        /** Waits until the mark committed; throws if it was given up (the next mail must not be accepted). */
        @Override
        public void awaitOpen() throws IOException {
            try {
                committed.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the previous mail was being recorded as sent", e);
            } catch (ExecutionException e) {
                throw new IOException("the previous mail could not be recorded as sent", e.getCause());
            }
        }

        /** True once committed; false if given up. */
        boolean awaitQuietly() {
            try {
                awaitOpen();
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /**
     * The gate of a connection's next mail: open once {@code previous} committed. Past it, the
     * connection counts as finishing a mail until {@link #sent} or {@link Gate#close} (the mail was
     * refused or the connection broke).
     */
    Gate after(Mark previous) {
        return new Gate(previous);
    }

    /** An {@link MailTransport.AcceptGate} that tells the mark thread a mark is on its way. */
    final class Gate implements MailTransport.AcceptGate, AutoCloseable {
        private final Mark previous;
        private boolean passed;

        private Gate(Mark previous) {
            this.previous = previous;
        }

        @Override
        public void awaitOpen() throws IOException {
            previous.awaitOpen();
            passed = true;
            finishing.incrementAndGet();
        }

        /** The mail is accepted (its mark is queued) or never will be: the connection no longer finishes one. */
        @Override
        public void close() {
            if (passed) {
                passed = false;
                finishing.decrementAndGet();
            }
        }
    }

    /** Queues the mark of a mail the relay accepted (after {@code gate}); returns it to wait on. */
    Mark sent(UUID mailId, UUID claim, Gate gate) {
        Mark mark = new Mark(mailId, claim, clock.instant());
        // Queued while still counted as finishing, on purpose: the mark thread woken by this mark may then
        // wait on for the rest of its 1 ms and gather more marks into the commit (closing the gate first
        // measured fewer marks per commit: 11.6 against 10.9 kB written per mail at 8 connections).
        enqueue(mark);
        gate.close();
        return mark;
    }

    private void enqueue(Mark mark) {
        synchronized (this) {
            waiting.add(mark);
            if (thread == null) {
                thread = new Thread(this::run, "mail-sent-marks");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private void run() {
        List<Mark> group = new ArrayList<>();
        while (true) {
            Mark first;
            try {
                first = waiting.poll(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                synchronized (this) {
                    if (waiting.isEmpty()) {
                        thread = null;
                        return;
                    }
                }
                continue;
            }
            group.add(first);
            waiting.drainTo(group);
            awaitFinishing(group);
            commitPersistently(group);
            group.clear();
        }
    }

    /**
     * Waits briefly for the marks of connections that are finishing a mail, so they share this commit:
     * H2 writes every page a commit changed, and each commit costs about as much as its marks together.
     * The connections then pass their next gates together, and finish together again, so the commits
     * keep their size. Only while some connection is past its gate (a reply's time away, one
     * connection never is), and at most {@link #LINGER}: a slow relay holds its own connection, not
     * the others' commits.
     */
    private void awaitFinishing(List<Mark> group) {
        long deadline = System.nanoTime() + LINGER.toNanos();
        while (finishing.get() > 0) {
            long left = deadline - System.nanoTime();
            Mark next;
            try {
                next = left > 0 ? waiting.poll(left, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == null) {
                return;
            }
            group.add(next);
            waiting.drainTo(group);
        }
    }

    private void commitPersistently(List<Mark> group) {
        for (int attempt = 1; ; attempt++) {
            try {
                commit(group);
                group.forEach(mark -> mark.committed.complete(null));
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    log.warn("Could not record {} mails as sent ({}); they are sent again, with the same Message-IDs, "
                            + "when their lease ends", group.size(), MailDispatcher.describe(e));
                    group.forEach(mark -> mark.committed.completeExceptionally(e));
                    return;
                }
                log.warn("Recording {} mails as sent failed ({}); trying again", group.size(),
                        MailDispatcher.describe(e));
                retrying.accept(attempt);
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void commit(List<Mark> group) {
        database.inTransaction(session -> session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(MARK_SENT)) {
                for (Mark mark : group) {
                    insert.setObject(1, mark.claim);
                    insert.setObject(2, mark.mailId);
                    insert.setObject(3, utc(mark.sentAt));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }));
    }

    /**
     * Records a batch's accepted mails as {@code SENT} in their outbox rows and drops their marks, in
     * the caller's transaction (the batch's end). Call once no mark of theirs is still being committed.
     */
    static void fold(Session session, UUID claim, List<Mark> accepted) {
        List<Accepted> mails = accepted.stream().map(m -> new Accepted(m.mailId, m.sentAt)).toList();
        if (mails.isEmpty()) {
            return;
        }
        setSent(session, claim, mails);
        // Every mark under this claim is one of these mails (each accepted mail is in the list, whatever became
        // of its mark's commit), so one statement drops them all: on H2 no index would find them one by one.
        session.doWork(connection -> {
            try (PreparedStatement forget = connection.prepareStatement(FORGET_CLAIM)) {
                forget.setObject(1, claim);
                forget.executeUpdate();
            }
        });
    }

    /**
     * Folds the marks of mails whose claim ended without its batch's end (a dead instance's, or
     * one whose result could not be recorded): {@code candidates} are due mails, locked, with the
     * claim token they still carry. Returns the ids of those that were accepted and are now {@code SENT}.
     */
    static Set<UUID> foldOrphans(Session session, Map<UUID, UUID> claimByMail) {
        Set<UUID> claims = new HashSet<>(claimByMail.values());
        if (claims.isEmpty()) {
            return Set.of();
        }
        Map<UUID, List<Accepted>> byClaim = new HashMap<>();
        List<UUID> claimList = List.copyOf(claims);
        String query = "select claim_token, mail_id, sent_at from mail_sent_mark where claim_token in ("
                + String.join(", ", java.util.Collections.nCopies(claimList.size(), "?")) + ")";
        session.doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(query)) {
                for (int i = 0; i < claimList.size(); i++) {
                    select.setObject(i + 1, claimList.get(i));
                }
                try (java.sql.ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID claim = rows.getObject(1, UUID.class);
                        UUID mailId = rows.getObject(2, UUID.class);
                        if (claim.equals(claimByMail.get(mailId))) {
                            byClaim.computeIfAbsent(claim, c -> new ArrayList<>())
                                    .add(new Accepted(mailId, rows.getObject(3, OffsetDateTime.class).toInstant()));
                        }
                    }
                }
            }
        });
        Set<UUID> folded = new HashSet<>();
        byClaim.forEach((claim, mails) -> {
            setSent(session, claim, mails);
            forget(session, claim, mails);
            mails.forEach(mail -> folded.add(mail.mailId()));
        });
        if (!folded.isEmpty()) {
            log.info("{} mails accepted by the relay under an ended claim are recorded as sent, not sent again",
                    folded.size());
        }
        return folded;
    }

    private record Accepted(UUID mailId, Instant sentAt) {
    }

    private static void setSent(Session session, UUID claim, List<Accepted> mails) {
        session.doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(FOLD)) {
                for (Accepted mail : mails) {
                    update.setObject(1, utc(mail.sentAt()));
                    update.setObject(2, mail.mailId());
                    update.setObject(3, claim);
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /** Drops the marks of these mails only: other mails of an ended claim may still be locked by another claimer. */
    private static void forget(Session session, UUID claim, List<Accepted> mails) {
        session.doWork(connection -> {
            try (PreparedStatement forget = connection.prepareStatement(FORGET)) {
                for (Accepted mail : mails) {
                    forget.setObject(1, claim);
                    forget.setObject(2, mail.mailId());
                    forget.addBatch();
                }
                forget.executeBatch();
            }
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
