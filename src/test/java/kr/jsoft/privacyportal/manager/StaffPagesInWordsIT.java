package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Role;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.complaint.ComplaintViews;
import kr.jsoft.privacyportal.destruction.DestructionViews;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import kr.jsoft.privacyportal.web.Lang;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Renders every staff page with data in it, in Korean and in English, and reads it as a person
 * would: no enum constant ({@code COMPLETED}, {@code WIPE_APP_DATA}, {@code AWAITING_APPROVAL}…), no
 * missing message ({@code ??key??}), no raw list ({@code []}, {@code [2026-…]}), no UTC timestamp
 * ({@code 2026-12-04T01:15:02Z}); every time carries its zone.
 */
class StaffPagesInWordsIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();
    static DestructionViews.Submitted review;
    static ComplaintViews.Receipt complaint;

    /** Enum constants a page must never show; "SMS" and "APP" are left out, being words of the English text. */
    static Set<String> forbiddenNames() {
        Set<String> names = new TreeSet<>();
        StaffLabelsTest.labelledEnums().values().forEach(values -> values.forEach(v -> names.add(v.name())));
        for (Enum<?> e : kr.jsoft.privacyportal.complaint.CaseState.values()) {
            names.add(e.name());
        }
        for (Enum<?> e : kr.jsoft.privacyportal.complaint.Category.values()) {
            names.add(e.name());
        }
        for (Enum<?> e : Role.values()) {
            names.add(e.name());
        }
        names.removeAll(Set.of("SMS", "APP", "BUG", "WEB", "IOS"));
        return names;
    }

    @BeforeAll
    static void someWorkToShow() {
        complaint = portal.server().complaints().intake().submit(new ComplaintViews.Submission("ACCESS",
                "I would like to see what you hold about me.", "Kim Minji", "minji@example.test", "", "ko"),
                "198.51.100.20");
        review = portal.server().destruction().intake().requestReview("010-5555-0101", "lost@example.test",
                "My phone was stolen and the number cancelled.", Lang.KO, "198.51.100.21");
        portal.server().destruction().intake().requestOnWebsite("010-5555-0102", "", Lang.EN, "198.51.100.22");
        portal.clock().advance(Duration.ofMinutes(5));
    }

    @Test
    void everyStaffPageReadsInKorean() throws Exception {
        readEveryPage(Lang.KO);
    }

    @Test
    void everyStaffPageReadsInEnglish() throws Exception {
        readEveryPage(Lang.EN);
    }

    private void readEveryPage(Lang lang) throws Exception {
        try (WebClient browser = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER)) {
            HtmlPage home = browser.getPage(portal.url("/lang?set=" + lang.code() + "&to=/manager"));
            assertThat(home.getUrl().getPath()).as("the language switch stays in the dashboard").isEqualTo("/manager");
            assertThat(home.getDocumentElement().getAttribute("lang")).isEqualTo(lang.code());
            List<String> problems = new ArrayList<>();
            String complaintPath = "/manager/complaints/" + portal.server().complaints().desk()
                    .queue(ComplaintViews.Filter.NONE).get(0).id();
            for (String path : List.of("/manager", "/manager/complaints", complaintPath, "/manager/complaints/statistics",
                    "/manager/destruction", "/manager/destruction/" + review.id(), "/manager/destruction/statistics",
                    "/manager/devices", "/manager/outbox", "/manager/accounts", "/manager/audit",
                    "/manager/access-review", "/manager/policies", "/manager/policies/2027-01-portal")) {
                HtmlPage page = browser.getPage(portal.url(path));
                assertThat(page.getWebResponse().getStatusCode()).as(path).isEqualTo(200);
                // StaffAccounts names its test accounts "Test PRIVACY_MANAGER": a person's name, not a label.
                String text = page.asNormalizedText();
                for (Role role : Role.values()) {
                    text = text.replace("Test " + role, "Test person");
                }
                problems.addAll(problems(path, text));
            }
            assertThat(problems).isEmpty();
        }
    }

    static List<String> problems(String path, String text) {
        List<String> found = new ArrayList<>();
        for (String name : forbiddenNames()) {
            if (Pattern.compile("(?<![A-Za-z_-])" + Pattern.quote(name) + "(?![A-Za-z_-])").matcher(text).find()) {
                found.add(path + ": enum name " + name);
            }
        }
        Matcher raw = Pattern.compile("\\?\\?[\\w.-]+\\?\\?|\\[\\]|\\[\\d{4}-[^\\]]*\\]|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d").matcher(text);
        while (raw.find()) {
            found.add(path + ": raw value " + raw.group());
        }
        Matcher time = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d(:\\d\\d)?+(?! KST)").matcher(text);
        while (time.find()) {
            found.add(path + ": time without its zone " + time.group());
        }
        return found;
    }

    @Test
    void theDetectorCatchesWhatThePagesUsedToShow() {
        assertThat(problems("/x", "COMPLETED / COMPLETED · 가져옴 [2026-12-wording], 갱신된 초안 [] · 2026-12-04T01:15:02.002Z"))
                .hasSize(4);
        assertThat(problems("/x", "완료: 모든 기기에서 삭제 확인 · 2026-12-04 10:15:02 KST")).isEmpty();
    }
}
