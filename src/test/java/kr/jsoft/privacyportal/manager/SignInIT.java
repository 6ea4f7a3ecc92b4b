package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.Staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two-factor sign-in, throttling, recovery codes, sign-out, session limits, CSRF and the command line. */
class SignInIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_SESSION_IDLE", "30m")
            .setting("PORTAL_SESSION_MAX", "8h")
            .build();
    final StaffAccounts staff = new StaffAccounts(portal);

    @Test
    void signInNeedsPasswordAndTotpAndChangesTheSessionId() throws Exception {
        StaffAccounts.Login login = staff.create(Role.STAFF);
        try (WebClient browser = portal.browser()) {
            browser.getPage(portal.url("/manager/sign-in"));
            assertThat(browser.getCookieManager().getCookie("portal_session")).as("no session before sign-in").isNull();
            HtmlPage wrongCode = staff.signIn(browser, login.email(), login.password(), "000000");
            assertThat(wrongCode.getWebResponse().getStatusCode()).isEqualTo(401);
            assertThat(wrongCode.asNormalizedText()).contains("The code is not right.");
            String before = sessionCookie(browser);

            HtmlPage home = staff.signIn(browser, login.email(), login.password(), staff.nextCode(login));
            assertThat(home.getUrl().getPath()).isEqualTo("/manager");
            assertThat(sessionCookie(browser)).isNotEqualTo(before);
        }
    }

    @Test
    void aTotpCodeWorksOnlyOnce() throws Exception {
        StaffAccounts.Login login = staff.create(Role.STAFF);
        String code = staff.nextCode(login);
        try (WebClient first = portal.browser(); WebClient second = portal.browser()) {
            assertThat(staff.signIn(first, login.email(), login.password(), code).getUrl().getPath()).isEqualTo("/manager");
            HtmlPage replay = staff.signIn(second, login.email(), login.password(), code);
            assertThat(replay.getWebResponse().getStatusCode()).isEqualTo(401);
        }
    }

    @Test
    void recoveryCodeSignsInOnceInsteadOfTotp() throws Exception {
        StaffAccounts.Login login = staff.create(Role.AUDITOR);
        String recovery = login.recoveryCodes().get(0);
        try (WebClient browser = portal.browser(); WebClient again = portal.browser()) {
            assertThat(staff.signIn(browser, login.email(), login.password(), recovery.toUpperCase()).getUrl().getPath())
                    .isEqualTo("/manager");
            assertThat(staff.signIn(again, login.email(), login.password(), recovery).getWebResponse().getStatusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void failuresSlowDownExponentiallyWithTheSameAnswerForUnknownAccounts() throws Exception {
        StaffAccounts.Login login = staff.create(Role.STAFF);
        try (WebClient browser = portal.browser()) {
            List<Integer> known = new ArrayList<>();
            List<Integer> unknown = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                known.add(staff.signIn(browser, login.email(), "wrong password " + i, "").getWebResponse().getStatusCode());
                unknown.add(staff.signIn(browser, "nobody-" + login.email(), "wrong password " + i, "")
                        .getWebResponse().getStatusCode());
            }
            assertThat(known).containsExactly(401, 401, 401, 401, 401, 401);
            assertThat(unknown).isEqualTo(known);

            HtmlPage blocked = staff.signIn(browser, login.email(), login.password(), "");
            HtmlPage blockedUnknown = staff.signIn(browser, "nobody-" + login.email(), login.password(), "");
            assertThat(blocked.getWebResponse().getStatusCode()).isEqualTo(429);
            assertThat(blockedUnknown.getWebResponse().getStatusCode()).isEqualTo(429);
            assertThat(blocked.getElementById("sign-in-error").asNormalizedText())
                    .isEqualTo(blockedUnknown.getElementById("sign-in-error").asNormalizedText())
                    .contains("wait 1 seconds");

            portal.clock().advance(Duration.ofSeconds(2));
            HtmlPage home = staff.signIn(browser, login.email(), login.password(), staff.nextCode(login));
            assertThat(home.getUrl().getPath()).isEqualTo("/manager");
        }
    }

    @Test
    void signOutInvalidatesTheSession() throws Exception {
        try (WebClient browser = staff.signedIn(Role.STAFF)) {
            HtmlPage home = browser.getPage(portal.url("/manager"));
            HtmlPage signedOut = home.<org.htmlunit.html.HtmlButton>querySelector("form.sign-out button").click();
            assertThat(signedOut.getUrl().getPath()).isEqualTo("/manager/sign-in");
            assertThat(signedOut.asNormalizedText()).contains("You are signed out.");

            HtmlPage after = browser.getPage(portal.url("/manager"));
            assertThat(after.getUrl().getPath()).isEqualTo("/manager/sign-in");
        }
    }

    @Test
    void sessionEndsAfterIdleTimeAndAfterEightHoursEvenWhenBusy() throws Exception {
        try (WebClient idle = staff.signedIn(Role.STAFF)) {
            portal.clock().advance(Duration.ofMinutes(29));
            assertThat(((HtmlPage) idle.getPage(portal.url("/manager"))).getUrl().getPath()).isEqualTo("/manager");
            portal.clock().advance(Duration.ofMinutes(30));
            assertThat(((HtmlPage) idle.getPage(portal.url("/manager"))).getUrl().getPath()).isEqualTo("/manager/sign-in");
        }
        try (WebClient busy = staff.signedIn(Role.STAFF)) {
            for (int i = 0; i < 16; i++) {
                portal.clock().advance(Duration.ofMinutes(29));
                assertThat(((HtmlPage) busy.getPage(portal.url("/manager"))).getUrl().getPath()).isEqualTo("/manager");
            }
            portal.clock().advance(Duration.ofMinutes(29));
            assertThat(((HtmlPage) busy.getPage(portal.url("/manager"))).getUrl().getPath()).isEqualTo("/manager/sign-in");
        }
    }

    @Test
    void postWithoutOrWithWrongCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        StaffAccounts.Login colleague = staff.create(Role.STAFF);
        try (WebClient manager = staff.signedIn(Role.PRIVACY_MANAGER)) {
            for (List<NameValuePair> form : List.of(
                    List.of(new NameValuePair("action", "disable")),
                    List.of(new NameValuePair("action", "disable"), new NameValuePair("_csrf", "forged")))) {
                WebRequest request = new WebRequest(new URL(portal.url("/manager/accounts/" + colleague.accountId())),
                        HttpMethod.POST);
                request.setRequestParameters(form);
                Page refused = manager.getPage(request);
                assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
            }
            HtmlPage account = manager.getPage(portal.url("/manager/accounts/" + colleague.accountId()));
            assertThat(account.asNormalizedText()).contains("Active").doesNotContain("Disabled");
        }
    }

    @Test
    void privacyManagerInvitesChangesRoleDisablesAndResetsAColleague() throws Exception {
        try (WebClient manager = staff.signedIn(Role.PRIVACY_MANAGER)) {
            HtmlPage accounts = manager.getPage(portal.url("/manager/accounts"));
            var invite = accounts.getForms().stream().filter(f -> "/manager/accounts".equals(f.getActionAttribute()))
                    .findFirst().orElseThrow();
            invite.getInputByName("email").setValue("new.colleague@jsoft.test");
            invite.getInputByName("displayName").setValue("New Colleague");
            invite.getSelectByName("role").setSelectedAttribute("AUDITOR", true);
            HtmlPage created = invite.<org.htmlunit.html.HtmlButton>querySelector("button").click();
            String link = created.getElementById("issued-link").asNormalizedText();
            assertThat(link).startsWith(portal.url("/manager/setup/"));
            assertThat(created.asNormalizedText()).contains("Auditor", "Awaiting setup");

            created = submit(created, "role", "STAFF");
            assertThat(created.asNormalizedText()).contains("Staff");
            created = submit(created, "disable", null);
            assertThat(created.asNormalizedText()).contains("Disabled");
            try (WebClient invitee = portal.browser()) {
                assertThat(invitee.getPage(link).getWebResponse().getStatusCode()).isEqualTo(404);
            }
            created = submit(created, "enable", null);
            created = submit(created, "reset", null);
            String resetLink = created.getElementById("issued-link").asNormalizedText();
            try (WebClient invitee = portal.browser()) {
                assertThat(invitee.getPage(link).getWebResponse().getStatusCode()).isEqualTo(404);
                StaffAccounts.Setup setup = staff.completeSetup(invitee, URI.create(resetLink), null, null);
                HtmlPage home = staff.signIn(invitee, "new.colleague@jsoft.test", StaffAccounts.PASSWORD,
                        StaffAccounts.code(setup.secret(), staff.currentStep() + 1));
                assertThat(home.getUrl().getPath()).isEqualTo("/manager");
            }
        }
    }

    @Test
    void weakPasswordsAreRefusedAtSetup() throws Exception {
        AccountService.IssuedLink issued = portal.server().managerAccounts().create("weak@jsoft.test", null, Role.STAFF,
                new kr.jsoft.privacyportal.audit.AuditEvent("command-line", "staff.account", null, null, null, null));
        try (WebClient browser = portal.browser()) {
            HtmlPage page = browser.getPage(issued.link().toURL());
            for (String weak : List.of("short", "password1234", "Qwerty123456!", "aaaaaaaaaaaaaa")) {
                var form = page.getForms().get(0);
                form.getInputByName("password").setValue(weak);
                form.getInputByName("confirm").setValue(weak);
                page = form.<org.htmlunit.html.HtmlButton>querySelector("button").click();
                assertThat(page.getWebResponse().getStatusCode()).as(weak).isEqualTo(422);
                assertThat(page.getElementById("password-error")).as(weak).isNotNull();
            }
        }
    }

    @Test
    void commandLineCreatesAndResetsAccountsWhileThePortalRuns() throws Exception {
        String created = runTask("manager", "create", "--email", "cli.user@jsoft.test", "--role", "auditor");
        String path = URI.create(created.strip()).getPath();
        assertThat(path).startsWith("/manager/setup/");
        StaffAccounts.Setup setup;
        try (WebClient browser = portal.browser()) {
            setup = staff.completeSetup(browser, URI.create(portal.url(path)), null, null);
        }
        String reset = runTask("manager", "reset", "--email", "CLI.User@jsoft.test");
        try (WebClient browser = portal.browser()) {
            HtmlPage refused = staff.signIn(browser, "cli.user@jsoft.test", StaffAccounts.PASSWORD,
                    StaffAccounts.code(setup.secret(), staff.currentStep() + 1));
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(401);
            StaffAccounts.Setup again = staff.completeSetup(browser,
                    URI.create(portal.url(URI.create(reset.strip()).getPath())), null, null);
            assertThat(again.secret()).isNotEqualTo(setup.secret());
        }
    }

    /** Runs a task in its own JVM, as an operator would beside the running portal (same database file). */
    private static String runTask(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "kr.jsoft.privacyportal.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.putAll(portal.environment());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static HtmlPage submit(HtmlPage account, String action, String role) throws Exception {
        for (var form : account.getForms()) {
            var hidden = form.getInputsByName("action");
            if (!hidden.isEmpty() && hidden.get(0).getValue().equals(action)) {
                if (role != null) {
                    form.getSelectByName("role").setSelectedAttribute(role, true);
                }
                return form.<org.htmlunit.html.HtmlButton>querySelector("button").click();
            }
        }
        throw new AssertionError("no " + action + " form");
    }

    private static String sessionCookie(WebClient browser) {
        return browser.getCookieManager().getCookie("portal_session").getValue();
    }
}
