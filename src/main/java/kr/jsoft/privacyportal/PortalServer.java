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
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.jobs.Jobs;
import kr.jsoft.privacyportal.mail.DevelopmentMailbox;
import kr.jsoft.privacyportal.mail.MailDispatcher;
import kr.jsoft.privacyportal.mail.MailSettings;
import kr.jsoft.privacyportal.mail.MailTransport;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.mail.OutboxDashboard;
import kr.jsoft.privacyportal.mail.SmtpTransport;
import kr.jsoft.privacyportal.persistence.FieldCipher;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.subscription.NoticeFanOut;
import kr.jsoft.privacyportal.subscription.NoticeMailer;
import kr.jsoft.privacyportal.subscription.NoticeSubscriptions;
import kr.jsoft.privacyportal.subscription.SubscriptionServlet;
import kr.jsoft.privacyportal.subscription.UnsubscribeServlet;
import kr.jsoft.privacyportal.web.CsrfTokens;
import kr.jsoft.privacyportal.web.ErrorPages;
import kr.jsoft.privacyportal.web.Failures;
import kr.jsoft.privacyportal.web.HealthServlet;
import kr.jsoft.privacyportal.web.HomeServlet;
import kr.jsoft.privacyportal.web.ApiNotFoundServlet;
import kr.jsoft.privacyportal.web.SecurityHeaders;
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
    private final Mail mail;

    /** What other features and tests reach of the mail feature. */
    public record Mail(Outbox outbox, MailDispatcher dispatcher, OutboxDashboard dashboard, NoticeMailer noticeMailer,
                       NoticeFanOut noticeFanOut, Optional<DevelopmentMailbox> developmentMailbox) {
    }

    private PortalServer(Settings settings, Server server, ServerConnector connector, Database database,
                         PortalKeys keys, Mail mail) {
        this.settings = settings;
        this.server = server;
        this.connector = connector;
        this.database = database;
        this.keys = keys;
        this.mail = mail;
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
        List<Class<?>> entities = new ArrayList<>();
        entities.addAll(AuditLog.ENTITIES);
        entities.addAll(RateLimiter.ENTITIES);
        entities.addAll(Outbox.ENTITIES);
        entities.addAll(NoticeSubscriptions.ENTITIES);
        Database database = Database.open(settings.database(), entities);

        // Services
        AuditLog auditLog = new AuditLog(clock);
        View view = new View(true);
        Jobs jobs = new Jobs(settings.shutdownTimeout());
        RateLimiter rateLimiter = new RateLimiter(database, clock, keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256"));
        jobs.every("rate-limit purge", Duration.ofMinutes(10), rateLimiter::purgeExpired);

        // Mail: the transactional outbox, its dispatcher, notice subscriptions and their fan-out.
        // Development mode without PORTAL_SMTP_HOST sends everything to an embedded GreenMail server.
        MailSettings mail = settings.mail();
        DevelopmentMailbox developmentMailbox = mail.usesDevelopmentMailbox() ? new DevelopmentMailbox() : null;
        MailTransport smtp = developmentMailbox != null
                ? new SmtpTransport(mail, "127.0.0.1", developmentMailbox.port())
                : SmtpTransport.configured(mail);
        FieldCipher fieldCipher = new FieldCipher(keys.secretKey(PortalKeys.DATA_ENCRYPTION, "AES"), random);
        Outbox outbox = new Outbox(database, mail, fieldCipher, auditLog, clock);
        MailDispatcher mailDispatcher = new MailDispatcher(database, outbox, view, smtp, mail, baseUrl, auditLog, clock,
                random);
        OutboxDashboard outboxDashboard = new OutboxDashboard(database, outbox, view, mail, baseUrl, auditLog, clock);
        NoticeSubscriptions subscriptions = new NoticeSubscriptions(database, outbox, rateLimiter, auditLog,
                fieldCipher, keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256"), random, clock);
        NoticeMailer noticeMailer = new NoticeMailer(outbox, auditLog, clock);
        NoticeFanOut noticeFanOut = new NoticeFanOut(database, outbox, subscriptions, auditLog, clock);
        jobs.every("notice fan-out", Duration.ofSeconds(5), noticeFanOut::runDue);
        jobs.every("mail erasure", Duration.ofHours(1), outbox::eraseExpired);
        jobs.every("unconfirmed subscription purge", Duration.ofHours(1), subscriptions::purgeUnconfirmed);

        // Web
        WebAppContext context = newContext(settings);
        filter(context, new Failures(), "/*");
        filter(context, new CsrfTokens(random), "/*");
        servlet(context, new HomeServlet(view), "", "/ko", "/en", "/ko/", "/en/");
        servlet(context, new HealthServlet(database, version), "/healthz", "/readyz");
        servlet(context, new ApiNotFoundServlet(), "/api/*");
        servlet(context, new SubscriptionServlet(subscriptions, view), "/ko/notices/subscribe/*", "/en/notices/subscribe/*");
        servlet(context, new UnsubscribeServlet(subscriptions, view), "/unsubscribe/*");
        extraRoutes.accept(context);

        boolean https = settings.configuredBaseUrl().map(u -> "https".equals(u.getScheme())).orElse(false);
        server.setHandler(new GracefulHandler(new SecurityHeaders(context, https)));
        if (developmentMailbox != null) {
            server.addBean(developmentMailbox);
        }
        server.addBean(mailDispatcher);
        server.addBean(jobs);
        server.setStopTimeout(settings.shutdownTimeout().toMillis());
        return new PortalServer(settings, server, connector, database, keys, new Mail(outbox, mailDispatcher,
                outboxDashboard, noticeMailer, noticeFanOut, Optional.ofNullable(developmentMailbox)));
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
        sessions.setMaxInactiveInterval(30 * 60);
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
        log.info("Privacy portal {} listening on {} (data in {})", version(), baseUrl(), settings.dataDir());
    }

    /** Graceful stop: in-flight requests finish, background jobs stop at a safe point, then the pool closes. */
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("Server did not stop cleanly", e);
        } finally {
            database.close();
        }
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

    public Mail mail() {
        return mail;
    }
}
