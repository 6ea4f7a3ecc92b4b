package kr.jsoft.privacyportal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import kr.jsoft.privacyportal.breach.BreachFeature;
import kr.jsoft.privacyportal.command.CommandFeature;
import kr.jsoft.privacyportal.complaint.ComplaintFeature;
import kr.jsoft.privacyportal.crypto.NativeP256;
import kr.jsoft.privacyportal.destruction.DestructionFeature;
import kr.jsoft.privacyportal.device.DeviceFeature;
import kr.jsoft.privacyportal.mail.MailFeature;
import kr.jsoft.privacyportal.manager.AccountService;
import kr.jsoft.privacyportal.manager.ManagerFeature;
import kr.jsoft.privacyportal.manager.SessionLimits;
import kr.jsoft.privacyportal.metrics.MetricsEndpoint;
import kr.jsoft.privacyportal.metrics.PortalMetrics;
import kr.jsoft.privacyportal.notice.NoticeFeature;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.platform.Cores;
import kr.jsoft.privacyportal.platform.StartupPhases;
import kr.jsoft.privacyportal.platform.TaskSocket;
import kr.jsoft.privacyportal.policy.PolicyFeature;
import kr.jsoft.privacyportal.policy.PolicyLifecycle;
import kr.jsoft.privacyportal.rights.RightsFeature;
import kr.jsoft.privacyportal.subscription.SubscriptionFeature;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the cores, then one line per feature in the order they depend on each
 * other; each feature wires itself in its own factory. {@code Main} and the tests start the
 * portal through {@link #create} (the tests on port 0).
 */
public final class PortalServer {
    private static final Logger log = LoggerFactory.getLogger(PortalServer.class);

    /** What the features hand back, for tests and the benchmarks. */
    private record Features(MailFeature mail, DeviceFeature devices, CommandFeature commands,
                           SubscriptionFeature subscriptions, NoticeFeature notices, PolicyFeature policies,
                           ManagerFeature manager, ComplaintFeature complaints, DestructionFeature destruction,
                           BreachFeature breach, RightsFeature rights) {
    }

    private final Settings settings;
    private final Cores cores;
    private final PortalMetrics metrics;
    private final Features features;
    private final StartupPhases phases;
    /** Where the command-line tasks reach this portal while it runs; empty until started (or if it cannot listen). */
    private volatile Optional<TaskSocket> taskSocket = Optional.empty();

    private PortalServer(Settings settings, Cores cores, PortalMetrics metrics, Features features,
                         StartupPhases phases) {
        this.settings = settings;
        this.phases = phases;
        this.cores = cores;
        this.metrics = metrics;
        this.features = features;
    }

    public static PortalServer create(Settings settings, Clock clock) {
        return create(settings, clock, context -> { });
    }

    /** As {@link #create(Settings, Clock)}, with {@code extraRoutes} (tests add routes that fail on purpose). */
    public static PortalServer create(Settings settings, Clock clock, Consumer<ServletContextHandler> extraRoutes) {
        StartupPhases phases = StartupPhases.sinceJvmStart();
        phases.record("JVM and settings", phases.sinceStart());
        PortalMetrics metrics = new PortalMetrics();
        Cores cores = PortalCores.open(settings, clock, metrics, phases);
        var mail = phases.time("mail", () -> MailFeature.wire(cores, settings.mail()));
        Instant others = phases.now();
        var devices = DeviceFeature.wire(cores, settings.devices(), settings.sms());
        var commands = CommandFeature.wire(cores, settings.push(), devices);
        var subscriptions = SubscriptionFeature.wire(cores, mail.outbox());
        var notices = NoticeFeature.wire(cores);
        phases.recordSince("devices, commands, subscriptions, notices", others);
        var policies = phases.time("policies", () -> PolicyFeature.wire(cores, settings.policiesDir(),
                notices.service(), subscriptions.revisionAnnouncements()));
        phases.run("policy self-check", () -> policies.checkItself(cores, settings.mode().isProduction(),
                settings.sms(), settings.push(), settings.mail()));
        var manager = phases.time("manager", () -> ManagerFeature.wire(cores,
                new SessionLimits(settings.sessionIdle(), settings.sessionMax()), settings.dataDir()));
        others = phases.now();
        var complaints = ComplaintFeature.wire(cores, settings.complaints(), mail, policies.facts(), manager.staff());
        var destruction = DestructionFeature.wire(cores, settings.destruction(), mail, devices, commands,
                policies.facts());
        var breach = BreachFeature.wire(cores, devices, commands, notices, subscriptions, complaints,
                policies.facts());
        var rights = RightsFeature.wire(cores, settings.rights(), mail, devices, commands, complaints, destruction,
                policies.facts());
        phases.recordSince("complaints, destruction, breach, rights", others);

        // Pages: the public ones, then the dashboard's in the order of its navigation.
        phases.run("pages", () -> {
            policies.registerPublicPages(cores);
            notices.register(cores, policies.publicPages(), policies.markdown());
            manager.register(cores, cores.auditTrail());
            devices.register(cores, commands.channel(), destruction.deviceDoor());
            policies.register(cores);
            mail.register(cores);
            commands.register(cores);
            complaints.register(cores);
            destruction.register(cores);
            rights.register(cores);
            breach.register(cores);
            extraRoutes.accept(cores.web().context());
        });

        cores.web().manage(cores.jobs());
        // After every feature registered its eraser: a restored backup brings nothing destroyed back.
        phases.run("erasure journal", () -> cores.erasureJournal().reapply(cores.database()));
        return new PortalServer(settings, cores, metrics, new Features(mail, devices, commands, subscriptions,
                notices, policies, manager, complaints, destruction, breach, rights), phases);
    }

    public void start() throws Exception {
        PortalCores.warnInDevelopment(settings.mode());
        Instant starting = phases.now();
        cores.web().server().start();
        phases.recordSince("web server start", starting);
        // After start: the link needs the port actually bound.
        phases.run("first run", () -> features.manager().prepareFirstRun());
        taskSocket = TaskSocket.listen(settings.dataDir(), args -> Tasks.inPortal(args, settings,
                features.manager().accounts(), cores.database()));
        log.info("Privacy portal {} listening on {} (data in {}; P-256: {})", PortalCores.version(), baseUrl(),
                settings.dataDir(), NativeP256.describe());
        metricsPort().ifPresent(port -> log.info("Metrics (Prometheus) on http://{}:{}{}",
                settings.operations().host(), port, MetricsEndpoint.PATH));
        log.info(phases.summary());
    }

    /** Graceful stop: in-flight requests finish, background jobs stop at a safe point, then the pool closes. */
    public void stop() {
        taskSocket.ifPresent(TaskSocket::close);
        try {
            cores.web().server().stop();
        } catch (Exception e) {
            log.warn("Server did not stop cleanly", e);
        } finally {
            cores.database().close();
            metrics.close();
        }
    }

    /** True once a stop has begun (the connector no longer accepts, in-flight requests finish). */
    public boolean isStopping() {
        return cores.web().server().isStopping();
    }

    public void join() throws InterruptedException {
        cores.web().server().join();
    }

    public int port() {
        return cores.web().port();
    }

    /** The public address: PORTAL_BASE_URL, else this server's own local address. */
    public java.net.URI baseUrl() {
        return cores.publicAddress().uri();
    }

    /** The port of the Prometheus endpoint, when PORTAL_METRICS_PORT is set. */
    public Optional<Integer> metricsPort() {
        return cores.web().metricsPort();
    }

    public Database database() {
        return cores.database();
    }

    /** The cores (keys, audit trail and heads, erasure journal, staff area…), for tests. */
    public Cores cores() {
        return cores;
    }

    /** Staff accounts: the same service the command-line tasks use (tests create accounts with it). */
    public AccountService managerAccounts() {
        return features.manager().accounts();
    }

    public MailFeature mail() {
        return features.mail();
    }

    public DeviceFeature devices() {
        return features.devices();
    }

    public CommandFeature commands() {
        return features.commands();
    }

    public SubscriptionFeature subscriptions() {
        return features.subscriptions();
    }

    public PolicyLifecycle policyLifecycle() {
        return features.policies().lifecycle();
    }

    public ComplaintFeature complaints() {
        return features.complaints();
    }

    public DestructionFeature destruction() {
        return features.destruction();
    }

    public BreachFeature breach() {
        return features.breach();
    }

    public RightsFeature rights() {
        return features.rights();
    }

    /** The meter registry (features record into it; tests read it). */
    public PortalMetrics metrics() {
        return metrics;
    }
}
