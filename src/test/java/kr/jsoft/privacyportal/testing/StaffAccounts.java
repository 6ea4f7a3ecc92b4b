package kr.jsoft.privacyportal.testing;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.manager.AccountService;
import kr.jsoft.privacyportal.staff.Role;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/**
 * Staff accounts for integration tests, made through the real path: the account service the
 * {@code manager create} task uses, the one-time setup link in a browser (password, TOTP
 * enrolment with the code computed from the secret shown on the page, recovery codes), and
 * the two-step sign-in. One line gives any test a signed-in browser:
 *
 * <pre>{@code
 * @RegisterExtension static PortalFixture portal = PortalFixture.builder().build();
 * StaffAccounts staff = new StaffAccounts(portal);
 * try (WebClient browser = staff.signedIn(Role.STAFF)) {
 *     HtmlPage page = browser.getPage(portal.url("/manager/devices"));
 * }
 * }</pre>
 */
public final class StaffAccounts {
    /** Every test account's password (not on the common-password list, 12+ characters). */
    public static final String PASSWORD = "plover-quartz-lantern-73";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final PortalFixture portal;
    private final Map<UUID, Long> lastStep = new ConcurrentHashMap<>();

    /** A set-up account: what its owner knows. */
    public record Login(UUID accountId, String email, Role role, String password, String totpSecret,
                        List<String> recoveryCodes) {
    }

    public StaffAccounts(PortalFixture portal) {
        this.portal = portal;
    }

    /** For a portal in a child process, on the real clock: {@link #completeSetup} and {@link #code} only. */
    public static StaffAccounts onRealTime() {
        return new StaffAccounts(null);
    }

    /** A new account with this role, set up, and a browser signed in as it. */
    public WebClient signedIn(Role role) {
        return signIn(create(role));
    }

    /** A new, fully set-up account with this role (not signed in). */
    public Login create(Role role) {
        String email = "staff" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@jsoft.test";
        AccountService.IssuedLink issued = portal.server().managerAccounts().create(email, "Test " + role, role,
                new AuditEvent("command-line", "staff.account", null, null, null, null));
        try (WebClient browser = portal.browser()) {
            Setup setup = completeSetup(browser, issued.link(), null, null);
            lastStep.put(issued.accountId(), currentStep());
            return new Login(issued.accountId(), email, role, PASSWORD, setup.secret(), setup.recoveryCodes());
        }
    }

    /** What finishing a setup link yields. */
    public record Setup(String secret, List<String> recoveryCodes) {
    }

    /**
     * Opens a one-time setup link and completes it: password {@link #PASSWORD} (with email and
     * name for the first-run link), TOTP enrolment, recovery codes.
     */
    public Setup completeSetup(WebClient browser, URI link, String firstRunEmail, String firstRunName) {
        try {
            HtmlPage page = browser.getPage(link.toURL());
            HtmlForm form = form(page, "/manager/setup");
            if (firstRunEmail != null) {
                input(form, "email").setValue(firstRunEmail);
                input(form, "displayName").setValue(firstRunName);
            }
            input(form, "password").setValue(PASSWORD);
            input(form, "confirm").setValue(PASSWORD);
            page = submit(form);
            String secret = page.getElementById("totp-secret").getTextContent().replace(" ", "");
            HtmlForm confirm = form(page, "/manager/setup");
            long step = currentStep();
            input(confirm, "code").setValue(code(secret, step));
            page = submit(confirm);
            List<String> codes = new ArrayList<>();
            for (DomNode node : page.querySelectorAll(".recovery-codes code")) {
                codes.add(node.getTextContent());
            }
            if (codes.isEmpty()) {
                throw new IllegalStateException("setup did not finish: " + page.asNormalizedText());
            }
            return new Setup(secret, codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new browser signed in as {@code login} (password, then a fresh TOTP code). */
    public WebClient signIn(Login login) {
        WebClient browser = portal.browser();
        HtmlPage page = signIn(browser, login.email(), login.password(), nextCode(login));
        if (!page.getUrl().getPath().equals("/manager")) {
            browser.close();
            throw new IllegalStateException("sign-in failed: " + page.asNormalizedText());
        }
        return browser;
    }

    /** Runs both sign-in steps in {@code browser} with the given code; returns the page it ends on. */
    public HtmlPage signIn(WebClient browser, String email, String password, String code) {
        try {
            HtmlPage page = browser.getPage(portal.url("/manager/sign-in"));
            HtmlForm form = form(page, "/manager/sign-in");
            input(form, "email").setValue(email);
            input(form, "password").setValue(password);
            page = submit(form);
            if (!page.getUrl().getPath().equals("/manager/sign-in/code")) {
                return page;
            }
            HtmlForm second = form(page, "/manager/sign-in/code");
            input(second, "code").setValue(code);
            return submit(second);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A TOTP code this account has not used yet: the portal accepts the previous, current and
     * next 30-second step but never a step twice, so this moves the fixture clock on by one
     * step when the window is used up.
     */
    public String nextCode(Login login) {
        long last = lastStep.getOrDefault(login.accountId(), currentStep());
        long step = Math.max(currentStep() - 1, last + 1);
        while (step > currentStep() + 1) {
            portal.clock().advance(Duration.ofSeconds(30));
        }
        lastStep.put(login.accountId(), step);
        return code(login.totpSecret(), step);
    }

    public long currentStep() {
        java.time.Instant now = portal == null ? java.time.Instant.now() : portal.clock().instant();
        return Math.floorDiv(now.getEpochSecond(), 30);
    }

    /** The RFC 6238 code for a Base32 secret and time step, computed with the same library an app uses. */
    public static String code(String secret, long step) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token a page's forms carry. */
    public static String csrf(HtmlPage page) {
        HtmlInput input = page.querySelector("input[name=_csrf]");
        if (input == null) {
            throw new IllegalStateException("no form on " + page.getUrl() + " (" + page.getWebResponse().getStatusCode()
                    + "): " + page.asNormalizedText());
        }
        return input.getValue();
    }

    private static HtmlForm form(HtmlPage page, String action) {
        for (HtmlForm form : page.getForms()) {
            if (action.equals(form.getActionAttribute())) {
                return form;
            }
        }
        throw new IllegalStateException("no form posting to " + action + " on " + page.getUrl() + ": "
                + page.asNormalizedText());
    }

    private static HtmlInput input(HtmlForm form, String name) {
        return form.getInputByName(name);
    }

    private static HtmlPage submit(HtmlForm form) throws IOException {
        return form.querySelector("button[type=submit]") instanceof org.htmlunit.html.HtmlButton button
                ? button.click() : null;
    }
}
