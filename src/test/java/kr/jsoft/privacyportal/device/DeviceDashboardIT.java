package kr.jsoft.privacyportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kr.jsoft.privacyportal.audit.AuditFilter;
import kr.jsoft.privacyportal.audit.AuditRecord;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.sms.PhoneNumbers;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The device pages of the dashboard and the development SMS inbox, signed in through the real sign-in. */
class DeviceDashboardIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_SMS_LIMIT_PER_ADDRESS", "10000")
            .setting("PORTAL_SMS_DAILY_BUDGET", "100000")
            .build();
    private static final AtomicInteger NUMBERS = new AtomicInteger(2000);
    private static final Set<String> NUMBERS_USED = ConcurrentHashMap.newKeySet();
    private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();
    private static WebClient staff;
    private static WebClient auditor;

    @BeforeAll
    static void signIn() {
        LOGGED.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGGED);
        StaffAccounts accounts = new StaffAccounts(portal);
        staff = accounts.signedIn(Role.STAFF);
        auditor = accounts.signedIn(Role.AUDITOR);
    }

    @AfterAll
    static void closeBrowsers() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGGED);
        staff.close();
        auditor.close();
    }

    @AfterEach
    void noNumberWasLogged() {
        for (ILoggingEvent event : List.copyOf(LOGGED.list)) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String number : NUMBERS_USED) {
                assertThat(line).doesNotContain(notations(number));
            }
        }
    }

    /** A fresh number per test, so tests share neither devices nor SMS limits. */
    private static String newNumber() {
        int n = NUMBERS.incrementAndGet();
        String number = String.format("010-6%03d-%04d", n % 1000, n);
        NUMBERS_USED.add(number);
        return number;
    }

    private static TestDevice registered(String platform, String number) {
        return new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.EC_P256, platform)
                .register(number, DeviceDashboardIT::lastSms);
    }

    private static String lastSms(String number) {
        return portal.server().devices().smsInbox().orElseThrow().latestTo(number).orElseThrow().text();
    }

    private static HtmlPage page(WebClient browser, String path) throws Exception {
        return browser.getPage(portal.url(path));
    }

    private static long total(HtmlPage devices) {
        return Long.parseLong(devices.getElementById("device-total").getTextContent().strip());
    }

    private static long count(HtmlPage devices, String platform, String state) {
        var row = devices.querySelector("tr[data-platform=" + platform + "][data-state=" + state + "] .count");
        return row == null ? 0 : Long.parseLong(row.getTextContent().strip());
    }

    private static HtmlPage lookUp(WebClient browser, String number) throws Exception {
        HtmlPage devices = page(browser, "/manager/devices");
        HtmlForm form = devices.querySelector("form.device-lookup");
        ((HtmlInput) form.getInputByName("phoneNumber")).setValue(number);
        return form.querySelector("button[type=submit]") instanceof org.htmlunit.html.HtmlButton button
                ? button.click() : null;
    }

    /** Every notation of the number a log or audit field could carry. */
    private static List<String> notations(String number) {
        String national = PhoneNumbers.toNational(number);
        return List.of(number, national, PhoneNumbers.toE164(number), national.substring(3),
                national.substring(3, 7) + "-" + national.substring(7));
    }

    private static List<AuditRecord> auditEntries(String action) {
        return portal.server().cores().auditTrail().search(new AuditFilter(null, null, null, action, null, null), null,
                AuditTrail.PAGE_SIZE);
    }

    @Test
    void devicesPageCountsARegisteredDeviceAndListsItsCheckIn() throws Exception {
        HtmlPage before = page(staff, "/manager/devices");
        long total = total(before);
        long iosActive = count(before, "IOS", "ACTIVE");
        String number = newNumber();
        TestDevice phone = registered("ios", number);
        assertThat(phone.checkIn().statusCode()).isEqualTo(200);

        HtmlPage after = page(staff, "/manager/devices");

        assertThat(after.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(total(after)).isEqualTo(total + 1);
        assertThat(count(after, "IOS", "ACTIVE")).isEqualTo(iosActive + 1);
        assertThat(after.querySelector("table.device-latest").asNormalizedText()).contains(phone.deviceId(), "3.2.1");
        assertThat(after.asXml()).doesNotContain(notations(number).toArray(String[]::new));
    }

    @Test
    void lookupByNumberFindsTheDevicesAndIsAuditedWithoutTheNumber() throws Exception {
        String number = newNumber();
        TestDevice phone = registered("android", number);
        TestDevice tablet = registered("android", number);
        TestDevice stranger = registered("android", newNumber());
        int lookupsBefore = auditEntries("device.looked-up-by-phone-number").size();

        HtmlPage result = lookUp(staff, PhoneNumbers.toE164(number));

        assertThat(result.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(result.getUrl().toString()).doesNotContain(PhoneNumbers.toNational(number));
        String found = result.getElementById("lookup-result").asNormalizedText();
        assertThat(found).contains(phone.deviceId(), tablet.deviceId(), "010-****-" + number.substring(9))
                .doesNotContain(stranger.deviceId());
        List<AuditRecord> lookups = auditEntries("device.looked-up-by-phone-number");
        assertThat(lookups).hasSize(lookupsBefore + 1);
        AuditRecord lookup = lookups.get(0);
        assertThat(lookup.actor()).startsWith("account:");
        assertThat(lookup.detail()).contains("devices found=2");
        for (AuditRecord entry : portal.server().cores().auditTrail().search(AuditFilter.ALL, null, 10_000)) {
            for (String field : Stream.of(entry.actor(), entry.action(), entry.targetType(), entry.targetId(),
                    entry.clientAddress(), entry.detail()).filter(f -> f != null).toList()) {
                assertThat(field).as("audit entry " + entry.seq()).doesNotContain(notations(number));
            }
        }
    }

    @Test
    void anAuditorMayLookUpANumberButChangesNothingOnTheDevicePages() throws Exception {
        String number = newNumber();
        TestDevice phone = registered("web", number);

        HtmlPage result = lookUp(auditor, number);

        assertThat(result.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(result.getElementById("lookup-result").asNormalizedText()).contains(phone.deviceId());
        assertThat(portal.server().cores().staffArea().match("/manager/devices/" + phone.deviceId()).orElseThrow()
                .access().actors()).isEmpty();
    }

    @Test
    void anInvalidNumberKeepsTheInputAndShowsTheFieldMessage() throws Exception {
        int lookupsBefore = auditEntries("device.looked-up-by-phone-number").size();

        HtmlPage result = lookUp(staff, "02-123-456x");

        assertThat(result.getWebResponse().getStatusCode()).isEqualTo(400);
        HtmlInput input = result.querySelector("form.device-lookup input[name=phoneNumber]");
        assertThat(input.getValue()).isEqualTo("02-123-456x");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(result.getElementById("phoneNumber-error").getTextContent()).isNotBlank();
        assertThat(result.getElementById("lookup-result")).isNull();
        assertThat(auditEntries("device.looked-up-by-phone-number")).hasSize(lookupsBefore);
    }

    @Test
    void aDevicesHistoryShowsItsRegistrationAndIsItselfAudited() throws Exception {
        TestDevice phone = registered("android", newNumber());

        HtmlPage history = page(staff, "/manager/devices/" + phone.deviceId());

        assertThat(history.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(history.querySelector("table.device-history").asNormalizedText())
                .contains("device.registration-started", "device.activated");
        assertThat(auditEntries("device.history-viewed")).anySatisfy(e ->
                assertThat(e.targetId()).isEqualTo(phone.deviceId()));
    }

    @Test
    void anUnknownDeviceIs404() throws Exception {
        assertThat(page(staff, "/manager/devices/" + java.util.UUID.randomUUID()).getWebResponse().getStatusCode())
                .isEqualTo(404);
        assertThat(page(staff, "/manager/devices/not-a-device").getWebResponse().getStatusCode()).isEqualTo(404);
    }

    @Test
    void theHomePageNamesDevicesActivatedInTheLastDay() throws Exception {
        registered("android", newNumber());

        HtmlPage home = page(staff, "/manager");

        assertThat(home.querySelectorAll(".attention a")).anySatisfy(link ->
                assertThat(link.getAttributes().getNamedItem("href").getNodeValue()).isEqualTo("/manager/devices"));
    }

    @Test
    void theSmsInboxShowsTheCodeOfARegistrationWithTheNumberMasked() throws Exception {
        String number = newNumber();
        TestDevice phone = new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.ED25519, "android");
        assertThat(phone.startRegistration(number).statusCode()).isEqualTo(201);
        String code = TestDevice.codeIn(lastSms(number));
        int viewsBefore = auditEntries("personal-data.view").size();

        HtmlPage inbox = page(staff, "/manager/dev/sms");

        assertThat(inbox.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(inbox.querySelector("table.dev-sms").asNormalizedText())
                .contains(code, "010-****-" + number.substring(9));
        assertThat(inbox.asXml()).doesNotContain(notations(number).toArray(String[]::new));
        List<AuditRecord> views = auditEntries("personal-data.view");
        assertThat(views).hasSize(viewsBefore + 1);
        assertThat(views.get(0).targetType()).isEqualTo("dev-sms-inbox");
        assertThat(views.get(0).detail()).doesNotContain(code).doesNotContain(notations(number));
    }

    @Test
    void anAuditorCannotSeeTheSmsInbox() throws Exception {
        assertThat(page(auditor, "/manager/dev/sms").getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(page(auditor, "/manager").querySelectorAll(".manager-nav a")).extracting(a -> a.getAttributes()
                .getNamedItem("href").getNodeValue()).contains("/manager/devices").doesNotContain("/manager/dev/sms");
    }
}
