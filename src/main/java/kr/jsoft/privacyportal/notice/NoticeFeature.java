package kr.jsoft.privacyportal.notice;

import kr.jsoft.privacyportal.platform.Cores;
import kr.jsoft.privacyportal.web.Markdown;
import kr.jsoft.privacyportal.web.PageCache;

/** Wires the Notices section: the notices (posted by other features, never edited), their pages and Atom feed. */
public final class NoticeFeature {
    private final NoticeService notices;

    private NoticeFeature(Cores cores) {
        notices = new NoticeService(cores.database(), cores.auditLog(), cores.clock());
    }

    public static NoticeFeature wire(Cores cores) {
        return new NoticeFeature(cores);
    }

    /** The pages share the policy's page cache: a revision changes both. */
    public void register(Cores cores, PageCache publicPages, Markdown markdown) {
        cores.web().servlet(new NoticeServlet(notices, markdown, publicPages, cores.view(),
                        cores.publicAddress()::uri),
                "/ko/notices", "/ko/notices/*", "/ko/notices.atom", "/en/notices", "/en/notices/*", "/en/notices.atom");
    }

    public NoticeService service() {
        return notices;
    }
}
