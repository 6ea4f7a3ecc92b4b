package kr.jsoft.privacyportal.subscription;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import kr.jsoft.privacyportal.policy.RevisionAnnouncements;
import kr.jsoft.privacyportal.policy.ScheduledRevision;
import kr.jsoft.privacyportal.web.Lang;
import org.hibernate.Session;

/**
 * The policy's "individual notice": when a revision is scheduled or withdrawn, every confirmed
 * subscriber is mailed (fan-out job in the same transaction as the notice), and a reminder goes
 * out on the effective date unless the revision is withdrawn first.
 */
final class RevisionMails implements RevisionAnnouncements {
    private final NoticeMailer mailer;

    public RevisionMails(NoticeMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void scheduled(Session session, ScheduledRevision revision) {
        mailer.revisionScheduled(session, notice(revision));
    }

    @Override
    public void withdrawn(Session session, ScheduledRevision revision) {
        mailer.revisionWithdrawn(session, notice(revision));
    }

    /**
     * Each posted notice is mailed once: the key names the version, the date it takes (or would
     * have taken) effect and the notice itself, so withdrawing a revision and scheduling it again
     * for the same date is a new notice with its own mails and reminder, and so is a second
     * withdrawal. {@link NoticeMailer#revisionWithdrawn} cancels reminders by the part before {@code #}.
     */
    static RevisionNotice notice(ScheduledRevision revision) {
        String id = revision.label() + "@" + revision.effectiveDate() + RevisionNotice.NOTICE_SEPARATOR
                + revision.noticeId();
        return new RevisionNotice(id, revision.effectiveDate(),
                both(lang -> (lang == Lang.KO ? "개인정보처리방침 개정 " : "Privacy policy revision ") + revision.label()),
                both(revision::summary),
                both(revision::textPath),
                both(lang -> revision.redlinePath(lang).orElse(revision.textPath(lang))));
    }

    private static Map<Lang, String> both(Function<Lang, String> text) {
        Map<Lang, String> texts = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            texts.put(lang, text.apply(lang));
        }
        return texts;
    }
}
