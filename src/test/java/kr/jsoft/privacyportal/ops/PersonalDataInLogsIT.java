package kr.jsoft.privacyportal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.PortalServer;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.command.Notice;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.device.TestDevice;
import kr.jsoft.privacyportal.manager.AccountService;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.subscription.SubscriptionSteps;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import kr.jsoft.privacyportal.web.RequestLog;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 12: no personal data in any log line. Runs the portal's public and staff journeys while
 * capturing the whole log (every logger, MDC, key-value pairs and stack traces), then looks for
 * every piece of personal data and every secret the scenario used.
 */
class PersonalDataInLogsIT {
    private static final String PHONE = "010-3456-7890";
    private static final String EMAIL = "Kim.Privacy@Example.com";
    private static final String NAME = "김개인 Kim Gaein";
    private static final String SUBSCRIBER = "notice.reader@example.org";

    private final CapturedLog log = new CapturedLog();
    private final PortalFixture portal = PortalFixture.builder().build();
    private final Set<String> secrets = new LinkedHashSet<>();

    @BeforeEach
    void startCapturingThenThePortal() throws Exception {
        log.attach();
        portal.start();
    }

    @AfterEach
    void stop() {
        portal.stop();
        log.detach();
    }

    @Test
    void anEndToEndRunLogsNoPersonalDataNorSecrets() throws Exception {
        PortalServer server = portal.server();
        StaffAccounts staff = new StaffAccounts(portal);

        // Manager sign-in: the account is created with its one-time setup link, set up, signed in.
        String managerEmail = "manager.person@jsoft.test";
        AccountService.IssuedLink issued = server.managerAccounts().create(managerEmail, "Manager Person",
                Role.PRIVACY_MANAGER, new AuditEvent("command-line", "staff.account", null, null, null, null));
        secrets.add(issued.link().getPath().substring(issued.link().getPath().lastIndexOf('/') + 1));
        StaffAccounts.Setup setup;
        try (WebClient browser = portal.browser()) {
            setup = staff.completeSetup(browser, issued.link(), null, null);
        }
        StaffAccounts.Login login = new StaffAccounts.Login(issued.accountId(), managerEmail, Role.PRIVACY_MANAGER,
                StaffAccounts.PASSWORD, setup.secret(), setup.recoveryCodes());
        secrets.add(setup.secret());
        secrets.addAll(setup.recoveryCodes());
        secrets.add(StaffAccounts.PASSWORD);

        // A complaint filed on the public form, answered by the manager, read on its status page.
        String statusPath;
        try (WebClient visitor = portal.browser()) {
            HtmlPage page = visitor.getPage(portal.url("/ko/complaints/new"));
            HtmlForm form = page.querySelector("form.complaint-form");
            form.getSelectByName("category").setSelectedAttribute("INFRINGEMENT", true);
            form.getTextAreaByName("description").setText("Someone read my call log aloud.");
            form.getInputByName("name").setValue(NAME);
            form.getInputByName("email").setValue(EMAIL);
            form.getInputByName("phone").setValue(PHONE);
            HtmlPage receipt = ((HtmlElement) page.querySelector("form.complaint-form button[type=submit]")).click();
            statusPath = receipt.getUrl().getPath();
            assertThat(statusPath).startsWith("/ko/complaints/status/");
            secrets.add(statusPath.substring(statusPath.lastIndexOf('/') + 1));
            collectSessionIds(visitor);
        }
        String reference = server.database().fromTransaction(s -> s.createSelectionQuery(
                "select c.reference from Complaint c", String.class).getSingleResult());
        try (WebClient manager = staff.signIn(login)) {
            collectSessionIds(manager);
            HtmlPage queue = manager.getPage(portal.url("/manager/complaints?reference=" + reference));
            HtmlPage detail = ((HtmlElement) queue.querySelector("tr[data-reference] a")).click();
            HtmlForm reply = detail.querySelector("form.complaint-reply");
            reply.getTextAreaByName("text").setText("We have spoken to the employee concerned.");
            HtmlPage answered = ((HtmlElement) reply.querySelector("button")).click();
            assertThat(answered.getWebResponse().getStatusCode()).isEqualTo(200);
            collectSessionIds(manager);
        }
        assertThat(portal.get(statusPath).statusCode()).isEqualTo(200);
        assertThat(portal.get(statusPath + "?received").statusCode()).isEqualTo(200);

        // A notice subscription with its confirmation link, then the one-click unsubscribe.
        String confirmPath = SubscriptionSteps.subscribeAndConfirm(portal, SUBSCRIBER, address -> awaitMail(server, address));
        secrets.add(confirmPath.substring(confirmPath.lastIndexOf('/') + 1));
        long subscriberId = server.database().fromTransaction(s -> s.createSelectionQuery(
                "select s.id from NoticeSubscriber s", Long.class).getSingleResult());
        String unsubscribePath = SubscriptionSteps.unsubscribePath(server, subscriberId);
        secrets.add(unsubscribePath.substring("/unsubscribe/".length()));
        assertThat(portal.get(unsubscribePath).statusCode()).isEqualTo(200);
        assertThat(portal.send(HttpRequest.newBuilder(portal.uri(unsubscribePath))
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .header("Content-Type", "application/x-www-form-urlencoded").build()).statusCode()).isEqualTo(200);

        // A device registered with its SMS code, a NOTIFY command and the device's signed receipt.
        TestDevice device = new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.EC_P256, "android");
        secrets.add(device.pushAddress().get("token").asText());
        device.register(PHONE, number -> {
            String text = server.devices().smsInbox().orElseThrow().latestTo(number).orElseThrow().text();
            secrets.add(TestDevice.codeIn(text));
            return text;
        });
        server.database().fromTransaction(s -> server.commands().commands().notify(s, device.id(),
                new Notice("privacy-notice", "Your data was exported."), null, Commands.DEFAULT_EXPIRY));
        HttpResponse<String> fetched = device.signed("GET", "/api/v1/devices/" + device.deviceId() + "/commands", null);
        JsonNode commands = TestDevice.read(fetched.body()).get("commands");
        var claims = JWSObject.parse(commands.get(0).asText()).getPayload().toJSONObject();
        String receipt = "{\"type\":\"completed\",\"nonce\":\"" + claims.get("nonce") + "\"}";
        HttpResponse<String> accepted = device.signed("POST", "/api/v1/devices/" + device.deviceId() + "/commands/"
                + claims.get("jti") + "/receipts", receipt);
        assertThat(accepted.statusCode()).isBetween(200, 201);
        secrets.add((String) claims.get("nonce"));
        assertThat(device.checkIn().statusCode()).isEqualTo(200);
        server.mail().dispatcher().dispatchUntilIdle();

