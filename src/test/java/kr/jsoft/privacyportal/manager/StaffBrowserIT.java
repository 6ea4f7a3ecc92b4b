package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.ManagerArea;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kr.jsoft.privacyportal.complaint.ComplaintViews;
import kr.jsoft.privacyportal.destruction.DestructionViews;
import kr.jsoft.privacyportal.testing.Browser;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import kr.jsoft.privacyportal.web.Lang;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.WebElement;

/**
 * The staff dashboard in a real browser (headless Chromium), at 1280 and 1024 px, in Korean and
 * English: a privacy manager works through the day's queue (a complaint and a destruction review),
 * a staff member answers a complaint, an auditor reads the audit log in KST and the statistics'
 * charts with their tables. Every staff page passes axe-core's WCAG 2.1 AA rules and fits its
 * window; screenshots land in {@code target/screenshots/StaffBrowserIT/}.
 */
class StaffBrowserIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_DESTRUCTION_LIMIT_PER_ADDRESS", "10000")
            .setting("PORTAL_COMPLAINT_LIMIT_PER_ADDRESS", "1000")
            .setting("PORTAL_COMPLAINT_LIMIT_PER_EMAIL", "1000").build();
    @RegisterExtension
    static Browser browser = new Browser();
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    static Stream<Browser.View> views() {
        return Stream.of(new Browser.View(1280, "ko"), new Browser.View(1024, "ko"), new Browser.View(1280, "en"),
                new Browser.View(1024, "en"));
    }

    @BeforeAll
    static void aWeekOfWork() {
        for (int i = 0; i < 3; i++) {
            complaint();
            review();
        }
        // Some of it is now due soon, and the access records of last month wait for their review.
        portal.clock().advance(Duration.ofDays(8));
    }

    static ComplaintViews.Receipt complaint() {
        int n = SEQUENCE.incrementAndGet();
        return portal.server().complaints().intake().submit(new ComplaintViews.Submission("ACCESS",
                "제 개인정보를 어떻게 처리하는지 알려 주십시오. (" + n + ")", "김민지", "minji" + n + "@example.test", "", "ko"),
                "198.51.100." + n);
    }

    static DestructionViews.Submitted review() {
        int n = SEQUENCE.incrementAndGet();
        return portal.server().destruction().intake().requestReview(String.format("010-4%03d-%04d", n, n),
                "lost" + n + "@example.test", "휴대전화를 잃어버렸고 번호도 해지했습니다.", Lang.KO, "198.51.100." + n);
    }

    /** Signs in as a new account of {@code role} in the browser (password, then a TOTP code). */
    static StaffAccounts.Login signIn(Role role) {
        StaffAccounts accounts = new StaffAccounts(portal);
        StaffAccounts.Login login = accounts.create(role);
        browser.driver().manage().deleteAllCookies();
        browser.open(portal.url("/manager/sign-in"));
        browser.type("email", login.email()).type("password", login.password()).click("button[type=submit]");
        browser.type("code", accounts.nextCode(login)).click("button[type=submit]");
        if (browser.driver().getCurrentUrl().endsWith("/manager/sign-in/code")) {
            // The code's time step may have been taken by the account's set-up a moment ago: the next one.
            browser.type("code", accounts.nextCode(login)).click("button[type=submit]");
        }
        assertThat(browser.driver().getCurrentUrl()).endsWith("/manager");
        return login;
    }

    /** Looks at the current page: fits the window, no axe-core violation, a screenshot. */
    static void look(String name) {
        assertThat(browser.scrollsSideways()).as("%s wider than %d px", name, browser.view().width()).isFalse();
        browser.screenshot(name);
        browser.assertAccessible();
    }

    @ParameterizedTest
    @MethodSource("views")
    void thePrivacyManagerWorksThroughTheDaysQueue(Browser.View view) {
        ComplaintViews.Receipt due = complaint();
        DestructionViews.Submitted waiting = review();
        portal.clock().advance(Duration.ofDays(9));
        browser.use(view);
        signIn(Role.PRIVACY_MANAGER);
        List<WebElement> items = browser.findAll("#work-queue .work-item");
        assertThat(items).isNotEmpty();
        String queue = browser.find("#work-queue").getText();
        assertThat(queue).contains(due.reference(), waiting.reference());
        assertThat(items.get(0).getAttribute("data-urgency")).isEqualTo("OVERDUE");
        assertThat(browser.find(".staff-who").getText()).contains(view.lang().equals("ko") ? "개인정보 보호책임자"
                : "Privacy manager");
        look("home-privacy-manager");

        // One click from the queue to the review, a refusal with grounds, and the result said.
        browser.click("#work-queue a[href='/manager/destruction/" + waiting.id() + "']");
        look("destruction-review");
        browser.click("#refuse-form button[type=submit]");
        assertThat(browser.find("#decision-error").getText()).isNotBlank();
        browser.find("#refuse-text").sendKeys("번호와 요청자를 연결할 방법이 없습니다.");
        browser.click("#refuse-form button[type=submit]");
        assertThat(browser.find("#result-message").getText()).isNotBlank();
        look("destruction-refused");

        browser.open(portal.url("/manager"));
        browser.click("#work-queue a[href^='/manager/complaints/']");
        browser.find("#text-reply").sendKeys("요청하신 내용을 확인하고 있습니다.");
        browser.click(".complaint-reply button[type=submit]");
        assertThat(browser.find("#result-message").getText()).isNotBlank();
        look("complaint-replied");
    }

    @ParameterizedTest
    @MethodSource("views")
    void aStaffMemberAnswersAComplaintFromTheQueue(Browser.View view) {
        ComplaintViews.Receipt due = complaint();
        portal.clock().advance(Duration.ofDays(9));
        browser.use(view);
        signIn(Role.STAFF);
        assertThat(browser.find("#work-queue").getText()).contains(due.reference());
        assertThat(browser.findAll("#work-queue a[href^='/manager/access-review']")).as("the manager's own duty")
                .isEmpty();
        look("home-staff");
        browser.open(portal.url("/manager/complaints"));
        look("complaints");
        browser.click("a[href$='" + portal.server().complaints().desk().queue(ComplaintViews.Filter.NONE).stream()
                .filter(r -> r.reference().equals(due.reference())).findFirst().orElseThrow().id() + "']");
        browser.clickStaying(".complaint-reply button[type=submit]");
        assertThat(browser.findAll("#result-message")).as("an empty reply is refused by the browser").isEmpty();
        browser.find("#text-reply").sendKeys("답변을 준비하고 있습니다.");
        browser.click(".complaint-reply button[type=submit]");
        assertThat(browser.find("#result-message").getText()).isNotBlank();
        look("complaint-staff");
    }

    @ParameterizedTest
    @MethodSource("views")
    void theAuditorReadsTheAuditLogInKstAndTheCharts(Browser.View view) {
        browser.use(view);
        StaffAccounts.Login auditor = signIn(Role.AUDITOR);
        assertThat(browser.findAll("#work-queue .work-item")).isEmpty();
        browser.open(portal.url("/manager/audit"));
        List<WebElement> times = browser.findAll("#audit-log time");
        assertThat(times).isNotEmpty().allSatisfy(t -> assertThat(t.getText())
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d KST"));
        assertThat(browser.find("#audit-log").getText()).contains("Test AUDITOR").doesNotContain("account:"
                + auditor.accountId());
        look("audit-log");
        for (String page : List.of("/manager/complaints/statistics", "/manager/destruction/statistics",
                "/manager/devices")) {
            browser.open(portal.url(page));
            List<WebElement> charts = browser.findAll("figure.chart svg[role=img]");
            assertThat(charts).as(page).isNotEmpty();
            for (WebElement chart : charts) {
                assertThat(chart.findElement(org.openqa.selenium.By.tagName("title")).getAttribute("textContent"))
                        .isNotBlank();
                assertThat(chart.findElement(org.openqa.selenium.By.tagName("desc")).getAttribute("textContent"))
                        .isNotBlank();
            }
            assertThat(browser.findAll(".chart-pair table.chart-table")).hasSameSizeAs(charts);
            look("statistics" + page.replace('/', '-'));
        }
    }

    @ParameterizedTest
    @MethodSource("views")
    void everyStaffPageIsAccessibleAndFitsTheWindow(Browser.View view) {
        browser.use(view);
        signIn(Role.PRIVACY_MANAGER);
        List<String> pages = new ArrayList<>();
        for (ManagerArea.Route route : portal.server().cores().staffArea().routes()) {
            if (route.navLabelKey() != null) {
                pages.add(route.href());
            }
        }
        pages.add("/manager/complaints/" + portal.server().complaints().desk().queue(ComplaintViews.Filter.NONE)
                .get(0).id());
        pages.add("/manager/destruction/" + review().id());
        pages.add("/manager/policies/2027-01-portal");
        for (String page : pages) {
            browser.open(portal.url(page));
            look("page" + page.replace('/', '-'));
        }
        browser.driver().manage().deleteAllCookies();
        browser.open(portal.url("/manager/sign-in"));
        look("sign-in");
    }
}
