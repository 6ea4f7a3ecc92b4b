package kr.jsoft.privacyportal.complaint;

import java.time.Duration;
import java.util.Set;
import kr.jsoft.privacyportal.mail.MailFeature;
import kr.jsoft.privacyportal.platform.Cores;
import kr.jsoft.privacyportal.policy.PolicyFacts;
import kr.jsoft.privacyportal.staff.Access;
import kr.jsoft.privacyportal.staff.NavGroup;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.StaffDirectory;

/**
 * Wires complaints to the privacy manager: the public form, status page and link re-send; the
 * queue and cases on the dashboard; the daily deadline digest and the erasure of closed cases
 * after {@code PORTAL_COMPLAINT_RETENTION}.
 */
public final class ComplaintFeature {
    private final ComplaintIntake intake;
    private final ComplaintDesk desk;
    private final ComplaintUpkeep upkeep;

    private ComplaintFeature(Cores cores, ComplaintSettings settings, MailFeature mail, PolicyFacts policy,
                             StaffDirectory staff) {
        CaseRecords records = new CaseRecords(cores.dataCipher(), cores.phoneHash(), cores.random(), cores.clock());
        intake = new ComplaintIntake(cores.database(), cores.auditLog(), mail.outbox(), cores.rateLimiter(), records,
                settings, mail.settings(), policy.remedies());
        desk = new ComplaintDesk(cores.database(), cores.auditLog(), mail.outbox(), records,
                () -> staff.active(Set.of(Role.PRIVACY_MANAGER, Role.STAFF)).stream()
                        .map(m -> new ComplaintViews.Assignee(m.accountId(), m.displayName())).toList(),
                policy::currentLabel, policy.remedies());
        upkeep = new ComplaintUpkeep(cores.database(), cores.auditLog(), mail.outbox(), records, settings,
                mail.settings(), cores.erasureJournal());
    }

    public static ComplaintFeature wire(Cores cores, ComplaintSettings settings, MailFeature mail, PolicyFacts policy,
                                        StaffDirectory staff) {
        ComplaintFeature feature = new ComplaintFeature(cores, settings, mail, policy, staff);
        cores.jobs().every("complaint digest", Duration.ofMinutes(10), feature.upkeep::sendDailyDigest);
        cores.jobs().exclusive("complaint erasure", Duration.ofHours(1), feature.upkeep::eraseExpired);
        cores.erasureJournal().register(ComplaintUpkeep.ERASURE_KIND, feature.upkeep::eraseAgain);
        ComplaintMeters.register(cores.meters(), feature.desk);
        cores.web().servlet(new ComplaintServlet(feature.intake, cores.view(), cores.clientAddress(),
                cores.publicAddress()::uri), "/ko/complaints/*", "/en/complaints/*");
        return feature;
    }

    /** The queue, the cases and the statistics, and two panels: due soon and overdue. */
    public void register(Cores cores) {
        ComplaintDeskServlet pages = new ComplaintDeskServlet(desk, cores.view());
        cores.staffArea().page(ComplaintDeskServlet.BASE + "/*", pages,
                Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF), "complaint.nav");
        cores.staffArea().page(ComplaintDeskServlet.STATISTICS, pages, Access.view(Access.ALL_ROLES),
                "complaint.nav.statistics", NavGroup.STATISTICS);
        cores.staffArea().work(new ComplaintWork(desk));
        cores.staffArea().panel(new ComplaintPanel(desk, true));
        cores.staffArea().panel(new ComplaintPanel(desk, false));
    }

    public ComplaintIntake intake() {
        return intake;
    }

    public ComplaintDesk desk() {
        return desk;
    }

    public ComplaintUpkeep upkeep() {
        return upkeep;
    }
}
