package kr.jsoft.privacyportal.mail;

import java.time.Duration;
import java.util.Optional;
import kr.jsoft.privacyportal.audit.AuditHeads;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.platform.Cores;
import kr.jsoft.privacyportal.staff.Access;
import kr.jsoft.privacyportal.staff.NavGroup;
import kr.jsoft.privacyportal.staff.Role;

/**
 * Wires the mail core: the transactional outbox every feature enqueues into, the dispatcher
 * that sends leased batches over SMTP (development mode without {@code PORTAL_SMTP_HOST}: an
 * embedded GreenMail), the outbox page and the development mailbox on the dashboard.
 */
public final class MailFeature {
    private final MailSettings settings;
    private final Outbox outbox;
    private final MailDispatcher dispatcher;
    private final OutboxDashboard dashboard;
    private final Optional<DevelopmentMailbox> developmentMailbox;

    private MailFeature(Cores cores, MailSettings settings) {
        this.settings = settings;
        developmentMailbox = settings.usesDevelopmentMailbox() ? Optional.of(new DevelopmentMailbox()) : Optional.empty();
        MailTransport smtp = new MeteredMailTransport(developmentMailbox
                .map(box -> SmtpTransport.developmentMailbox(settings, box.port()))
                .orElseGet(() -> SmtpTransport.configured(settings)), cores.meters());
        outbox = new Outbox(cores.database(), settings, cores.dataCipher(), cores.auditLog(), cores.clock(),
                cores.erasureJournal());
        dispatcher = new MailDispatcher(cores.database(), outbox, cores.view(), smtp, settings,
                cores.publicAddress()::uri, cores.auditLog(), cores.clock(), cores.random(), cores.jobLeases());
        dashboard = new OutboxDashboard(cores.database(), outbox, cores.view(), settings, cores.publicAddress()::uri,
                cores.auditLog(), cores.clock());
    }

    public static MailFeature wire(Cores cores, MailSettings settings) {
        MailFeature mail = new MailFeature(cores, settings);
        mail.developmentMailbox.ifPresent(cores.web()::manage);
        cores.web().manage(mail.dispatcher);
        cores.jobs().exclusive("mail erasure", Duration.ofHours(1), mail.outbox::eraseExpired);
        cores.erasureJournal().register(Outbox.ERASURE_KIND,
                ErasureJournal.Eraser.inBatches(mail.outbox::eraseAgain));
        OutboxMeters.register(cores.meters(), mail.outbox);
        cores.auditHeads().onSigned(mail.auditHeadCopies());
        return mail;
    }

    public void register(Cores cores) {
        // The outbox (retry for PRIVACY_MANAGER and STAFF) and, only without SMTP in development, the mailbox.
        cores.staffArea().page(OutboxServlet.PATH, new OutboxServlet(dashboard, cores.view()),
                Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF), "mail.nav.outbox", NavGroup.DELIVERY);
        cores.staffArea().work(new MailWork(dashboard));
        developmentMailbox.ifPresent(box -> cores.staffArea().page(DevelopmentMailServlet.PATH,
                new DevelopmentMailServlet(new DevelopmentMailReader(cores.database(), cores.auditLog(), box),
                        cores.view()), Access.view(Role.PRIVACY_MANAGER, Role.STAFF), "mail.nav.dev",
                NavGroup.DELIVERY));
    }

    /** The daily signed audit head goes by mail to the privacy manager: a copy outside the database. */
    private AuditHeads.Listener auditHeadCopies() {
        return (session, head) -> outbox.mailAuditChainHead(session, head.seq(), head.hash(), head.jws());
    }

    public MailSettings settings() {
        return settings;
    }

    public Outbox outbox() {
        return outbox;
    }

    public MailDispatcher dispatcher() {
        return dispatcher;
    }

    public OutboxDashboard dashboard() {
        return dashboard;
    }

    public Optional<DevelopmentMailbox> developmentMailbox() {
        return developmentMailbox;
    }
}
