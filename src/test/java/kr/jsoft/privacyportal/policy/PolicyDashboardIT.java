package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lifecycle dashboard in a browser, signed in through the real sign-in. */
class PolicyDashboardIT {
    static final Path POLICIES = TestPolicies.copy();

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().setting("PORTAL_POLICIES_DIR", POLICIES.toString()).build();

    @Test
    void thePrivacyManagerSchedulesThePortalsDraftAndTheNoticeAppears() throws Exception {
        try (WebClient browser = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER)) {
            HtmlPage list = browser.getPage(portal.url("/manager/policies"));
            assertThat(list.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(((HtmlElement) list.querySelector("tr[data-state=IN_FORCE] a")).getTextContent()).isEqualTo("2023-09-01");

            HtmlPage review = browser.getPage(portal.url("/manager/policies/2027-01-portal"));
            assertThat(review.querySelectorAll(".checklist tr.present")).hasSize(11);
            assertThat(((HtmlElement) review.querySelector(".unfavourable")).asNormalizedText())
                    .contains("Marked unfavourable", "adds an item collected", "adds a consignee: Google LLC");
            // Signed in at 2026-11-30 12:00 KST: 30 days' notice makes 31 December the earliest date.
            assertThat(review.getElementById("earliest").getTextContent()).contains("2026-12-31");
            assertThat(review.getElementById("effectiveDate").getAttribute("min")).isEqualTo("2026-12-31");

            HtmlForm schedule = (HtmlForm) review.querySelector("form.schedule");
            schedule.getInputByName("effectiveDate").setValue("2026-12-30");
            HtmlPage refused = ((HtmlElement) schedule.querySelector("button")).click();
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
            assertThat(refused.getElementById("effectiveDate-error").getTextContent())
                    .contains("needs 30 days' notice", "the earliest date allowed is 2026-12-31");
            String state = ((HtmlElement) refused.querySelector("dd.state")).getAttribute("data-state");
            assertThat(state).isEqualTo("DRAFT");

            HtmlForm again = (HtmlForm) refused.querySelector("form.schedule");
            again.getInputByName("effectiveDate").setValue("2026-12-31");
            HtmlPage scheduled = ((HtmlElement) again.querySelector("button")).click();
            assertThat(scheduled.getUrl().getPath()).isEqualTo("/manager/policies/2027-01-portal");
            assertThat(((HtmlElement) scheduled.querySelector("dd.state")).getTextContent()).isEqualTo("scheduled");
            assertThat(scheduled.querySelectorAll("form.withdraw")).hasSize(1);

            HtmlPage notices = browser.getPage(portal.url("/en/notices"));
            assertThat(notices.asNormalizedText())
                    .contains("Revision of the privacy policy (version 2027-01-portal), effective 31 December 2026");
            HtmlPage policy = browser.getPage(portal.url("/en/policy"));
            assertThat(policy.asNormalizedText()).contains("A revised policy takes effect on 31 December 2026");
        }
        assertThat(auditActions()).contains("policy.scheduled");
    }

    @Test
    void theChecklistFlagsAVersionWhoseOutsideOrganisationsAreNotTheCurrentOnes() throws Exception {
        try (WebClient browser = new StaffAccounts(portal).signedIn(Role.STAFF)) {
            HtmlElement baseline = (HtmlElement) ((HtmlPage) browser.getPage(portal.url("/manager/policies/2023-09-01")))
                    .getElementById("outside-organisations-check");
            assertThat(baseline.getAttribute("class")).contains("missing");
            assertThat(baseline.asNormalizedText()).contains("differ from the current ones");
            HtmlElement draft = (HtmlElement) ((HtmlPage) browser.getPage(portal.url("/manager/policies/2027-01-portal")))
                    .getElementById("outside-organisations-check");
            assertThat(draft.getAttribute("class")).contains("present");
        }
    }

    @Test
    void staffMayLookButNotSchedule() throws Exception {
        try (WebClient browser = new StaffAccounts(portal).signedIn(Role.STAFF)) {
            HtmlPage review = browser.getPage(portal.url("/manager/policies/2023-09-01"));
            assertThat(review.getWebResponse().getStatusCode()).isEqualTo(200);
            String csrf = StaffAccounts.csrf(review);

            WebRequest post = new WebRequest(new URL(portal.url("/manager/policies/2027-01-portal")), HttpMethod.POST);
            post.setRequestParameters(List.of(new NameValuePair("_csrf", csrf), new NameValuePair("action", "schedule"),
                    new NameValuePair("effectiveDate", "2027-06-01")));
            assertThat(browser.getPage(post).getWebResponse().getStatusCode()).isEqualTo(403);
        }
    }

