package kr.jsoft.privacyportal.manager;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.web.ClientAddress;
import kr.jsoft.privacyportal.web.View;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;

/**
 * The manager feature as {@code PortalServer} wires it: builds the feature's internal
 * objects (kept package-private), puts {@link ManagerGate} on {@code /manager/*} and
 * registers the feature's own pages (sign-in, setup, home, accounts, audit) in the
 * {@link ManagerArea} that every later feature registers its pages in too.
 */
public final class ManagerDashboard {
    private final ManagerArea area;
    private final AccountService accounts;
    private final SignInService signIn;

    public ManagerDashboard(ServletContextHandler context, Database database, AuditLog auditLog, AuditTrail auditTrail,
                            View view, Clock clock, SecureRandom random, SecretKey dataKey, SessionLimits limits,
                            Supplier<URI> baseUrl, Path dataDir, ClientAddress clientAddress) {
        SecretBox secrets = new SecretBox(dataKey, random);
        Passwords passwords = new Passwords();
        Totp totp = new Totp(clock, random);
        this.accounts = new AccountService(database, auditLog, clock, random, secrets, baseUrl, dataDir);
        this.signIn = new SignInService(database, auditLog, clock, passwords, totp, secrets);
        this.area = new ManagerArea(context);

        FilterHolder gate = new FilterHolder(new ManagerGate(area, signIn, limits, clock, clientAddress));
        context.addFilter(gate, "/manager", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(gate, "/manager/*", EnumSet.of(DispatcherType.REQUEST));

        SignInServlet signInServlet = new SignInServlet(signIn, view, clock);
        area.publicPage("/manager/sign-in", signInServlet);
        area.publicPage("/manager/sign-in/code", signInServlet);
        SessionSecrets sessionSecrets = new SessionSecrets(new SecretBox(dataKey, random, "manager.http-session"));
        SetupServlet setup = new SetupServlet(accounts, passwords, totp, view, sessionSecrets);
        area.publicPage("/manager/setup", setup);
        area.publicPage("/manager/setup/*", setup);

        area.page("/manager", new DashboardServlet(area, view, clock), Access.view(Access.ALL_ROLES), "manager.nav.home",
                NavGroup.TODAY);
        area.page("/manager/sign-out", new SignOutServlet(signIn), Access.view(Access.ALL_ROLES).act(Access.ALL_ROLES));
        area.page("/manager/accounts/*", new AccountsServlet(accounts, view, sessionSecrets),
                Access.view(Role.PRIVACY_MANAGER).act(Role.PRIVACY_MANAGER), "manager.nav.accounts", NavGroup.OVERSIGHT);
        area.page("/manager/audit/*", new AuditServlet(auditTrail, new AuditLines(accounts::account), view),
                Access.view(Role.PRIVACY_MANAGER, Role.AUDITOR), "manager.nav.audit", NavGroup.OVERSIGHT);
        AccessReviews accessReviews = new AccessReviews(database, auditLog, clock, accounts::account);
        area.page(AccessReviewServlet.PATH, new AccessReviewServlet(accessReviews, view),
                Access.view(Role.PRIVACY_MANAGER, Role.AUDITOR).act(Role.PRIVACY_MANAGER), "manager.nav.access-review",
                NavGroup.OVERSIGHT);
        area.work(accessReviews);
        area.panel(viewer -> viewer.role() != Role.PRIVACY_MANAGER ? Optional.empty()
                : Optional.of(accounts.awaitingSetup()).filter(n -> n > 0)
                        .map(n -> new PanelItem("manager.attention.awaiting-setup", n, "/manager/accounts")));
    }

    /** The account service alone, for the command-line tasks (no web server). */
    public static AccountService accountsForCommandLine(Database database, AuditLog auditLog, Clock clock,
                                                        SecureRandom random, SecretKey dataKey, Supplier<URI> baseUrl,
                                                        Path dataDir) {
        return new AccountService(database, auditLog, clock, random, new SecretBox(dataKey, random), baseUrl, dataDir);
    }

    public ManagerArea area() {
        return area;
    }

    public AccountService accounts() {
        return accounts;
    }

    /** With no account yet: writes the first-run setup link file; returns its path. */
    public Optional<Path> prepareFirstRun() {
        return accounts.prepareFirstRun();
    }

    /** Housekeeping job: forgets sign-in failures past their expiry. */
    public void forgetExpiredFailures() {
        signIn.forgetExpiredFailures();
    }
}