        // TOTP codes of every step the sign-ins could have used.
        long step = staff.currentStep();
        for (long s = step - 4; s <= step + 2; s++) {
            secrets.add(StaffAccounts.code(setup.secret(), s));
        }

        List<String> lines = log.lines();
        assertThat(lines).as("the scenario was logged, one line per request with its id")
                .anyMatch(l -> l.contains("GET /ko/complaints/status/[redacted] 200"))
                .anyMatch(l -> l.contains("POST /api/v1/devices/" + device.deviceId() + "/commands/"))
                .anyMatch(l -> l.contains("privacyportal.request - ") && l.contains(RequestLog.MDC_KEY + "="));
        for (String line : lines) {
            for (String needle : needles()) {
                assertThat(containsToken(line, needle)).as("log line must not contain '%s': %s", needle, line).isFalse();
            }
        }
    }

    private List<String> needles() {
        List<String> needles = new ArrayList<>();
        String digits = PHONE.replace("-", "");
        needles.addAll(List.of(PHONE, digits, "+82" + digits.substring(1), "82" + digits.substring(1),
                digits.substring(1), "010 3456 7890", "3456-7890", "34567890"));
        needles.addAll(List.of(EMAIL, EMAIL.toLowerCase(Locale.ROOT), "Kim.Privacy", "kim.privacy", SUBSCRIBER,
                "notice.reader", "manager.person@jsoft.test", "manager.person", "김개인", "Kim Gaein",
                "Someone read my call log", "spoken to the employee"));
        needles.addAll(secrets);
        return needles;
    }

    /** A needle found as a whole word (codes are short digits: not inside a longer number or id). */
    private static boolean containsToken(String line, String needle) {
        Matcher m = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(needle) + "(?![A-Za-z0-9])",
                Pattern.CASE_INSENSITIVE).matcher(line);
        return m.find();
    }

    private void collectSessionIds(WebClient browser) {
        browser.getCookieManager().getCookies().stream().filter(c -> c.getName().equals("portal_session"))
                .forEach(c -> secrets.add(c.getValue()));
    }

    private static String awaitMail(PortalServer server, String address) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            server.mail().dispatcher().dispatchUntilIdle();
            var found = server.mail().developmentMailbox().orElseThrow().recent().stream()
                    .filter(m -> m.to().contains(address)).findFirst();
            if (found.isPresent()) {
                return found.get().text();
            }
        }
        throw new AssertionError("no mail to " + address);
    }

    /** Every event of every logger, as text: message, MDC, key-value pairs and stack trace. */
    private static final class CapturedLog extends AppenderBase<ILoggingEvent> {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        void attach() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            setContext(context);
            setName("personal-data-scan");
            start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
        }

        void detach() {
            ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
            stop();
        }

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " - "
                    + event.getFormattedMessage());
            event.getMDCPropertyMap().forEach((k, v) -> line.append(" ").append(k).append("=").append(v));
            if (event.getKeyValuePairs() != null) {
                event.getKeyValuePairs().forEach(kv -> line.append(" ").append(kv.key).append("=").append(kv.value));
            }
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }
}
