package kr.jsoft.privacyportal.breach;

import java.time.Duration;
import java.util.List;
import kr.jsoft.privacyportal.command.CommandFeature;
import kr.jsoft.privacyportal.complaint.ComplaintFeature;
import kr.jsoft.privacyportal.device.DeviceFeature;
import kr.jsoft.privacyportal.notice.NoticeFeature;
import kr.jsoft.privacyportal.platform.Cores;
import kr.jsoft.privacyportal.policy.PolicyFacts;
import kr.jsoft.privacyportal.staff.Access;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.subscription.SubscriptionFeature;

/**
 * Wires breach notification: the incident register and its desk on the dashboard (every role sees
 * it, only the privacy manager acts), the 72-hour clock on the home page, the public notice page the
 * devices and mails link to, and the background job that notifies the affected devices in pages. It
 * reaches other features only through their services: the device registry, the command channel,
 * the Notices section, the subscribers' mailer, the complaint desk and the policy in force.
 */
public final class BreachFeature {
    /** The feature's entities, for the composition root. */
    public static final List<Class<?>> ENTITIES = List.of(BreachIncident.class);

    private final BreachDesk desk;

    private BreachFeature(BreachDesk desk) {
        this.desk = desk;
    }

    /**
     * The privacy officer's contact in every notice comes from the policy in force, the outside
     * organisations for redress from the portal's current list ({@code remedy}); the device message's link is absolute, built on the public address.
     */
    public static BreachFeature wire(Cores cores, DeviceFeature devices, CommandFeature commands,
                                     NoticeFeature notices, SubscriptionFeature subscriptions,
                                     ComplaintFeature complaints, PolicyFacts policy) {
        BreachFeature feature = new BreachFeature(new BreachDesk(cores.database(), cores.auditLog(), cores.clock(),
                devices.registry(), commands.commands(), notices.service(), subscriptions.noticeMailer(),
                complaints.desk(), policy::inForce, cores.publicAddress()::uri));
        cores.web().servlet(new BreachNoticeServlet(feature.desk, cores.view()),
                "/ko/breach-notices/*", "/en/breach-notices/*");
        // Sending queues the first pages at once; this resumes a run a restart or a fault cut short.
        cores.jobs().exclusive("breach device notices", Duration.ofSeconds(30), feature.desk::notifyDevices);
        return feature;
    }

    /** The register and an incident's pages, and the home page's 72-hour clock. */
    public void register(Cores cores) {
        cores.staffArea().page(BreachDeskServlet.BASE + "/*", new BreachDeskServlet(desk, cores.view()),
                Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER), "breach.nav");
        cores.staffArea().panel(new BreachPanel(desk));
    }

    BreachDesk desk() {
        return desk;
    }
}
