package kr.jsoft.privacyportal.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of H2's housekeeping that frees space, for a file opened with {@code WRITE_DELAY=0}
 * ({@link H2Durability}), which turns H2's own off: H2 appends every commit to the file as a new chunk
 * and, with a write delay of 0, stops the background thread that would rewrite what is still alive in
 * old, mostly empty chunks. Nothing else freed them, so the file grew with every commit (the fan-out
 * benchmark: 1.2 GB and 24,000 chunks, 7 % of their pages alive, after 120,000 mails). Once a second this
 * rewrites the live pages of the emptiest chunks older than H2's retention time (45 s) and writes them
 * out, so those chunks empty and are dropped, and their space is used again. It does not move chunks to
 * shorten the file, and a dropped chunk's bytes (old versions of rows, erased personal data among them)
 * stay in the file until a later chunk overwrites them.
 *
 * <p>A round holds H2's store lock while it rewrites (at most a quarter of H2's unsaved-memory limit, as
 * H2's own rounds do when busy), so a commit may wait for it: 17–35 ms in the benchmark's busiest rounds.
 */
final class H2Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);
    static final Duration INTERVAL = Duration.ofSeconds(1);
    /**
     * The first round waits until the start and its first requests are over: nothing the start wrote can be
     * rewritten before H2's retention time anyway, and a file an earlier run left large is no more urgent.
     */
    static final Duration FIRST_ROUND = Duration.ofSeconds(30);
    /**
     * A round rewrites only while the chunks old enough to be rewritten are less alive than this on average
     * (H2's own threshold while busy): the young ones are mostly empty under load and would always say yes.
     */
    static final int TARGET_FILL_RATE = 80;

    /**
     * Where the store is found again: H2 closes a database when its last connection closes (the pool
     * replacing its connections could do that) and makes a new store when it opens again.
     */
    private final Supplier<MVStore> stores;
    private MVStore store;
    private ScheduledExecutorService thread;
    private boolean failedBefore;

    H2Housekeeping(Supplier<MVStore> stores) {
        this.stores = stores;
        this.store = stores.get();
    }

    /** Starts the rounds for an H2 file database; nothing for other databases. */
    static Optional<H2Housekeeping> start(DataSource dataSource, String url) {
        if (!H2Durability.isH2File(url)) {
            return Optional.empty();
        }
        H2Housekeeping housekeeping = new H2Housekeeping(() -> store(dataSource));
        housekeeping.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "portal-db-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.thread.scheduleWithFixedDelay(housekeeping::runQuietly, FIRST_ROUND.toMillis(),
                INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(housekeeping);
    }

    /** The store under an embedded H2 database: one per database, for as long as it is open. */
    static MVStore store(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
                    .getDatabase().getStore().getMvStore();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the H2 database's store: " + e.getMessage(), e);
        }
    }

    /**
     * One round: if the chunks old enough to be rewritten are less than {@link #TARGET_FILL_RATE} % alive,
     * moves the live pages of the emptiest of them into a new chunk and writes it. Returns whether it moved any.
     */
    boolean runOnce() {
        if (rewritableFillRate() >= TARGET_FILL_RATE
                || !store.compact(TARGET_FILL_RATE, store.getAutoCommitMemory() / 4)) {
            return false;
        }
        // The moved pages are only marked; this writes them, so a request's commit does not.
        store.commit();
        return true;
    }

    /** H2's own figure for the chunks past the retention time ({@code info.CHUNKS_FILL_RATE_RW}). */
    private int rewritableFillRate() {
        int[] rate = {100};
        if (store.getFileStore() == null) {
            return rate[0]; // in memory: nothing to free
        }
        store.getFileStore().populateInfo((name, value) -> {
            if (name.equals("info.CHUNKS_FILL_RATE_RW")) {
                rate[0] = Integer.parseInt(value);
            }
        });
        return rate[0];
    }

    /** A scheduled round: never throws, since a thrown exception would end the rounds for good. */
    void runQuietly() {
        try {
            if (store.isClosed()) {
                store = stores.get();
            }
            runOnce();
        } catch (RuntimeException | AssertionError | LinkageError e) {
            if (!failedBefore) {
                log.warn("H2 housekeeping failed ({}); it tries again every second, failures after this one are "
                        + "logged at DEBUG", e.toString());
                failedBefore = true;
            } else {
                log.debug("H2 housekeeping failed again: {}", e.toString());
            }
        }
    }

    /**
     * Ends the rounds, letting one under way finish: interrupting it could close H2's file channel in the
     * middle of a write (the JDK closes an interrupted channel), and H2 would then close the database in a panic.
     */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("An H2 housekeeping round is still running after 10 s; closing the database anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
