package kr.jsoft.privacyportal.subscription;

import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.mail.OutgoingMail;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.web.Lang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns due fan-out jobs into outbox mails, one page of subscribers (by ascending id) per
 * transaction: the page's mails and the job's progress commit together, so a crash resends
 * nothing and the next run (here or on another instance, once the lease ends) goes on from
 * the last committed page. Never holds more than one page of subscribers in memory.
 */
public final class NoticeFanOut {
    private static final Logger log = LoggerFactory.getLogger(NoticeFanOut.class);
    static final int PAGE_SIZE = 500;
    /** The claim's default length ({@code PORTAL_LEASE}); every committed page renews it. */
    static final Duration LEASE = kr.jsoft.privacyportal.jobs.JobLeases.DEFAULT_LEASE;

    /** Test seam: runs inside each page's transaction, after its mails were enqueued. */
    interface PageHook {
        void pageEnqueued(int pageNumber);
    }

    private final Database database;
    private final Outbox outbox;
    private final NoticeSubscriptions subscriptions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int pageSize;
    private final PageHook hook;
    private final Duration lease;

    public NoticeFanOut(Database database, Outbox outbox, NoticeSubscriptions subscriptions, AuditLog auditLog,
                        Clock clock) {
        this(database, outbox, subscriptions, auditLog, clock, LEASE);
    }

    public NoticeFanOut(Database database, Outbox outbox, NoticeSubscriptions subscriptions, AuditLog auditLog,
                        Clock clock, Duration lease) {
        this(database, outbox, subscriptions, auditLog, clock, PAGE_SIZE, page -> { }, lease);
    }

    NoticeFanOut(Database database, Outbox outbox, NoticeSubscriptions subscriptions, AuditLog auditLog, Clock clock,
                 int pageSize, PageHook hook) {
        this(database, outbox, subscriptions, auditLog, clock, pageSize, hook, LEASE);
    }

    NoticeFanOut(Database database, Outbox outbox, NoticeSubscriptions subscriptions, AuditLog auditLog, Clock clock,
                 int pageSize, PageHook hook, Duration lease) {
        this.lease = lease;
        this.database = database;
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.auditLog = auditLog;
        this.clock = clock;
        this.pageSize = pageSize;
        this.hook = hook;
    }

    /** Runs every due job to its end; returns how many mails were enqueued. Background job. */
    public int runDue() {
        int total = 0;
        for (Optional<Claim> claim = claimNext(); claim.isPresent(); claim = claimNext()) {
            total += run(claim.get());
        }
        return total;
    }

    private record Claim(UUID job, UUID token) {
    }

    private Optional<Claim> claimNext() {
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            List<UUID> due = session.createSelectionQuery("""
                    select j.id from FanOutJob j where j.state = :pending and j.notBefore <= :now
                      and (j.leaseUntil is null or j.leaseUntil <= :now) order by j.notBefore""", UUID.class)
                    .setParameter("pending", FanOutJob.State.PENDING)
                    .setParameter("now", now)
                    .setMaxResults(1)
                    .getResultList();
            for (UUID id : due) {
                UUID token = UUID.randomUUID();
                int claimed = session.createMutationQuery("""
                        update FanOutJob j set j.claimToken = :token, j.leaseUntil = :lease
                        where j.id = :id and j.state = :pending and (j.leaseUntil is null or j.leaseUntil <= :now)""")
                        .setParameter("token", token)
                        .setParameter("lease", now.plus(lease))
                        .setParameter("id", id)
                        .setParameter("pending", FanOutJob.State.PENDING)
                        .setParameter("now", now)
                        .executeUpdate();
                if (claimed == 1) {
                    return Optional.of(new Claim(id, token));
                }
            }
            return Optional.empty();
        });
    }

    private int run(Claim claim) {
        int total = 0;
        int pageNumber = 0;
        while (true) {
            int page = ++pageNumber;
            int enqueued = database.fromTransaction(session -> {
                FanOutJob job = session.find(FanOutJob.class, claim.job(), LockModeType.PESSIMISTIC_WRITE);
                if (job.state() != FanOutJob.State.PENDING || !claim.token().equals(job.claimToken())) {
                    return -1; // cancelled, or another instance took over after our lease ended
                }
                List<NoticeSubscriber> subscribers = session.createSelectionQuery("""
                        from NoticeSubscriber s where s.confirmedAt is not null and s.id > :after order by s.id""",
                        NoticeSubscriber.class)
                        .setParameter("after", job.lastSubscriberId())
                        .setMaxResults(pageSize)
                        .getResultList();
                long last = job.lastSubscriberId();
                for (NoticeSubscriber subscriber : subscribers) {
                    outbox.enqueue(session, mailFor(job, subscriber));
                    last = subscriber.id();
                }
                hook.pageEnqueued(page);
                Instant now = clock.instant();
                job.advance(last, subscribers.size(), now.plus(lease));
                if (subscribers.size() < pageSize) {
                    job.finish(now);
                    auditLog.record(session, AuditEvent.system("notice.fanout.finished")
                            .target("notice_fanout", job.id()).detail("mails enqueued: " + job.enqueued()));
                    log.info("Notice fan-out {} ({}) done: {} mails", job.id(), job.kind(), job.enqueued());
                    return -1 - subscribers.size();
                }
                return subscribers.size();
            });
            if (enqueued < 0) {
                return total + (-1 - enqueued);
            }
            total += enqueued;
        }
    }

    private OutgoingMail mailFor(FanOutJob job, NoticeSubscriber subscriber) {
        Lang lang = Lang.parse(subscriber.lang()).orElse(Lang.KO);
        String template = switch (job.kind()) {
            case SCHEDULED -> "mail/notice-revision-scheduled";
            case EFFECTIVE -> "mail/notice-revision-effective";
            case WITHDRAWN -> "mail/notice-revision-withdrawn";
            case GENERAL -> "mail/notice-general";
        };
        String email = subscriptions.cipher().openText(subscriber.emailSealed(), NoticeSubscriptions.EMAIL);
        return OutgoingMail.to(email, lang, template)
                .withContext(job.context(lang))
                .withUnsubscribe("/unsubscribe/" + subscriptions.keys().unsubscribeToken(subscriber.id()));
    }
}
