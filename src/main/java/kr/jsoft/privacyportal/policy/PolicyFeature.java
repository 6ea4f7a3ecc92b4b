package kr.jsoft.privacyportal.policy;

import java.nio.file.Path;
import java.util.Optional;
import kr.jsoft.privacyportal.mail.MailSettings;
import kr.jsoft.privacyportal.notice.NoticeService;
import kr.jsoft.privacyportal.platform.Cores;
import kr.jsoft.privacyportal.push.PushSettings;
import kr.jsoft.privacyportal.sms.SmsSettings;
import kr.jsoft.privacyportal.staff.Access;
import kr.jsoft.privacyportal.staff.NavGroup;
import kr.jsoft.privacyportal.staff.PanelItem;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.web.LanguageServlet;
import kr.jsoft.privacyportal.web.Markdown;
import kr.jsoft.privacyportal.web.PageCache;

/**
 * Wires the policy: versions imported from {@code policies/} at start-up (instances starting
 * together take turns, so each folder is imported once), the public policy and contact pages
 * behind one page cache, and the revision lifecycle with enforced notice periods on the
 * dashboard, where every role may look and only the privacy manager may act.
 */
public final class PolicyFeature {
    private final PolicyService policies;
    private final PolicyLifecycle lifecycle;
    private final PolicyPages pages;
    private final PageCache publicPages;
    private final Markdown markdown = new Markdown();

    private PolicyFeature(Cores cores, Path policiesDir, NoticeService notices, RevisionAnnouncements announcements) {
        policies = new PolicyService(cores.database(), cores.auditLog(), cores.clock(), markdown);
        cores.jobLeases().oneAtATime("policy-import", () -> policies.importFrom(policiesDir));
        pages = new PolicyPages(policies, notices, cores.clock(), facts().remedies());
        publicPages = new PageCache(pages::state, cores.version());
        lifecycle = new PolicyLifecycle(cores.database(), cores.auditLog(), cores.clock(), policies, notices,
                announcements, policiesDir);
    }

    /** {@code announcements}: who hears of a scheduled revision (the subscribers, by mail). */
    public static PolicyFeature wire(Cores cores, Path policiesDir, NoticeService notices,
                                     RevisionAnnouncements announcements) {
        return new PolicyFeature(cores, policiesDir, notices, announcements);
    }

    /** The public pages. */
    public void registerPublicPages(Cores cores) {
        cores.web().servlet(new PolicyServlet(pages, publicPages, cores.view()),
                "/ko/policy", "/ko/policy/*", "/en/policy", "/en/policy/*");
        cores.web().servlet(new ContactServlet(pages, publicPages, cores.view()), "/ko/contact", "/en/contact");
        cores.web().servlet(new LanguageServlet(cores.publicAddress().https()), LanguageServlet.SWITCH_PATH,
                "/policy", "/policy/*", "/notices", "/notices/*", "/notices.atom", "/contact");
    }

    /** The versions, preview, redline and checklist pages, the upload, and the drafts panel. */
    public void register(Cores cores) {
        Access access = Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER);
        PolicyVersionsServlet versions = new PolicyVersionsServlet(lifecycle, policies, cores.view());
        cores.staffArea().page("/manager/policies/*", versions, access, "policy.manage.nav", NavGroup.POLICY);
        cores.staffArea().work(new PolicyWork(lifecycle));
        cores.staffArea().page(PolicyUploadServlet.PATH, new PolicyUploadServlet(lifecycle, versions), access);
        cores.staffArea().panel(viewer -> viewer.role() != Role.PRIVACY_MANAGER ? Optional.empty()
                : Optional.of(lifecycle.overview().stream().filter(r -> r.state() == VersionState.DRAFT).count())
                        .filter(n -> n > 0)
                        .map(n -> new PanelItem("policy.manage.attention.drafts", n, "/manager/policies")));
    }

    /**
     * The portal checks itself against the policy in force: what it processes (declared in
     * {@link OwnProcessing}, derived from the configured SMS, push and mail services) that the
     * version in force does not disclose, and published versions changed outside the portal.
     * Listed now in the log (loudly in production; it does not refuse to start), on the privacy
     * manager's home page and in {@code /readyz}; the integrity check runs again every 5 minutes.
     */
    public void checkItself(Cores cores, boolean production, SmsSettings sms, PushSettings push, MailSettings mail) {
        PolicySelfCheck selfCheck = new PolicySelfCheck(cores.database(), policies,
                new PolicyIntegrity(cores.auditLog()), OwnProcessing.of(OwnProcessing.Configured.from(sms, push, mail)));
        selfCheck.logAtStartUp(production);
        cores.jobs().every("policy integrity", java.time.Duration.ofMinutes(5), selfCheck::checkIntegrity);
        cores.staffArea().work(selfCheck);
        cores.readiness().add("policy", selfCheck::readiness);
    }

    public PolicyFacts facts() {
        return new PolicyFacts(policies);
    }

    /** Every public page goes through this cache (the notices' pages too). */
    public PageCache publicPages() {
        return publicPages;
    }

    public Markdown markdown() {
        return markdown;
    }

    public PolicyLifecycle lifecycle() {
        return lifecycle;
    }
}
