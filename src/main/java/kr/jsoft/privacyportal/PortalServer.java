package kr.jsoft.privacyportal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import kr.jsoft.privacyportal.audit.AuditHeads;
import java.net.http.HttpClient;
import java.security.KeyPair;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.command.CommandChannel;
import kr.jsoft.privacyportal.command.CommandEvents;
import kr.jsoft.privacyportal.command.CommandSigner;
import kr.jsoft.privacyportal.command.CommandsServlet;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.command.JwksServlet;
import kr.jsoft.privacyportal.command.LoggingManagerAlerts;
import kr.jsoft.privacyportal.command.WakeUpDispatcher;
import kr.jsoft.privacyportal.command.WakeUpSignal;
import kr.jsoft.privacyportal.complaint.CaseRecords;
import kr.jsoft.privacyportal.complaint.ComplaintDesk;
import kr.jsoft.privacyportal.complaint.ComplaintDeskServlet;
import kr.jsoft.privacyportal.complaint.ComplaintIntake;
import kr.jsoft.privacyportal.complaint.ComplaintPanel;
import kr.jsoft.privacyportal.complaint.ComplaintServlet;
import kr.jsoft.privacyportal.complaint.ComplaintSettings;
import kr.jsoft.privacyportal.complaint.ComplaintUpkeep;
import kr.jsoft.privacyportal.complaint.ComplaintViews;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.crypto.KeyedHash;
import kr.jsoft.privacyportal.device.DatabaseNonceStore;
import kr.jsoft.privacyportal.device.DeviceApiServlet;
import kr.jsoft.privacyportal.device.DevelopmentSmsReader;
import kr.jsoft.privacyportal.device.DevelopmentSmsServlet;
import kr.jsoft.privacyportal.device.DevicePanel;
import kr.jsoft.privacyportal.device.DevicesServlet;
import kr.jsoft.privacyportal.device.DeviceEvents;
import kr.jsoft.privacyportal.device.DeviceRegistration;
import kr.jsoft.privacyportal.device.DeviceRegistry;
import kr.jsoft.privacyportal.device.DeviceReports;
import kr.jsoft.privacyportal.device.DeviceRequestVerifier;
import kr.jsoft.privacyportal.device.OpenApiServlet;
import kr.jsoft.privacyportal.device.SmsProofs;
import kr.jsoft.privacyportal.destruction.Certificates;
import kr.jsoft.privacyportal.destruction.DestructionDesk;
import kr.jsoft.privacyportal.destruction.DestructionDeskServlet;
import kr.jsoft.privacyportal.destruction.DestructionDoor;
import kr.jsoft.privacyportal.destruction.DestructionIntake;
import kr.jsoft.privacyportal.destruction.DestructionPanel;
import kr.jsoft.privacyportal.destruction.DestructionProcess;
import kr.jsoft.privacyportal.destruction.DestructionServlet;
import kr.jsoft.privacyportal.destruction.DestructionSignal;
import kr.jsoft.privacyportal.destruction.DestructionWorker;
import kr.jsoft.privacyportal.destruction.ErasureKinds;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.jobs.JobLeases;
import kr.jsoft.privacyportal.jobs.Jobs;
import kr.jsoft.privacyportal.metrics.FeatureMeters;
import kr.jsoft.privacyportal.metrics.MeteredMailTransport;
import kr.jsoft.privacyportal.metrics.MeteredPushGateway;
import kr.jsoft.privacyportal.metrics.MetricsEndpoint;
import kr.jsoft.privacyportal.metrics.PortalMetrics;
import kr.jsoft.privacyportal.metrics.RequestMetrics;
import kr.jsoft.privacyportal.notice.NoticeService;
import kr.jsoft.privacyportal.notice.NoticeServlet;
import kr.jsoft.privacyportal.policy.BenchStatic;
import kr.jsoft.privacyportal.policy.ContactServlet;
import kr.jsoft.privacyportal.policy.PolicyPages;
import kr.jsoft.privacyportal.policy.PolicyDashboard;
import kr.jsoft.privacyportal.policy.PolicyLifecycle;
import kr.jsoft.privacyportal.policy.PolicyService;
import kr.jsoft.privacyportal.policy.RevisionAnnouncements;
import kr.jsoft.privacyportal.policy.PolicyMetadata;
import kr.jsoft.privacyportal.policy.PolicyVersionInfo;
import kr.jsoft.privacyportal.policy.PolicyServlet;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.manager.Access;
import kr.jsoft.privacyportal.manager.AccountService;
import kr.jsoft.privacyportal.manager.ManagerArea;
import kr.jsoft.privacyportal.manager.ManagerDashboard;
import kr.jsoft.privacyportal.manager.Role;
import kr.jsoft.privacyportal.manager.SessionLimits;
import kr.jsoft.privacyportal.mail.DevelopmentMailReader;
import kr.jsoft.privacyportal.mail.DevelopmentMailServlet;
import kr.jsoft.privacyportal.mail.DevelopmentMailbox;
import kr.jsoft.privacyportal.mail.MailDispatcher;
import kr.jsoft.privacyportal.mail.MailSettings;
import kr.jsoft.privacyportal.mail.MailTransport;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.mail.OutboxDashboard;
import kr.jsoft.privacyportal.mail.OutboxServlet;
import kr.jsoft.privacyportal.mail.SmtpTransport;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.push.Backoff;
import kr.jsoft.privacyportal.push.EndpointPolicy;
import kr.jsoft.privacyportal.push.FcmGateway;
import kr.jsoft.privacyportal.push.PushGateway;
import kr.jsoft.privacyportal.push.PushHttp;
import kr.jsoft.privacyportal.push.PushRouter;
import kr.jsoft.privacyportal.push.WebPushGateway;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.sms.DevelopmentSmsInbox;
import kr.jsoft.privacyportal.sms.SensSmsGateway;
import kr.jsoft.privacyportal.sms.SmsGateway;
import kr.jsoft.privacyportal.sms.SmsSettings;
import kr.jsoft.privacyportal.subscription.NoticeFanOut;
import kr.jsoft.privacyportal.subscription.NoticeMailer;
import kr.jsoft.privacyportal.subscription.RevisionMails;
import kr.jsoft.privacyportal.subscription.NoticeSubscriptions;
import kr.jsoft.privacyportal.subscription.SubscriptionServlet;
import kr.jsoft.privacyportal.subscription.UnsubscribeServlet;
import kr.jsoft.privacyportal.web.ClientAddress;
import kr.jsoft.privacyportal.web.CsrfTokens;
import kr.jsoft.privacyportal.web.ErrorPages;
import kr.jsoft.privacyportal.web.Failures;
import kr.jsoft.privacyportal.web.HealthServlet;
import kr.jsoft.privacyportal.web.HomeServlet;
import kr.jsoft.privacyportal.web.LanguageServlet;
import kr.jsoft.privacyportal.web.Markdown;
import kr.jsoft.privacyportal.web.PageCache;
import kr.jsoft.privacyportal.web.RequestLog;
import kr.jsoft.privacyportal.web.ApiNotFoundServlet;
import kr.jsoft.privacyportal.web.SecurityHeaders;
import kr.jsoft.privacyportal.web.SessionStore;
import kr.jsoft.privacyportal.web.View;
import org.eclipse.jetty.ee11.apache.jsp.JettyJasperInitializer;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every object of the portal with {@code new}, in the order
 * they depend on each other, and registers the servlets. {@code Main} and the tests start
 * the portal through {@link #create} (the tests on port 0).
 */
public final class PortalServer {
    private static final Logger log = LoggerFactory.getLogger(PortalServer.class);

    private final Settings settings;
    private final Server server;
    private final ServerConnector connector;
    private final Database database;
    private final PortalKeys keys;
    private final Devices devices;
    private final ManagerDashboard manager;
    private final AuditHeads auditHeads;
    private final AuditTrail auditTrail;
    private final Mail mail;
    private final PolicyLifecycle policyLifecycle;
    private final CommandFeature commands;
    private final Complaints complaints;
    private final ErasureJournal erasureJournal;
    private final Destruction destruction;
    private final PortalMetrics metrics;
    private final Optional<ServerConnector> metricsConnector;

    /** The device feature's services, for tests and command-line tasks. */
    public record Devices(DeviceRegistry registry, DeviceReports reports, Optional<DevelopmentSmsInbox> smsInbox) {
    }

    /** The complaint services, for tests. */
    public record Complaints(ComplaintIntake intake, ComplaintDesk desk, ComplaintUpkeep upkeep) {
    }

    /** What other features and tests reach of the mail feature. */
    public record Mail(Outbox outbox, MailDispatcher dispatcher, OutboxDashboard dashboard, NoticeMailer noticeMailer,
                       NoticeFanOut noticeFanOut, Optional<DevelopmentMailbox> developmentMailbox) {
    }

    /** The destruction services, for tests and the benchmark. */
    public record Destruction(DestructionIntake intake, DestructionProcess process, DestructionDesk desk,
                              Certificates certificates) {
    }

    /** The command feature's services, for other features' wiring, tests and the benchmark. */
    public record CommandFeature(Commands commands, WakeUpDispatcher wakeUps) {
    }

    private PortalServer(Settings settings, Server server, ServerConnector connector, Database database,
                         PortalKeys keys, Devices devices, ManagerDashboard manager, AuditHeads auditHeads,
                         AuditTrail auditTrail, Mail mail, PolicyLifecycle policyLifecycle,
                         CommandFeature commands, Complaints complaints, ErasureJournal erasureJournal,
                         Destruction destruction, PortalMetrics metrics,
                         Optional<ServerConnector> metricsConnector) {
        this.erasureJournal = erasureJournal;
        this.destruction = destruction;
        this.metrics = metrics;
        this.metricsConnector = metricsConnector;
        this.settings = settings;
        this.server = server;
        this.connector = connector;
        this.database = database;
        this.keys = keys;
        this.devices = devices;
        this.manager = manager;
        this.auditHeads = auditHeads;
        this.auditTrail = auditTrail;
        this.mail = mail;
        this.policyLifecycle = policyLifecycle;
        this.commands = commands;
        this.complaints = complaints;
    }

    public static PortalServer create(Settings settings, Clock clock) {
        return create(settings, clock, context -> { });
    }

    /**
     * As {@link #create(Settings, Clock)}, with {@code extraRoutes} given the web context
     * before start: the tests use it to add routes that fail on purpose.
     */
    public static PortalServer create(Settings settings, Clock clock, Consumer<ServletContextHandler> extraRoutes) {
        PortalKeys keys = PortalKeys.load(settings.mode(), settings.keyDir(), settings.inlineKeys());
        SecureRandom random = new SecureRandom();
        String version = version();

        Server server = new Server(newThreadPool());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        // The public address for links in mails: PORTAL_BASE_URL, else this server's own (known once started).
        Supplier<URI> baseUrl = () -> settings.configuredBaseUrl()
                .orElseGet(() -> URI.create("http://localhost:" + connector.getLocalPort()));

        // Persistence: every feature's entities, migrated by Flyway, validated by Hibernate.
        Database database = Database.open(settings.database(), entities());

        // ---- Several instances on one database (issue 12) ----
        // Leases name this instance as holder; the client address trusts forwarded headers only
        // from PORTAL_TRUSTED_PROXIES; sessions live in the database (SessionStore, below).
        JobLeases jobLeases = new JobLeases(database, clock, settings.instanceId());
        ClientAddress clientAddress = new ClientAddress(settings.trustedProxies(), settings.forwardedHeader());
        // ---- end of issue 12 ----

        // ---- Operations (issue 12): one meter registry for every feature, the Prometheus endpoint on
        // its own connector (PORTAL_METRICS_PORT), one log line per request with a request id. ----
        PortalMetrics metrics = new PortalMetrics();
        io.micrometer.core.instrument.FunctionCounter.builder("portal.db.statements", database,
                        Database::statementsPrepared)
                .description("SQL statements prepared through Hibernate").register(metrics.registry());
        new io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics(server.getThreadPool(),
                List.of()).bindTo(metrics.registry());
        Optional<ServerConnector> metricsConnector = settings.operations().port().map(port -> {
            ServerConnector metricsPort = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
            metricsPort.setName("metrics");
            metricsPort.setHost(settings.operations().host());
            metricsPort.setPort(port);
            server.addConnector(metricsPort);
            return metricsPort;
        });
        // ---- end of operations, part 1 ----

        // Erasure journal: what was destroyed, re-applied at start-up so a restored backup brings nothing back.
        // Each feature that destroys data registers its eraser below; the journal is checked just before start.
        ErasureJournal erasureJournal = new ErasureJournal(settings.erasureJournalDir(), clock);

        // Services
        AuditLog auditLog = new AuditLog(clock);
        View view = new View(true);
        Jobs jobs = new Jobs(settings.shutdownTimeout(), jobLeases);
        RateLimiter rateLimiter = new RateLimiter(database, clock, keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256"));
        jobs.every("rate-limit purge", Duration.ofMinutes(10), rateLimiter::purgeExpired);
        KeyedHash phoneHash = new KeyedHash(keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256"));
        DataCipher dataCipher = new DataCipher(PortalKeys.DATA_ENCRYPTION,
                Map.of(PortalKeys.DATA_ENCRYPTION, keys.secretKey(PortalKeys.DATA_ENCRYPTION, "AES")), random);

        // Device registry (issue 8): SMS-proven registration and the signed device API.
        Optional<DevelopmentSmsInbox> smsInbox = settings.sms().provider() == SmsSettings.Provider.DEVELOPMENT
                ? Optional.of(new DevelopmentSmsInbox(clock)) : Optional.empty();
        SmsGateway smsGateway = smsInbox.<SmsGateway>map(inbox -> inbox)
                .orElseGet(() -> new SensSmsGateway(settings.sms().sens().orElseThrow(), clock));
        // Commands (issue 9), part 1: the queue exists before the registry, whose events it answers.
        WakeUpSignal wakeUpSignal = new WakeUpSignal();
        Commands commands = new Commands(database, auditLog, clock, random,
                new CommandSigner(keys.ecKey(PortalKeys.SIGNING)), wakeUpSignal);
        DeviceEvents deviceEvents = new CommandEvents(commands);
        DeviceRegistry deviceRegistry = new DeviceRegistry(database, auditLog, clock, phoneHash, dataCipher,
                deviceEvents, settings.devices().inactivity(), erasureJournal);
        DeviceRegistration deviceRegistration = new DeviceRegistration(database, auditLog, clock, random,
                deviceRegistry, smsGateway, rateLimiter, settings.devices(), deviceEvents);
        DeviceReports deviceReports = new DeviceReports(database, auditLog, deviceRegistry);
        DatabaseNonceStore deviceNonces = new DatabaseNonceStore(database, clock);
        DeviceApiServlet deviceApi = new DeviceApiServlet(deviceRegistration, deviceRegistry,
                new DeviceRequestVerifier(clock, deviceNonces),
                new EndpointPolicy(settings.devices().allowPrivatePushEndpoints()), new CommandChannel(commands), clock,
                clientAddress);
        jobs.every("device nonce purge", Duration.ofMinutes(10), deviceNonces::purgeExpired);
        jobs.exclusive("command history purge", Duration.ofHours(1),
                () -> commands.purgeHistory(settings.push().commandHistory()));
        jobs.exclusive("device inactivity erasure", Duration.ofHours(1), deviceRegistry::eraseInactive);
        jobs.exclusive("device registration expiry", Duration.ofMinutes(10), deviceRegistry::purgeExpiredRegistrations);
        Devices devices = new Devices(deviceRegistry, deviceReports, smsInbox);

        // Mail: the transactional outbox, its dispatcher, notice subscriptions and their fan-out.
        // Development mode without PORTAL_SMTP_HOST sends everything to an embedded GreenMail server.
        MailSettings mail = settings.mail();
        DevelopmentMailbox developmentMailbox = mail.usesDevelopmentMailbox() ? new DevelopmentMailbox() : null;
        MailTransport smtp = new MeteredMailTransport(developmentMailbox != null
                ? SmtpTransport.developmentMailbox(mail, developmentMailbox.port())
                : SmtpTransport.configured(mail), metrics.registry());
        Outbox outbox = new Outbox(database, mail, dataCipher, auditLog, clock, erasureJournal);
        MailDispatcher mailDispatcher = new MailDispatcher(database, outbox, view, smtp, mail, baseUrl, auditLog, clock,
                random);
        OutboxDashboard outboxDashboard = new OutboxDashboard(database, outbox, view, mail, baseUrl, auditLog, clock);
        NoticeSubscriptions subscriptions = new NoticeSubscriptions(database, outbox, rateLimiter, auditLog,
                dataCipher, keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256"), random, clock, erasureJournal);
        NoticeMailer noticeMailer = new NoticeMailer(outbox, auditLog, clock);
        NoticeFanOut noticeFanOut = new NoticeFanOut(database, outbox, subscriptions, auditLog, clock);
        jobs.every("notice fan-out", Duration.ofSeconds(5), noticeFanOut::runDue);
        jobs.exclusive("mail erasure", Duration.ofHours(1), outbox::eraseExpired);
        jobs.exclusive("unconfirmed subscription purge", Duration.ofHours(1), subscriptions::purgeUnconfirmed);

        // Commands (issue 9), part 2: push gateways and the wake-up dispatcher.
        HttpClient pushHttp = PushHttp.newClient();
        PushGateway fcm = settings.push().fcm()
                .<PushGateway>map(f -> new FcmGateway(f.account(), f.baseUrl(), clock, pushHttp))
                .orElseGet(() -> PushGateway.notConfigured("FCM"));
        PushGateway webPush = new WebPushGateway(vapidKeyPair(keys), settings.push().vapidContact(),
                new EndpointPolicy(settings.devices().allowPrivatePushEndpoints()), clock, pushHttp);
        PushRouter pushRouter = new PushRouter(new MeteredPushGateway(fcm, "fcm", metrics.registry()),
                new MeteredPushGateway(webPush, "web-push", metrics.registry()));
        WakeUpDispatcher wakeUps = new WakeUpDispatcher(database, commands, deviceRegistry,
                pushRouter, Backoff.standard(random, clock), new LoggingManagerAlerts(clock), auditLog,
                clock, wakeUpSignal, settings.push().workers(), Duration.ofSeconds(1), settings.shutdownTimeout());
        CommandFeature commandFeature = new CommandFeature(commands, wakeUps);

        // Web

        WebAppContext context = newContext(settings);
        filter(context, new RequestLog(random, List.of(new RequestMetrics(metrics.registry()))), "/*");
        SessionStore.useDatabase(context.getSessionHandler(), database.dataSource());
        filter(context, new Failures(), "/*");
        filter(context, new CsrfTokens(random), "/*");
        servlet(context, new HomeServlet(view), "", "/ko", "/en", "/ko/", "/en/");
        servlet(context, new HealthServlet(database, version), "/healthz", "/readyz");
        servlet(context, deviceApi, DeviceApiServlet.mappings().toArray(String[]::new));
        servlet(context, new OpenApiServlet(), OpenApiServlet.PATH);
        servlet(context, new JwksServlet(keys.publicSigningKeys()), JwksServlet.PATH);
        servlet(context, new ApiNotFoundServlet(), "/api/*");

        // Policy and notices (issue 3): import policies/ at start-up, the public policy pages,
        // the Notices section and the contact page, all served through one page cache.
        Markdown markdown = new Markdown();
        PolicyService policyService = new PolicyService(database, auditLog, clock, markdown);
        // Instances starting together take turns, so each folder is imported once.
        jobLeases.oneAtATime("policy-import", () -> policyService.importFrom(settings.policiesDir()));
        NoticeService noticeService = new NoticeService(database, auditLog, clock);
        PolicyPages policyPages = new PolicyPages(policyService, noticeService, clock);
        PageCache publicPages = new PageCache(policyPages::state, version);
        servlet(context, new PolicyServlet(policyPages, publicPages, view),
                "/ko/policy", "/ko/policy/*", "/en/policy", "/en/policy/*");
        servlet(context, new NoticeServlet(noticeService, markdown, publicPages, view, settings.configuredBaseUrl()),
                "/ko/notices", "/ko/notices/*", "/ko/notices.atom", "/en/notices", "/en/notices/*", "/en/notices.atom");
        servlet(context, new ContactServlet(policyPages, publicPages, view), "/ko/contact", "/en/contact");
        servlet(context, new LanguageServlet(
                settings.configuredBaseUrl().map(u -> "https".equals(u.getScheme())).orElse(false)), LanguageServlet.SWITCH_PATH,
                "/policy", "/policy/*", "/notices", "/notices/*", "/notices.atom", "/contact");
        if (settings.benchStatic()) {
            BenchStatic.register(context, settings.dataDir());
        }

        // ---- Manager dashboard, staff accounts and the audit trail (issue 4) ----
        // Later features register their /manager pages and panels in manager.area().
        AuditHeads auditHeads = new AuditHeads(database, auditLog, keys.ecKey(PortalKeys.SIGNING),
                settings.dataDir().resolve("audit-heads"), clock, settings.instanceId());
        AuditTrail auditTrail = new AuditTrail(database, auditLog, auditHeads);
        ManagerDashboard manager = new ManagerDashboard(context, database, auditLog, auditTrail, view, clock, random,
                keys.secretKey(PortalKeys.DATA_ENCRYPTION, "AES"),
                new SessionLimits(settings.sessionIdle(), settings.sessionMax()),
                () -> settings.baseUrl(connector.getLocalPort()), settings.dataDir(), clientAddress);
        jobs.every("audit-head", Duration.ofMinutes(15), auditHeads::signIfDue);
        // The daily signed head also goes by mail to the privacy manager: a copy outside the database.
        auditHeads.onSigned((session, head) -> outbox.mailAuditChainHead(session, head.seq(), head.hash(), head.jws()));
        jobs.every("sign-in-throttle-expiry", Duration.ofHours(1), manager::forgetExpiredFailures);
        // ---- end of issue 4 ----

        // device dashboard (issue 8): devices page and lookup, a device's history, the attention
        // panel, and in development mode the SMS inbox. The lookup is a read (AUDITOR included)
        // that is POSTed so the number stays out of addresses; the pages themselves refuse changes.
        ManagerArea managerArea = manager.area();
        DevicesServlet devicesPages = new DevicesServlet(deviceReports, view);
        managerArea.page(DevicesServlet.pagesPath(), devicesPages, Access.view(Access.ALL_ROLES), "device.nav");
        managerArea.page(DevicesServlet.lookupPath(), devicesPages,
                Access.view(Access.ALL_ROLES).act(Access.ALL_ROLES));
        managerArea.panel(new DevicePanel(deviceReports, clock));
        smsInbox.ifPresent(inbox -> managerArea.page(DevelopmentSmsServlet.PATH,
                new DevelopmentSmsServlet(new DevelopmentSmsReader(database, auditLog, inbox), view),
                Access.view(Role.PRIVACY_MANAGER, Role.STAFF), "device.nav.sms"));

        // ---- Policy revisions with enforced advance notice (issue 5) ----
        // Scheduling posts the revision notice; the version in force stays computed from the clock.
        // RevisionMails mails each notice to the confirmed subscribers (issue 6) in the same transaction.
        RevisionAnnouncements revisionAnnouncements = new RevisionMails(noticeMailer);
        PolicyLifecycle policyLifecycle = new PolicyLifecycle(database, auditLog, clock, policyService, noticeService,
                revisionAnnouncements, settings.policiesDir());
        PolicyDashboard.register(manager.area(), policyLifecycle, policyService, view);
        // ---- end of issue 5 ----

        // Mail and command dashboard pages (issues 6 and 9): the outbox (retry for PRIVACY_MANAGER and
        // STAFF), the development mailbox (only without SMTP in development), and a device's commands
        // with "retry wake-up" (a prefix route of its own, since /manager/devices/* is view-only).
        managerArea.page(OutboxServlet.PATH, new OutboxServlet(outboxDashboard, view),
                Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF), "mail.nav.outbox");
        if (developmentMailbox != null) {
            managerArea.page(DevelopmentMailServlet.PATH, new DevelopmentMailServlet(
                    new DevelopmentMailReader(database, auditLog, developmentMailbox), view),
                    Access.view(Role.PRIVACY_MANAGER, Role.STAFF), "mail.nav.dev");
        }
        managerArea.page(CommandsServlet.PATH, new CommandsServlet(commands, view),
                Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF));

        extraRoutes.accept(context);



        // ---- Complaints to the privacy manager (issue 7) ----
        // Public form, status page and link re-send; the queue and cases on the dashboard; the
        // daily deadline digest and the erasure of closed cases after PORTAL_COMPLAINT_RETENTION.
        ComplaintSettings complaintSettings = settings.complaints();
        CaseRecords caseRecords = new CaseRecords(dataCipher,
                new KeyedHash(keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256")), random, clock);
        Function<String, List<PolicyMetadata.OutsideOrganisation>> outsideOrganisations = label -> label == null
                ? List.of() : policyService.find(label).map(v -> v.metadata().facts().outsideOrganisations())
                .orElse(List.of());
        ComplaintIntake complaintIntake = new ComplaintIntake(database, auditLog, outbox, rateLimiter, caseRecords,
                complaintSettings, mail, outsideOrganisations);
        ComplaintDesk complaintDesk = new ComplaintDesk(database, auditLog, outbox, caseRecords,
                () -> manager.accounts().active(Set.of(Role.PRIVACY_MANAGER, Role.STAFF)).stream()
                        .map(a -> new ComplaintViews.Assignee(a.id(), a.displayName())).toList(),
                () -> policyService.current().map(PolicyVersionInfo::label), outsideOrganisations);
        ComplaintUpkeep complaintUpkeep = new ComplaintUpkeep(database, auditLog, outbox, caseRecords,
                complaintSettings, mail, erasureJournal);
        servlet(context, new ComplaintServlet(complaintIntake, view, clientAddress, baseUrl),
                "/ko/complaints/*", "/en/complaints/*");
        ComplaintDeskServlet complaintPages = new ComplaintDeskServlet(complaintDesk, view);
        Access complaintAccess = Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF);
        managerArea.page(ComplaintDeskServlet.BASE + "/*", complaintPages, complaintAccess, "complaint.nav");
        managerArea.page(ComplaintDeskServlet.STATISTICS, complaintPages, Access.view(Access.ALL_ROLES),
                "complaint.nav.statistics");
        managerArea.panel(new ComplaintPanel(complaintDesk, true));
        managerArea.panel(new ComplaintPanel(complaintDesk, false));
        jobs.every("complaint digest", Duration.ofMinutes(10), complaintUpkeep::sendDailyDigest);
        jobs.exclusive("complaint erasure", Duration.ofHours(1), complaintUpkeep::eraseExpired);
        Complaints complaints = new Complaints(complaintIntake, complaintDesk, complaintUpkeep);
        // ---- end of issue 7 ----

        // Operations (issue 12), part 2: every feature that destroys data journals it and erases it again
        // at start-up (after a restore); gauges read from the database (cached for a few seconds).
        erasureJournal.register(DeviceRegistry.ERASURE_KIND, deviceRegistry::eraseAgain);
        erasureJournal.register(Outbox.ERASURE_KIND, ErasureJournal.Eraser.inBatches(outbox::eraseAgain));
        erasureJournal.register(NoticeSubscriptions.ERASURE_KIND,
                ErasureJournal.Eraser.inBatches(subscriptions::eraseAgain));
        erasureJournal.register(ComplaintUpkeep.ERASURE_KIND, complaintUpkeep::eraseAgain);
        FeatureMeters.outbox(metrics.registry(), outbox);
        FeatureMeters.complaints(metrics.registry(), complaintDesk);

        // ---- Destruction requests (issues 10 and 11) ----
        // Website request (the same work whatever the number), approval on a device, WIPE_APP_DATA to
        // every device of the number, the portal's own records erased (journalled), a signed certificate;
        // the in-app request through the device API; the manager's queue with both clocks.
        erasureJournal.register(ErasureKinds.DEVICE_COMMANDS, (session, id) ->
                commands.erasePayloadsOf(session, java.util.UUID.fromString(id)));
        DestructionSignal destructionSignal = new DestructionSignal();
        Certificates certificates = new Certificates(keys.ecKey(PortalKeys.SIGNING), keys.publicSigningKeys());
        // Issue 11: without the device, the number is proven by an SMS code under the registration's limits,
        // or the privacy manager decides; refusals name the outside organisations of the version in force.
        Function<String, List<PolicyMetadata.OutsideOrganisation>> destructionOrganisations = label -> label == null
                ? List.of() : policyService.find(label).map(v -> v.metadata().facts().outsideOrganisations())
                .orElse(List.of());
        DestructionIntake destructionIntake = new DestructionIntake(database, auditLog, clock, random, deviceRegistry,
                commands, dataCipher, rateLimiter, settings.destruction(), destructionSignal,
                new SmsProofs(clock, random, phoneHash, smsGateway, rateLimiter, settings.devices()), outbox, mail,
                destructionOrganisations);
        DestructionProcess destructionProcess = new DestructionProcess(database, auditLog, clock, deviceRegistry,
                commands, outbox, mail, dataCipher, rateLimiter, settings.destruction(), certificates, erasureJournal,
                destructionSignal, metrics.destruction()::finished);
        erasureJournal.register(ErasureKinds.REQUEST, destructionProcess::eraseAgain);
        commands.listen(destructionProcess);
        deviceApi.destructionRequests(new DestructionDoor(destructionIntake));
        DestructionDesk destructionDesk = new DestructionDesk(database, auditLog, clock, commands, dataCipher, outbox,
                erasureJournal, settings.destruction(), destructionSignal,
                () -> policyService.current().map(PolicyVersionInfo::label), destructionOrganisations);
        servlet(context, new DestructionServlet(destructionIntake, certificates, view, clientAddress),
                "/ko/destruction", "/ko/destruction/*", "/en/destruction", "/en/destruction/*");
        managerArea.page(DestructionDeskServlet.BASE + "/*", new DestructionDeskServlet(destructionDesk, view),
                Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF), "destruction.nav");
        for (DestructionPanel.Kind kind : DestructionPanel.Kind.values()) {
            managerArea.panel(new DestructionPanel(destructionDesk, kind));
        }
        DestructionWorker destructionWorker = new DestructionWorker(destructionProcess, destructionSignal,
                Duration.ofSeconds(1), settings.shutdownTimeout());
        server.addBean(destructionWorker);
        Destruction destruction = new Destruction(destructionIntake, destructionProcess, destructionDesk, certificates);
        // ---- end of issues 10 and 11 ----

        servlet(context, new SubscriptionServlet(subscriptions, view, clientAddress),
                "/ko/notices/subscribe/*", "/en/notices/subscribe/*");
        servlet(context, new UnsubscribeServlet(subscriptions, view), "/unsubscribe/*");
        boolean https = settings.configuredBaseUrl().map(u -> "https".equals(u.getScheme())).orElse(false);
        org.eclipse.jetty.server.Handler portal = new GracefulHandler(new SecurityHeaders(context, https));
        // What Jetty refuses before any handler runs gets the same headers, and problem JSON under /api/.
        server.setErrorHandler(new kr.jsoft.privacyportal.web.ServerErrors(https));
        // The metrics connector answers only /metrics; the public connector never does.
        server.setHandler(metricsConnector.<org.eclipse.jetty.server.Handler>map(
                metricsPort -> new MetricsEndpoint(portal, metricsPort, metrics)).orElse(portal));
        if (developmentMailbox != null) {
            server.addBean(developmentMailbox);
        }
        server.addBean(mailDispatcher);
        server.addBean(jobs);
        server.addBean(wakeUps);
        server.setStopTimeout(settings.shutdownTimeout().toMillis());
        jobs.every("erasure journal prune", Duration.ofDays(1),
                () -> erasureJournal.pruneBefore(clock.instant().minus(settings.backupRetention())));
        erasureJournal.reapply(database);
        return new PortalServer(settings, server, connector, database, keys, devices, manager, auditHeads, auditTrail,
                new Mail(outbox, mailDispatcher, outboxDashboard, noticeMailer, noticeFanOut,
                        Optional.ofNullable(developmentMailbox)), policyLifecycle, commandFeature, complaints, erasureJournal,
                destruction, metrics, metricsConnector);
    }

    /** Every feature's entities (the portal and the command-line tasks open the same database). */
    static List<Class<?>> entities() {
        List<Class<?>> entities = new ArrayList<>();
        entities.addAll(AuditLog.ENTITIES);
        entities.addAll(RateLimiter.ENTITIES);
        entities.addAll(JobLeases.ENTITIES);
        entities.addAll(AccountService.ENTITIES);
        entities.addAll(PolicyService.ENTITIES);
        entities.addAll(NoticeService.ENTITIES);
        entities.addAll(DeviceRegistry.ENTITIES);
        entities.addAll(Commands.ENTITIES);
        entities.addAll(Outbox.ENTITIES);
        entities.addAll(NoticeSubscriptions.ENTITIES);
        entities.addAll(CaseRecords.ENTITIES);
        entities.addAll(DestructionIntake.ENTITIES);
        return entities;
    }

    private static KeyPair vapidKeyPair(PortalKeys keys) {
        try {
            return keys.ecKey(PortalKeys.VAPID).toKeyPair();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("the VAPID key is not a P-256 key pair", e);
        }
    }

    private static WebAppContext newContext(Settings settings) {
        WebAppContext context = new WebAppContext();
        context.setContextPath("/");
        context.setBaseResource(ResourceFactory.of(context).newClassLoaderResource("webapp/"));
        // Jasper finds the JSTL tag libraries in these jars (or in the shaded portal jar).
        context.setAttribute("org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern",
                ".*/jakarta\\.servlet\\.jsp\\.jstl-[^/]*\\.jar$|.*/privacy-portal[^/]*\\.jar$");
        context.addServletContainerInitializer(new JettyJasperInitializer());
        context.setParentLoaderPriority(true);
        context.setThrowUnavailableOnStartupException(true);
        context.setInitParameter("org.eclipse.jetty.servlet.Default.dirAllowed", "false");
        context.setInitParameter("org.eclipse.jetty.servlet.Default.cacheControl", "public, max-age=3600");

        context.setErrorHandler(new ErrorPages());

        var sessions = context.getSessionHandler();
        sessions.setSessionCookie("portal_session");
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setHttpOnly(true);
        sessions.setSecureRequestOnly(false);
        sessions.getSessionCookieConfig().setSecure(
                settings.configuredBaseUrl().map(u -> "https".equals(u.getScheme())).orElse(false));
        // The container forgets idle sessions; ManagerGate also checks idle and absolute limits
        // against the portal's clock on every dashboard request.
        sessions.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, settings.sessionIdle().toSeconds()));
        // Session ids only in cookies, never in URLs: links on cached public pages are the same for everyone.
        sessions.setSessionTrackingModes(java.util.Set.of(jakarta.servlet.SessionTrackingMode.COOKIE));
        return context;
    }

    private static QueuedThreadPool newThreadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("portal-http");
        return pool;
    }

    private static void servlet(WebAppContext context, HttpServlet servlet, String... paths) {
        ServletHolder holder = new ServletHolder(servlet.getClass().getSimpleName(), servlet);
        for (String path : paths) {
            context.getServletHandler().addServletWithMapping(holder, path);
        }
    }

    private static void filter(WebAppContext context, Filter filter, String path) {
        context.addFilter(new FilterHolder(filter), path, EnumSet.of(DispatcherType.REQUEST));
    }

    static String version() {
        String version = PortalServer.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    public void start() throws Exception {
        if (settings.mode() == Mode.DEVELOPMENT) {
            log.warn("************************************************************************");
            log.warn("* DEVELOPMENT MODE: outside services are replaced by embedded stand-ins *");
            log.warn("* (keys created locally). Never use this mode with real people's data. *");
            log.warn("************************************************************************");
        }
        server.start();
        // After start: the link needs the port actually bound.
        manager.prepareFirstRun();
        log.info("Privacy portal {} listening on {} (data in {}; P-256: {})", version(), baseUrl(), settings.dataDir(),
                kr.jsoft.privacyportal.crypto.NativeP256.describe());
        metricsConnector.ifPresent(c -> log.info("Metrics (Prometheus) on http://{}:{}{}", settings.operations().host(),
                c.getLocalPort(), MetricsEndpoint.PATH));
    }

    /** Graceful stop: in-flight requests finish, background jobs stop at a safe point, then the pool closes. */
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("Server did not stop cleanly", e);
        } finally {
            database.close();
            metrics.close();
        }
    }

    /** True once a stop has begun (the connector no longer accepts, in-flight requests finish). */
    public boolean isStopping() {
        return server.isStopping();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The public address: PORTAL_BASE_URL, else this server's own local address. */
    public URI baseUrl() {
        return settings.configuredBaseUrl().orElse(URI.create("http://localhost:" + port()));
    }

    public Database database() {
        return database;
    }

    public PortalKeys keys() {
        return keys;
    }

    public Devices devices() {
        return devices;
    }

    /** Where features register their dashboard pages and panels (and tests find every route). */
    public ManagerArea managerArea() {
        return manager.area();
    }

    /** Staff accounts: the same service the command-line tasks use (tests create accounts with it). */
    public AccountService managerAccounts() {
        return manager.accounts();
    }

    public AuditHeads auditHeads() {
        return auditHeads;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public Mail mail() {
        return mail;
    }

    /** The policy lifecycle (schedule, withdraw, postpone): what the dashboard calls, for tests. */
    public PolicyLifecycle policyLifecycle() {
        return policyLifecycle;
    }

    public CommandFeature commands() {
        return commands;
    }

    public Complaints complaints() {
        return complaints;
    }

    public Destruction destruction() {
        return destruction;
    }

    /** The meter registry (features record into it; tests read it). */
    public PortalMetrics metrics() {
        return metrics;
    }

    /** The port of the Prometheus endpoint, when PORTAL_METRICS_PORT is set. */
    public Optional<Integer> metricsPort() {
        return metricsConnector.map(ServerConnector::getLocalPort);
    }

    /** The journal of destroyed records, for features' wiring checks, tests and the restore procedure. */
    public ErasureJournal erasureJournal() {
        return erasureJournal;
    }
}
