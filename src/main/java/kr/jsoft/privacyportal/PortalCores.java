package kr.jsoft.privacyportal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import kr.jsoft.privacyportal.audit.AuditHeads;
import kr.jsoft.privacyportal.config.Mode;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.breach.BreachFeature;
import kr.jsoft.privacyportal.rights.RightsFeature;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.complaint.CaseRecords;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.crypto.KeyedHash;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import kr.jsoft.privacyportal.destruction.DestructionIntake;
import kr.jsoft.privacyportal.device.DeviceRegistry;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.jobs.JobLeases;
import kr.jsoft.privacyportal.jobs.Jobs;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.manager.AccountService;
import kr.jsoft.privacyportal.metrics.PortalMetrics;
import kr.jsoft.privacyportal.metrics.RequestMetrics;
import kr.jsoft.privacyportal.notice.NoticeService;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.persistence.OwnerOnly;
import kr.jsoft.privacyportal.platform.Cores;
import kr.jsoft.privacyportal.platform.StartupPhases;
import kr.jsoft.privacyportal.platform.WebServer;
import kr.jsoft.privacyportal.policy.PolicyService;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.staff.ManagerArea;
import kr.jsoft.privacyportal.subscription.NoticeSubscriptions;
import kr.jsoft.privacyportal.web.ApiNotFoundServlet;
import kr.jsoft.privacyportal.web.ClientAddress;
import kr.jsoft.privacyportal.web.CsrfTokens;
import kr.jsoft.privacyportal.web.Failures;
import kr.jsoft.privacyportal.web.HealthServlet;
import kr.jsoft.privacyportal.web.ReadinessDetails;
import kr.jsoft.privacyportal.web.HomeServlet;
import kr.jsoft.privacyportal.web.PublicAddress;
import kr.jsoft.privacyportal.web.RequestLog;
import kr.jsoft.privacyportal.web.SessionStore;
import kr.jsoft.privacyportal.web.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cores every feature builds on, made once: keys, the web server with its filters chain
 * (request log, database sessions, failures, CSRF), the database, audit, jobs, rate limits,
 * the erasure journal and the lookup key, each built exactly once.
 */
final class PortalCores {
    private static final Logger log = LoggerFactory.getLogger(PortalCores.class);

    private PortalCores() {
    }

    static Cores open(Settings settings, Clock clock, PortalMetrics metrics, StartupPhases phases) {
        PortalKeys keys = phases.time("keys",
                () -> PortalKeys.load(settings.mode(), settings.keyDir(), settings.inlineKeys()));
        // The data directory (database, audit heads, one-time links, the task socket) is this user's only.
        OwnerOnly.tree(settings.dataDir());
        // The database (migrations, mapping) opens on its own thread while this one builds the web server:
        // neither needs the other, and each keeps a core busy. Nothing is served before both are done.
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(
                () -> phases.time("database", () -> Database.open(settings.database(keys), entities())),
                work -> new Thread(work, "portal-db-open").start());
        SecureRandom random = new SecureRandom();
        ClientAddress clientAddress = new ClientAddress(settings.trustedProxies(), settings.forwardedHeader());
        WebServer web;
        try {
            web = phases.time("web server", () -> new WebServer(settings.host(), settings.port(),
                    settings.operations().port().map(port -> new WebServer.MetricsAddress(settings.operations().host(), port)),
                    PublicAddress.isHttps(settings.configuredBaseUrl()),
                    settings.sessionIdle(), settings.shutdownTimeout(), metrics, clientAddress::isTrustedProxy));
        } catch (RuntimeException e) {
            opening.thenAccept(Database::close);
            throw e;
        }
        PublicAddress publicAddress = new PublicAddress(settings.configuredBaseUrl(), web::port);
        Database database = Database.joined(opening);
        metrics.bind(database, web.server());
        // Leases name this instance; forwarded headers count only from PORTAL_TRUSTED_PROXIES.
        JobLeases jobLeases = new JobLeases(database, clock, settings.instanceId(), settings.lease());
        ErasureJournal erasureJournal = new ErasureJournal(settings.erasureJournalDir(), clock);
        AuditLog auditLog = new AuditLog(clock);
        AuditHeads auditHeads = new AuditHeads(database, auditLog, keys.ecKey(PortalKeys.SIGNING),
                settings.dataDir().resolve("audit-heads"), clock, settings.instanceId());
        Jobs jobs = new Jobs(settings.shutdownTimeout(), jobLeases);
        var lookupKey = keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256");
        RateLimiter rateLimiter = new RateLimiter(database, clock, lookupKey);
        DataCipher dataCipher = new DataCipher(PortalKeys.DATA_ENCRYPTION,
                Map.of(PortalKeys.DATA_ENCRYPTION, keys.secretKey(PortalKeys.DATA_ENCRYPTION, "AES")), random);
        View view = new View(true);

        web.filter(new RequestLog(random, List.of(new RequestMetrics(metrics.registry()))), "/*");
        SessionStore.useDatabase(web.context().getSessionHandler(), database.dataSource());
        web.filter(new Failures(), "/*");
        // Form tokens are HMACs under the lookup key with purposes of their own (no key of their own:
        // production never creates keys); anonymous visitors' tokens need no session (CsrfTokens).
        web.filter(new CsrfTokens(new KeyedHash(lookupKey), random, PublicAddress.isHttps(settings.configuredBaseUrl())),
                "/*");
        web.servlet(new HomeServlet(view), "", "/ko", "/en", "/ko/", "/en/");
        ReadinessDetails readiness = new ReadinessDetails();
        web.servlet(new HealthServlet(database, version(), readiness), "/healthz", "/readyz");
        web.servlet(new ApiNotFoundServlet(), "/api/*");
        jobs.every("rate-limit purge", Duration.ofMinutes(10), rateLimiter::purgeExpired);
        jobs.every("audit-head", Duration.ofMinutes(15), auditHeads::signIfDue);
        jobs.every("erasure journal prune", Duration.ofDays(1),
                () -> erasureJournal.pruneBefore(clock.instant().minus(settings.backupRetention())));
        return new Cores(clock, random, version(), keys, database, auditLog, auditHeads,
                new AuditTrail(database, auditLog, auditHeads), view, web, publicAddress, clientAddress,
                new ManagerArea(web.context()), jobs, jobLeases, rateLimiter, lookupKey, new KeyedHash(lookupKey),
                dataCipher, erasureJournal, metrics.registry(), settings.shutdownTimeout(), readiness);
    }

    /** Every feature's entities (the portal and the command-line tasks open the same database). */
    static List<Class<?>> entities() {
        List<Class<?>> entities = new ArrayList<>();
        for (List<Class<?>> feature : List.of(AuditLog.ENTITIES, RateLimiter.ENTITIES, JobLeases.ENTITIES,
                AccountService.ENTITIES, PolicyService.ENTITIES, NoticeService.ENTITIES, DeviceRegistry.ENTITIES,
                Commands.ENTITIES, Outbox.ENTITIES, NoticeSubscriptions.ENTITIES, CaseRecords.ENTITIES,
                DestructionIntake.ENTITIES, BreachFeature.ENTITIES, RightsFeature.ENTITIES)) {
            entities.addAll(feature);
        }
        return entities;
    }

    static String version() {
        String version = PortalServer.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    static void warnInDevelopment(Mode mode) {
        if (mode == Mode.DEVELOPMENT) {
            log.warn("************************************************************************");
            log.warn("* DEVELOPMENT MODE: outside services are replaced by embedded stand-ins *");
            log.warn("* (keys created locally). Never use this mode with real people's data. *");
            log.warn("************************************************************************");
        }
    }
}
