package kr.jsoft.privacyportal.subscription;

import java.time.Duration;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.platform.Cores;
import kr.jsoft.privacyportal.policy.RevisionAnnouncements;

/**
 * Wires notice subscriptions: double opt-in, RFC 8058 unsubscribe, and the paged, resumable
 * fan-out that mails each revision notice to the confirmed subscribers.
 */
public final class SubscriptionFeature {
    private final NoticeSubscriptions subscriptions;
    private final NoticeMailer noticeMailer;
    private final NoticeFanOut fanOut;

    private SubscriptionFeature(Cores cores, Outbox outbox) {
        subscriptions = new NoticeSubscriptions(cores.database(), outbox, cores.rateLimiter(), cores.auditLog(),
                cores.dataCipher(), cores.lookupKey(), cores.random(), cores.clock(), cores.erasureJournal());
        noticeMailer = new NoticeMailer(outbox, cores.auditLog(), cores.clock());
        fanOut = new NoticeFanOut(cores.database(), outbox, subscriptions, cores.auditLog(), cores.clock(),
                cores.jobLeases().lease());
    }

    public static SubscriptionFeature wire(Cores cores, Outbox outbox) {
        SubscriptionFeature feature = new SubscriptionFeature(cores, outbox);
        cores.jobs().every("notice fan-out", Duration.ofSeconds(5), feature.fanOut::runDue);
        cores.jobs().exclusive("unconfirmed subscription purge", Duration.ofHours(1),
                feature.subscriptions::purgeUnconfirmed);
        cores.erasureJournal().register(NoticeSubscriptions.ERASURE_KIND,
                ErasureJournal.Eraser.inBatches(feature.subscriptions::eraseAgain));
        cores.web().servlet(new SubscriptionServlet(feature.subscriptions, cores.view(), cores.clientAddress()),
                "/ko/notices/subscribe/*", "/en/notices/subscribe/*");
        cores.web().servlet(new UnsubscribeServlet(feature.subscriptions, cores.view()), "/unsubscribe/*");
        return feature;
    }

    /** A scheduled revision's notice goes to the confirmed subscribers in the same transaction. */
    public RevisionAnnouncements revisionAnnouncements() {
        return new RevisionMails(noticeMailer);
    }

    public NoticeMailer noticeMailer() {
        return noticeMailer;
    }

    public NoticeFanOut fanOut() {
        return fanOut;
    }
}
