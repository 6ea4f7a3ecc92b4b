package kr.jsoft.privacyportal.manager;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.jobs.JobLeases;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.crypto.KeyedHash;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.platform.Cores;
import kr.jsoft.privacyportal.staff.Access;
import kr.jsoft.privacyportal.staff.NavGroup;
import kr.jsoft.privacyportal.staff.PanelItem;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.StaffDirectory;
import kr.jsoft.privacyportal.staff.StaffMember;

/**
 * Wires the manager feature: staff accounts, sign-in with TOTP, and {@link ManagerGate} on
 * {@code /manager/*}, which checks every request against the staff area's routes; its own pages
 * (sign-in, setup, home, accounts, audit) go into the same staff area as every other feature's.
 */
public final class ManagerFeature {
    private static final Logger log = LoggerFactory.getLogger(ManagerFeature.class);
    private final AccountService accounts;
    private final SignInService signIn;
    private final Passwords passwords = new Passwords();
    private final Totp totp;
    private final SecretKey dataKey;
    private final SessionLimits limits;
    private final RecoveryCodeHash recoveryCodes;

    private ManagerFeature(Cores cores, SessionLimits limits, Path dataDir) {
        this.limits = limits;
        dataKey = cores.keys().secretKey(PortalKeys.DATA_ENCRYPTION, "AES");
        SecretBox secrets = new SecretBox(dataKey, cores.random());
        totp = new Totp(cores.clock(), cores.random());
        recoveryCodes = new RecoveryCodeHash(cores.phoneHash());
        accounts = new AccountService(cores.database(), cores.auditLog(), cores.clock(), cores.random(), secrets,
                recoveryCodes, cores.publicAddress()::uri, dataDir, cores.jobLeases(), hostName());
        signIn = new SignInService(cores.database(), cores.auditLog(), cores.clock(), passwords, totp, secrets,
                recoveryCodes);
    }

    public static ManagerFeature wire(Cores cores, SessionLimits limits, Path dataDir) {
        ManagerFeature manager = new ManagerFeature(cores, limits, dataDir);
        // Codes an earlier release stored as a plain SHA-256: wrapped once, here, where the key is at hand.
        int wrapped = manager.recoveryCodes.wrapUnkeyed(cores.database());
        if (wrapped > 0) {
            log.info("Wrapped {} recovery codes stored by an earlier release in the keyed hash", wrapped);
        }
        cores.jobs().every("sign-in-throttle-expiry", Duration.ofHours(1), manager.signIn::forgetExpiredFailures);
        return manager;
    }

    /** The account service alone, for the command-line tasks (no web server). */
    public static AccountService accountsForCommandLine(Database database, Clock clock, PortalKeys keys,
                                                        Supplier<URI> baseUrl, Path dataDir) {
        SecureRandom random = new SecureRandom();
        return new AccountService(database, new AuditLog(clock), clock, random,
                new SecretBox(keys.secretKey(PortalKeys.DATA_ENCRYPTION, "AES"), random),
                new RecoveryCodeHash(new KeyedHash(keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256"))), baseUrl, dataDir,
                new JobLeases(database, clock, "command-line"), hostName());
    }

    /** This machine's name, for telling operators on which host the first-run link's file is. */
    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            return "this host";
        }
    }

    /** The gate on {@code /manager}, the sign-in and setup pages, home, accounts and the audit trail. */
    public void register(Cores cores, AuditTrail auditTrail) {
        var area = cores.staffArea();
        ManagerGate gate = new ManagerGate(area, signIn, limits, cores.clock(), cores.clientAddress());
        cores.web().filter(gate, "/manager", "/manager/*");

        SignInServlet signInServlet = new SignInServlet(signIn, cores.view(), cores.clock());
        area.publicPage("/manager/sign-in", signInServlet);
        area.publicPage("/manager/sign-in/code", signInServlet);
        SessionSecrets sessionSecrets = new SessionSecrets(new SecretBox(dataKey, cores.random(), "manager.http-session"));
        SetupServlet setup = new SetupServlet(accounts, passwords, totp, cores.view(), sessionSecrets);
        area.publicPage("/manager/setup", setup);
        area.publicPage("/manager/setup/*", setup);

        area.page("/manager", new DashboardServlet(area, cores.view(), cores.clock()), Access.view(Access.ALL_ROLES),
                "manager.nav.home", NavGroup.TODAY);
        area.page("/manager/sign-out", new SignOutServlet(signIn), Access.view(Access.ALL_ROLES).act(Access.ALL_ROLES));
        area.page("/manager/accounts/*", new AccountsServlet(accounts, cores.view(), sessionSecrets),
                Access.view(Role.PRIVACY_MANAGER).act(Role.PRIVACY_MANAGER), "manager.nav.accounts", NavGroup.OVERSIGHT);
        area.page("/manager/audit/*", new AuditServlet(auditTrail, new AuditLines(accounts::account), cores.view()),
                Access.view(Role.PRIVACY_MANAGER, Role.AUDITOR), "manager.nav.audit", NavGroup.OVERSIGHT);
        AccessReviews accessReviews = new AccessReviews(cores.database(), cores.auditLog(), cores.clock(),
                accounts::account);
        area.page(AccessReviewServlet.PATH, new AccessReviewServlet(accessReviews, cores.view()),
                Access.view(Role.PRIVACY_MANAGER, Role.AUDITOR).act(Role.PRIVACY_MANAGER), "manager.nav.access-review",
                NavGroup.OVERSIGHT);
        area.work(accessReviews);
        area.panel(viewer -> viewer.role() != Role.PRIVACY_MANAGER ? Optional.empty()
                : Optional.of(accounts.awaitingSetup()).filter(n -> n > 0)
                        .map(n -> new PanelItem("manager.attention.awaiting-setup", n, "/manager/accounts")));
    }

    /** Who work can be assigned to. */
    public StaffDirectory staff() {
        return roles -> accounts.active(roles).stream()
                .map(a -> new StaffMember(a.id(), a.displayName(), a.role())).toList();
    }

    public AccountService accounts() {
        return accounts;
    }

    /** With no account yet: writes the first-run setup link file; returns its path. */
    public Optional<Path> prepareFirstRun() {
        return accounts.prepareFirstRun();
    }
}