    @Test
    void previewAndRedlineOfADraftAreShownToStaff() throws Exception {
        try (WebClient browser = new StaffAccounts(portal).signedIn(Role.AUDITOR)) {
            HtmlPage preview = browser.getPage(portal.url("/manager/policies/2027-01-portal/preview?lang=ko"));
            assertThat(preview.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(((HtmlElement) preview.querySelector("article.policy-text")).asNormalizedText()).contains("8. 개인정보의 안전성 확보조치");
            HtmlPage redline = browser.getPage(portal.url("/manager/policies/2027-01-portal/redline?lang=en"));
            assertThat(redline.querySelectorAll(".redline-section")).isNotEmpty();
            assertThat(redline.querySelectorAll("ins")).isNotEmpty();
        }
    }

    @Test
    void anUploadedVersionBecomesADraftAndABrokenOneIsExplained() throws Exception {
        Path base = POLICIES.resolve("2023-09-01");
        Path upload = Files.createTempDirectory("upload");
        Files.writeString(upload.resolve("metadata.json"), Files.readString(base.resolve("metadata.json"))
                .replace("\"label\": \"2023-09-01\"", "\"label\": \"2027-07-upload\"")
                .replace("\"baseline\": true", "\"baseline\": false"));
        Files.writeString(upload.resolve("policy.ko.md"), Files.readString(base.resolve("policy.ko.md")) + "\n업로드.\n");
        Files.writeString(upload.resolve("policy.en.md"), Files.readString(base.resolve("policy.en.md")) + "\nUploaded.\n");
        Files.writeString(upload.resolve("broken.json"), "{ \"label\": ", StandardCharsets.UTF_8);

        try (WebClient browser = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER)) {
            HtmlPage list = browser.getPage(portal.url("/manager/policies"));
            HtmlPage broken = submitUpload(list, upload.resolve("broken.json"), upload);
            assertThat(broken.getWebResponse().getStatusCode()).isEqualTo(422);
            assertThat(broken.getElementById("upload-error").getTextContent()).contains("metadata.json is not valid");

            HtmlPage done = submitUpload(broken, upload.resolve("metadata.json"), upload);
            assertThat(done.getUrl().getPath()).isEqualTo("/manager/policies");
            assertThat(done.asNormalizedText()).contains("Upload done. Versions imported: 2027-07-upload.");
            List<DomNode> drafts = done.querySelectorAll("tr[data-state=DRAFT] a");
            assertThat(drafts).extracting(DomNode::getTextContent).contains("2027-07-upload");
        }
        assertThat(auditActions()).contains("policy.draft-imported");
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedWithAMessage() throws Exception {
        Path upload = Files.createTempDirectory("upload");
        Files.writeString(upload.resolve("metadata.json"), "{}");
        Files.writeString(upload.resolve("policy.ko.md"), "가".repeat(200_000));
        Files.writeString(upload.resolve("policy.en.md"), "text");
        try (WebClient browser = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER)) {
            HtmlPage refused = submitUpload(browser.getPage(portal.url("/manager/policies")),
                    upload.resolve("metadata.json"), upload);

            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(413);
            assertThat(refused.getElementById("upload-error").getTextContent()).contains("at most 512 KB");
        }
    }

    @Test
    void rescanImportsANewFolderAsADraft() throws Exception {
        TestPolicies.addRevision(POLICIES, "2027-08-rescan", text -> text + "\nRescanned.\n", "support@jsoft.kr");
        try (WebClient browser = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER)) {
            HtmlPage list = browser.getPage(portal.url("/manager/policies"));
            HtmlPage after = ((HtmlElement) list.querySelector("form.rescan button")).click();

            assertThat(after.asNormalizedText()).contains("policies/ read again. Versions imported: 2027-08-rescan.");
            assertThat(after.querySelectorAll("tr[data-state=DRAFT] a")).extracting(DomNode::getTextContent)
                    .contains("2027-08-rescan");
        }
        assertThat(auditActions()).contains("policy.rescan");
    }

    private static HtmlPage submitUpload(HtmlPage page, Path metadata, Path folder) throws Exception {
        HtmlForm form = (HtmlForm) page.querySelector("form.upload");
        ((HtmlFileInput) form.getInputByName("metadata")).setFiles(metadata.toFile());
        ((HtmlFileInput) form.getInputByName("ko")).setFiles(folder.resolve("policy.ko.md").toFile());
        ((HtmlFileInput) form.getInputByName("en")).setFiles(folder.resolve("policy.en.md").toFile());
        return ((HtmlElement) form.querySelector("button")).click();
    }

    private static List<String> auditActions() {
        return portal.server().database().fromTransaction(session -> session
                .createSelectionQuery("select action from AuditEntry order by seq", String.class).getResultList());
    }
}
