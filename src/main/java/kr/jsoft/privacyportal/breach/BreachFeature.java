package kr.jsoft.privacyportal.breach;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.complaint.ComplaintDesk;
import kr.jsoft.privacyportal.device.DeviceRegistry;
import kr.jsoft.privacyportal.jobs.Jobs;
import kr.jsoft.privacyportal.manager.Access;
import kr.jsoft.privacyportal.manager.ManagerArea;
import kr.jsoft.privacyportal.manager.Role;
import kr.jsoft.privacyportal.notice.NoticeService;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.policy.PolicyMetadata;
import kr.jsoft.privacyportal.subscription.NoticeMailer;
import kr.jsoft.privacyportal.web.View;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;

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
     * @param policyFacts the facts of the privacy policy in force (the privacy officer's contact and the
     *                    outside organisations for redress go into every notice)
     * @param baseUrl     the public address (the device message carries an absolute link)
     */
    public static BreachFeature wire(Database database, AuditLog auditLog, Clock clock, DeviceRegistry registry,
                                     Commands commands, NoticeService notices, NoticeMailer subscribers,
                                     ComplaintDesk complaints, Supplier<Optional<PolicyMetadata.Facts>> policyFacts,
                                     Supplier<URI> baseUrl) {
        return new BreachFeature(new BreachDesk(database, auditLog, clock, registry, commands, notices, subscribers,
                complaints, policyFacts, baseUrl));
    }

    public void register(ServletContextHandler context, ManagerArea staffArea, Jobs jobs, View view) {
        staffArea.page(BreachDeskServlet.BASE + "/*", new BreachDeskServlet(desk, view),
                Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER), "breach.nav");
        staffArea.panel(new BreachPanel(desk));
        ServletHolder holder = new ServletHolder(BreachNoticeServlet.class.getSimpleName(),
                new BreachNoticeServlet(desk, view));
        context.getServletHandler().addServletWithMapping(holder, "/ko/breach-notices/*");
        context.getServletHandler().addServletWithMapping(holder, "/en/breach-notices/*");
        // Sending queues the first pages at once; this resumes a run a restart or a fault cut short.
        jobs.exclusive("breach device notices", Duration.ofSeconds(30), desk::notifyDevices);
    }

    BreachDesk desk() {
        return desk;
    }
}
