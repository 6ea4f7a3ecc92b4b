package kr.jsoft.privacyportal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import kr.jsoft.privacyportal.audit.AuditFilter;
import kr.jsoft.privacyportal.audit.AuditRecord;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.device.TestDevice;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A device's command history on the dashboard, its detail view and "retry wake-up". */
class CommandDashboardIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_SMS_LIMIT_PER_ADDRESS", "10000")
            .setting("PORTAL_SMS_DAILY_BUDGET", "100000")
            .build();
    private static final AtomicInteger NUMBERS = new AtomicInteger(3000);
    private static WebClient staff;
    private static WebClient auditor;

    @BeforeAll
    static void signIn() {
        StaffAccounts accounts = new StaffAccounts(portal);
        staff = accounts.signedIn(Role.STAFF);
        auditor = accounts.signedIn(Role.AUDITOR);
    }

    @AfterAll
    static void closeBrowsers() {
        staff.close();
        auditor.close();
    }

    private static TestDevice registered() {
        int n = NUMBERS.incrementAndGet();
        String number = String.format("010-7%03d-%04d", n % 1000, n);
        return new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.EC_P256, "android")
                .register(number, to -> portal.server().devices().smsInbox().orElseThrow().latestTo(to)
                        .orElseThrow().text());
    }

    private static UUID notified(TestDevice device, Duration expiry) {
        AtomicReference<UUID> id = new AtomicReference<>();
        portal.server().database().inTransaction(session -> id.set(portal.server().commands().commands()
                .notify(session, device.id(), new Notice("test", "A notice for the dashboard"), null, expiry)));
        return id.get();
    }

    private static List<AuditRecord> auditEntries(String action) {
        return portal.server().cores().auditTrail().search(new AuditFilter(null, null, null, action, null, null), null,
                AuditTrail.PAGE_SIZE);
    }

    @Test
    void theHistoryListsAQueuedNotifyAndTheDeviceHistoryLinksToIt() throws Exception {
        TestDevice device = registered();
        UUID command = notified(device, Commands.DEFAULT_EXPIRY);

        HtmlPage deviceHistory = staff.getPage(portal.url("/manager/devices/" + device.deviceId()));
        HtmlPage history = ((HtmlAnchor) deviceHistory.querySelector("a.device-commands")).click();

        assertThat(history.getUrl().getPath()).isEqualTo("/manager/commands/" + device.deviceId());
        HtmlElement row = history.querySelector("tr[data-command='" + command + "']");
        assertThat(row.querySelector(".kind").getTextContent()).isEqualTo("NOTIFY");
        assertThat(row.getAttribute("data-state")).isNotIn("FAILED", "EXPIRED", "COMPLETED");
        assertThat(row.getAttribute("class")).doesNotContain("attention");
        assertThat(auditEntries("command.history-viewed")).isNotEmpty();
    }

    @Test
    void anExpiredCommandIsHighlightedAndItsWakeUpCannotBeRetried() throws Exception {
        TestDevice device = registered();
        UUID command = notified(device, Duration.ofMinutes(1));
        portal.clock().advance(Duration.ofMinutes(2));
        portal.server().commands().commands().expireOverdue();

        HtmlPage history = staff.getPage(portal.url("/manager/commands/" + device.deviceId()));

        HtmlElement row = history.querySelector("tr[data-command='" + command + "']");
        assertThat(row.getAttribute("data-state")).isEqualTo("EXPIRED");
        assertThat(row.getAttribute("class")).contains("attention");
        HtmlPage detail = staff.getPage(portal.url("/manager/commands/" + device.deviceId() + "/" + command));
        assertThat(detail.getElementById("command-state").getTextContent()).isEqualTo("Expired");
        assertThat((Object) detail.querySelector("form.command-retry")).isNull();
    }

    @Test
    void retryWakeUpSchedulesAWakeUpAndIsAudited() throws Exception {
        TestDevice device = registered();
        UUID command = notified(device, Commands.DEFAULT_EXPIRY);
        HtmlPage detail = staff.getPage(portal.url("/manager/commands/" + device.deviceId() + "/" + command));
        assertThat(detail.getWebResponse().getStatusCode()).isEqualTo(200);

        HtmlPage retried = ((HtmlElement) detail.querySelector("form.command-retry button[type=submit]")).click();

        assertThat(retried.getUrl().getPath()).isEqualTo("/manager/commands/" + device.deviceId() + "/" + command);
        assertThat(retried.getUrl().getQuery()).isEqualTo("retried=SCHEDULED");
        assertThat(retried.getElementById("retry-result").getTextContent()).contains("due now");
        assertThat(auditEntries("command.wake-up-retried")).anySatisfy(e ->
                assertThat(e.targetId()).isEqualTo(command.toString()));
    }

    @Test
    void aCommandUnderAnotherDeviceIs404AndAnAuditorMayLookButNotRetry() throws Exception {
        TestDevice device = registered();
        TestDevice other = registered();
        UUID command = notified(device, Commands.DEFAULT_EXPIRY);

        assertThat(staff.getPage(portal.url("/manager/commands/" + other.deviceId() + "/" + command))
                .getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(staff.getPage(portal.url("/manager/commands/not-a-device")).getWebResponse().getStatusCode())
                .isEqualTo(404);
        assertThat(auditor.getPage(portal.url("/manager/commands/" + device.deviceId() + "/" + command))
                .getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(portal.server().cores().staffArea().match("/manager/commands/" + device.deviceId() + "/" + command)
                .orElseThrow().access().actors()).containsExactlyInAnyOrder(Role.PRIVACY_MANAGER, Role.STAFF);
    }
}
