package kr.jsoft.privacyportal.mail;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import kr.jsoft.privacyportal.persistence.Database;
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
 */
final class SentMarks {
    private static final Logger log = LoggerFactory.getLogger(SentMarks.class);
    /** A commit is tried this often before its mails are left to their lease. */
    static final int ATTEMPTS = 3;
    private static final String MARK_SENT = "update mail_outbox set state = 'SENT', attempts = attempts + 1,"
            + " finished_at = ?, last_error = null, awaiting_relay = false, claim_token = null, lease_until = null"
            + " where id = ? and claim_token = ?";

    private final Database database;
    private final Clock clock;
    private final IntConsumer retrying;
    private final LinkedBlockingQueue<Mark> waiting = new LinkedBlockingQueue<>();
    private Thread thread;

    /** @param retrying told the attempt number each time a commit failed and is about to be tried again */
    SentMarks(Database database, Clock clock, IntConsumer retrying) {
        this.database = database;
        this.clock = clock;
        this.retrying = retrying;
    }

    /** One mail's mark: the gate its connection's next mail waits at. */
    static final class Mark implements MailTransport.AcceptGate {
        static final Mark NONE = new Mark(null, null);
        private final UUID mailId;
        private final UUID claim;
        private final CompletableFuture<Void> committed = new CompletableFuture<>();

        private Mark(UUID mailId, UUID claim) {
            this.mailId = mailId;
            this.claim = claim;
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

    /** Queues the mark of a mail the relay accepted; returns it to wait on. */
    Mark sent(UUID mailId, UUID claim) {
        Mark mark = new Mark(mailId, claim);
        synchronized (this) {
            waiting.add(mark);
            if (thread == null) {
                thread = new Thread(this::run, "mail-sent-marks");
                thread.setDaemon(true);
                thread.start();
            }
        }
        return mark;
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
            commitPersistently(group);
            group.clear();
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
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        database.inTransaction(session -> session.doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
                for (Mark mark : group) {
                    update.setObject(1, now);
                    update.setObject(2, mark.mailId);
                    update.setObject(3, mark.claim);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }));
    }
}
