package kr.jsoft.privacyportal.notice;

import jakarta.transaction.Synchronization;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.persistence.Database;
import org.hibernate.Session;

/**
 * The Notices section: posts notices (inside the caller's transaction, so a revision and its
 * notice commit together) and lists them, newest first. There is no edit or delete.
 */
public final class NoticeService {
    /** The entities of the notice feature, for the composition root. */
    public static final List<Class<?>> ENTITIES = List.of(Notice.class);
    private static final long RELOAD_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private volatile Newest newest;
    /** Set while one thread reloads a stale id: the others keep answering from it meanwhile. */
    private final java.util.concurrent.atomic.AtomicBoolean reloading = new java.util.concurrent.atomic.AtomicBoolean();

    public NoticeService(Database database, AuditLog auditLog, Clock clock) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    private record Newest(Optional<UUID> id, long loadedAt) {
    }

    /** Posts a notice in the caller's transaction, timed now; it shows once that transaction commits. */
    public NoticeView post(Session session, NewNotice notice) {
        Notice posted = new Notice(UUID.randomUUID(), clock.instant().truncatedTo(ChronoUnit.MILLIS), notice);
        session.persist(posted);
        NoticeView view = posted.view();
        auditLog.record(session, AuditEvent.system("notice.posted").target("notice", view.id())
                .detail(notice.kind() + (notice.versionLabel() == null ? "" : " " + notice.versionLabel())));
        session.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                newest = null;
            }
        });
        return view;
    }

    /** Posts a notice in its own transaction. */
    public NoticeView post(NewNotice notice) {
        return database.fromTransaction(session -> post(session, notice));
    }

    /** Every notice, newest first. */
    public List<NoticeView> list() {
        return database.fromTransaction(session -> NoticeQueries.newestFirst(session, Integer.MAX_VALUE, clock.instant()))
                .stream().map(Notice::view).toList();
    }

    /** The {@code limit} newest notices, newest first. */
    public List<NoticeView> newest(int limit) {
        return database.fromTransaction(session -> NoticeQueries.newestFirst(session, limit, clock.instant()))
                .stream().map(Notice::view).toList();
    }

    /** A notice on the site now (one whose posting period has ended is not found). */
    public Optional<NoticeView> find(UUID id) {
        return database.fromTransaction(session -> Optional.ofNullable(session.find(Notice.class, id))
                .filter(n -> n.shownAt(clock.instant())).map(Notice::view));
    }

    /** The notices about one policy version, newest first. */
    public List<NoticeView> forVersion(String versionLabel) {
        return database.fromTransaction(session -> NoticeQueries.forVersion(session, versionLabel))
                .stream().map(Notice::view).toList();
    }

    /**
     * The id of the newest notice, for the public pages' cache state: kept in memory, reloaded
     * after a notice is posted here and at least every two seconds (notices posted elsewhere).
     */
    public Optional<UUID> newestId() {
        Newest current = newest;
        if (current == null) {
            current = loadNewest();
        } else if (System.nanoTime() - current.loadedAt() > RELOAD_AFTER_NANOS && reloading.compareAndSet(false, true)) {
            // Only another instance's notices are pending: one thread reloads, not every page request at once.
            try {
                current = loadNewest();
            } finally {
                reloading.set(false);
            }
        }
        return current.id();
    }

    private Newest loadNewest() {
        Optional<UUID> id = database.fromTransaction(session -> NoticeQueries.newestFirst(session, 1, clock.instant()))
                .stream().findFirst().map(n -> n.view().id());
        Newest loaded = new Newest(id, System.nanoTime());
        newest = loaded;
        return loaded;
    }
}
