package kr.jsoft.privacyportal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import kr.jsoft.privacyportal.remedy.RemedyAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Complaints end to end: the public pages, the dashboard, the mails, deadlines and erasure. */
class ComplaintIT {
    static final String MANAGER = "privacy-manager@jsoft.test";
    static final Pattern STATUS_LINK = Pattern.compile("http://localhost:\\d+(/(?:ko|en)/complaints/status/[A-Za-z0-9_-]{22})");
    static final ComplaintMails mails = new ComplaintMails();

    @RegisterExtension
    static PortalFixture portal = mails.portal()
            .setting("PORTAL_COMPLAINT_LIMIT_PER_ADDRESS", "1000")
            .setting("PORTAL_COMPLAINT_LIMIT_PER_EMAIL", "1000")
            .build();

    final StaffAccounts staff = new StaffAccounts(portal);

    @AfterAll
    static void stopSmtp() {
        mails.stop();
    }

    static HtmlPage fillAndSubmit(WebClient browser, String lang, String category, String description, String name,
                                  String email, String phone) throws Exception {
        HtmlPage page = browser.getPage(portal.url("/" + lang + "/complaints/new"));
        HtmlForm form = page.querySelector("form.complaint-form");
        if (category != null) {
            form.getSelectByName("category").setSelectedAttribute(category, true);
        }
        form.getTextAreaByName("description").setText(description);
        form.getInputByName("name").setValue(name);
        form.getInputByName("email").setValue(email);
        form.getInputByName("phone").setValue(phone);
        return ((HtmlElement) page.querySelector("form.complaint-form button[type=submit]")).click();
    }

    static String uniqueEmail() {
        return "complainant-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static String reference(HtmlPage receipt) {
        return receipt.getElementById("receipt-reference").getTextContent().strip();
    }

    UUID caseId(String reference) {
        return portal.server().database().fromTransaction(s -> s.createSelectionQuery(
                "select c.id from Complaint c where c.reference = :r", UUID.class).setParameter("r", reference)
                .getSingleResult());
    }

    long complaints() {
        return portal.server().database().fromTransaction(s -> s.createSelectionQuery(
                "select count(c) from Complaint c", Long.class).getSingleResult());
    }

    static HtmlPage act(HtmlPage detail, String action, String text) throws Exception {
        HtmlForm form = detail.querySelector("form.complaint-" + action);
        form.getTextAreaByName("text").setText(text);
        return ((HtmlElement) form.querySelector("button")).click();
    }

    @Test
    void aComplaintIsAnsweredRepliedToAndClosedWithMailsAtEachStep() throws Exception {
        String email = uniqueEmail();
        String description = "My number was shown to a stranger <b>twice</b>.";
        String reference;
        String statusPath;
        try (WebClient browser = portal.browser()) {
            HtmlPage receipt = fillAndSubmit(browser, "en", "INFRINGEMENT", description, "Hong Gildong", email,
                    "010-1234-5678");
            assertThat(receipt.getWebResponse().getStatusCode()).isEqualTo(200);
            reference = reference(receipt);
            assertThat(reference).matches("C-2026-\\d{6}");
            assertThat(receipt.getWebResponse().getResponseHeaderValue("Cache-Control")).isEqualTo("no-store");
            statusPath = receipt.getUrl().getPath();
            assertThat(receipt.getElementById("status-link").getTextContent()).endsWith(statusPath);
            assertThat(receipt.querySelector(".conversation").asNormalizedText()).contains(description);
        }

        MimeMessage receiptMail = mails.await(email, 1);
        assertThat(ComplaintMails.subject(receiptMail)).contains(reference);
        Matcher link = STATUS_LINK.matcher(ComplaintMails.text(receiptMail));
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).isEqualTo(statusPath);
        String alert = ComplaintMails.text(mails.awaitContaining(MANAGER, "새 민원 " + reference, 1));
        assertThat(alert).contains(reference).doesNotContain("stranger").doesNotContain("Hong").doesNotContain(email);

        UUID id = caseId(reference);
        try (WebClient manager = staff.signedIn(Role.STAFF)) {
            HtmlPage queue = manager.getPage(portal.url("/manager/complaints?reference=" + reference));
            assertThat(queue.querySelectorAll("tr[data-reference]")).hasSize(1);
            HtmlPage detail = ((HtmlElement) queue.querySelector("tr[data-reference] a")).click();
            assertThat(detail.getElementById("complainant-name").getTextContent()).isEqualTo("Hong Gildong");
            assertThat(detail.querySelector(".timeline").asNormalizedText()).contains(description);
            HtmlForm assign = detail.querySelector("form.complaint-assign");
            detail = ((HtmlElement) assign.querySelector("button")).click();
            assertThat(detail.getElementById("assignee").getTextContent()).startsWith("Test");
            detail = act(detail, "note", "Internal: check the call log first.");
            detail = act(detail, "reply", "We found the cause and fixed it.");
            assertThat(detail.querySelector(".timeline").asNormalizedText())
                    .contains("Internal: check the call log first.", "We found the cause and fixed it.");
        }
        assertThat(ComplaintMails.text(mails.await(email, 2))).contains("We found the cause and fixed it.")
                .doesNotContain("Internal");

        try (WebClient browser = portal.browser()) {
            HtmlPage status = browser.getPage(portal.url(statusPath));
            String conversation = status.querySelector(".conversation").asNormalizedText();
            assertThat(conversation).contains("We found the cause and fixed it.").doesNotContain("Internal");
            assertThat(status.getElementById("state").getAttribute("data-state")).isEqualTo("IN_PROGRESS");
            HtmlForm form = status.querySelector("form.complaint-message");
            form.getTextAreaByName("message").setText("Thank you. Will it happen again?");
            status = ((HtmlElement) form.querySelector("button")).click();
            assertThat(status.getUrl().getPath()).isEqualTo(statusPath);
            assertThat(status.querySelector(".conversation").asNormalizedText()).contains("Will it happen again?");
        }

        try (WebClient manager = staff.signedIn(Role.PRIVACY_MANAGER)) {
            HtmlPage detail = manager.getPage(portal.url("/manager/complaints/" + id));
            assertThat(detail.querySelector(".timeline").asNormalizedText()).contains("Will it happen again?");
            detail = act(detail, "resolve", "It will not: the cause is removed.");
            assertThat(detail.getElementById("state").getAttribute("data-state")).isEqualTo("RESOLVED");
            assertThat((Object) detail.querySelector("form.complaint-reply")).as("closed cases take no action").isNull();
        }
        assertThat(ComplaintMails.text(mails.await(email, 3))).contains("the cause is removed");
        try (WebClient browser = portal.browser()) {
            HtmlPage status = browser.getPage(portal.url(statusPath));
            assertThat(status.getElementById("state").getAttribute("data-state")).isEqualTo("RESOLVED");
            assertThat((Object) status.querySelector("form.complaint-message")).isNull();
        }
        assertThat(auditActions(id)).contains(AuditEvent.PERSONAL_DATA_VIEW, "complaint.filed", "complaint.assigned",
                "complaint.noted", "complaint.replied", "complaint.message-added", "complaint.resolved");
        assertThat(auditDetails()).noneMatch(d -> d.contains(email) || d.contains("Hong"));
    }

    List<String> auditActions(UUID id) {
        return portal.server().database().fromTransaction(s -> s.createSelectionQuery(
                "select a.action from AuditEntry a where a.targetId = :id", String.class)
                .setParameter("id", id.toString()).getResultList());
    }

    List<String> auditDetails() {
        return portal.server().database().fromTransaction(s -> s.createSelectionQuery(
                "select coalesce(a.detail, '') || ' ' || coalesce(a.targetId, '') from AuditEntry a", String.class)
                .getResultList());
    }

    @Test
    void theStatusLinkShownIsThePortalsOwnAddressWhateverHostTheRequestNamed() throws Exception {
        String statusPath;
        try (WebClient browser = portal.browser()) {
            statusPath = fillAndSubmit(browser, "en", "OTHER", "Host header test.", "Kim", uniqueEmail(), "")
                    .getUrl().getPath();
        }

        String page;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", portal.uri("/").getPort())) {
            socket.getOutputStream().write(("GET " + statusPath + "?received=1 HTTP/1.1\r\nHost: attacker.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            page = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        assertThat(page).startsWith("HTTP/1.1 200").doesNotContain("attacker.example")
                .contains(">" + portal.url(statusPath) + "<");
    }

    @Test
    void refusalGivesGroundsHowToObjectAndTheCurrentOutsideOrganisationsNotThePolicysDefunctOnes() throws Exception {
        String email = uniqueEmail();
        String statusPath;
        try (WebClient browser = portal.browser()) {
            HtmlPage receipt = fillAndSubmit(browser, "ko", "DELETION", "Delete everything.", "Kim", email, "");
            statusPath = receipt.getUrl().getPath();
            UUID id = caseId(reference(receipt));
            try (WebClient manager = staff.signedIn(Role.STAFF)) {
                act(manager.getPage(portal.url("/manager/complaints/" + id)), "refuse",
                        "The law requires us to keep billing records for five years.");
            }
            HtmlPage status = browser.getPage(portal.url(statusPath));
            assertThat(status.getElementById("state").getAttribute("data-state")).isEqualTo("REFUSED");
            assertThat(status.querySelector(".conversation").asNormalizedText()).contains("five years");
            assertThat(status.getElementById("outside-organisations").querySelectorAll("li")).hasSize(4);
            // The 2023 policy in force names bodies that have since moved: the page must not send people there.
            RemedyAssertions.statesObjectionRouteAndCurrentOrganisations(
                    status.getElementById("remedies").asNormalizedText(), "support@jsoft.kr");
        }
        var refusal = mails.await(email, 2);
        assertThat(ComplaintMails.text(refusal)).contains("five years");
        RemedyAssertions.statesObjectionRouteAndCurrentOrganisations(ComplaintMails.text(refusal), "support@jsoft.kr");
        RemedyAssertions.statesObjectionRouteAndCurrentOrganisations(kr.jsoft.privacyportal.testing.MailTestbed.parts(refusal).get("html"), "support@jsoft.kr");
    }

    @Test
    void overdueAndDueSoonCasesAreHighlightedAndMailedOnceADay() throws Exception {
        String reference;
        try (WebClient browser = portal.browser()) {
            reference = reference(fillAndSubmit(browser, "en", "ACCESS", "Show me my data.", "Lee", uniqueEmail(), ""));
        }
        ComplaintUpkeep upkeep = portal.server().complaints().upkeep();
        portal.clock().advance(Duration.ofDays(9));
        int before = mails.matching(MANAGER, "민원 답변 기한 알림").size();
        assertThat(upkeep.sendDailyDigest()).isTrue();
        assertThat(upkeep.sendDailyDigest()).as("once per Seoul day").isFalse();
        String digest = ComplaintMails.text(mails.awaitContaining(MANAGER, "민원 답변 기한 알림", before + 1));
        assertThat(digest.substring(digest.indexOf("2일 이내"))).as("due soon").contains(reference);
        try (WebClient manager = staff.signedIn(Role.AUDITOR)) {
            DomElement row = ((HtmlPage) manager.getPage(portal.url("/manager/complaints"))).getFirstByXPath(
                    "//tr[@data-reference='" + reference + "']");
            assertThat(row.getAttribute("class")).isEqualTo("due-soon");
        }

        portal.clock().advance(Duration.ofDays(2));
        try (WebClient manager = staff.signedIn(Role.STAFF)) {
            HtmlPage overdue = manager.getPage(portal.url("/manager/complaints?overdue=1"));
            DomElement row = overdue.getFirstByXPath("//tr[@data-reference='" + reference + "']");
            assertThat(row.getAttribute("class")).isEqualTo("overdue");
            assertThat(overdue.querySelectorAll("tr[data-reference]")).allMatch(
                    r -> "overdue".equals(((DomElement) r).getAttribute("class")));
            assertThat(manager.getPage(portal.url("/manager")).getWebResponse().getContentAsString())
                    .contains("past their due date");
        }
        assertThat(upkeep.sendDailyDigest()).as("a new day").isTrue();
        String next = ComplaintMails.text(mails.awaitContaining(MANAGER, "민원 답변 기한 알림", before + 2));
        assertThat(next.substring(0, next.indexOf("2일 이내"))).contains(reference);
    }

    @Test
    void personalDataOfAClosedCaseIsErasedAfterTheRetentionLeavingAnAnonymousRecord() throws Exception {
        String email = uniqueEmail();
        String reference;
        String statusPath;
        try (WebClient browser = portal.browser()) {
            HtmlPage receipt = fillAndSubmit(browser, "en", "CORRECTION", "Fix my name.", "Park", email, "02-123-4567");
            reference = reference(receipt);
            statusPath = receipt.getUrl().getPath();
        }
        UUID id = caseId(reference);
        ComplaintDesk desk = portal.server().complaints().desk();
        desk.resolve(id, "Corrected.", "Tester", AuditEvent.staff(UUID.randomUUID().toString(), "127.0.0.1", "x"));
        ComplaintUpkeep upkeep = portal.server().complaints().upkeep();

        portal.clock().advance(Duration.ofDays(1094));
        upkeep.eraseExpired();
        assertThat(portal.get(statusPath).statusCode()).as("kept until the retention ends").isEqualTo(200);

        portal.clock().advance(Duration.ofDays(2));
        assertThat(upkeep.eraseExpired()).isGreaterThanOrEqualTo(1);
        ComplaintViews.Detail detail = desk.detail(id, AuditEvent.system("test")).orElseThrow();
        assertThat(detail.name()).isNull();
        assertThat(detail.email()).isNull();
        assertThat(detail.phone()).isNull();
        assertThat(detail.timeline()).isNotEmpty().allMatch(m -> m.body() == null);
        assertThat(detail.reference()).isEqualTo(reference);
        assertThat(detail.category()).isEqualTo(Category.CORRECTION);
        assertThat(detail.state()).isEqualTo(CaseState.RESOLVED);
        assertThat(detail.receivedAt()).isNotNull();
        assertThat(detail.closedAt()).isNotNull();
        assertThat(detail.erasedAt()).isNotNull();
        long sealedLeft = portal.server().database().fromTransaction(s -> s.createSelectionQuery(
                "select count(e) from ComplaintEntry e where e.complaintId = :id and e.bodySealed is not null", Long.class)
                .setParameter("id", id).getSingleResult());
        assertThat(sealedLeft).isZero();
        assertThat(portal.get(statusPath).statusCode()).as("the link is gone with the data").isEqualTo(404);
    }

    @Test
    void aFilledHoneypotStoresAndSendsNothing() throws Exception {
        long before = complaints();
        try (WebClient browser = portal.browser()) {
            HtmlPage page = browser.getPage(portal.url("/en/complaints/new"));
            HtmlForm form = page.querySelector("form.complaint-form");
            form.getSelectByName("category").setSelectedAttribute("OTHER", true);
            form.getTextAreaByName("description").setText("Buy cheap watches");
            form.getInputByName("name").setValue("Bot");
            form.getInputByName("email").setValue("bot@example.com");
            form.getInputByName("website").setValue("http://spam.example");
            HtmlPage answer = ((HtmlElement) page.querySelector("form.complaint-form button[type=submit]")).click();
            assertThat(answer.getUrl().getPath()).isEqualTo("/en/complaints/received");
        }
        assertThat(complaints()).isEqualTo(before);
        assertThat(mails.to("bot@example.com")).isEmpty();
    }

    @Test
    void invalidInputIsShownAgainWithEveryFieldKeptAndTheFieldNamed() throws Exception {
        long before = complaints();
        String longText = "x".repeat(5001);
        try (WebClient browser = portal.browser()) {
            HtmlPage page = fillAndSubmit(browser, "en", "ACCESS", longText, "", "not-an-address", "010-9999-0000");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(422);
            assertThat(page.getElementById("name-error").getTextContent()).contains("name");
            assertThat(page.getElementById("email-error").getTextContent()).contains("name@example.com");
            assertThat(page.getElementById("description-error").getTextContent()).contains("5,000");
            assertThat(page.getElementById("category-error")).isNull();
            HtmlForm form = page.querySelector("form.complaint-form");
            assertThat(form.getTextAreaByName("description").getText()).isEqualTo(longText);
            assertThat(form.getInputByName("email").getValue()).isEqualTo("not-an-address");
            assertThat(form.getInputByName("phone").getValue()).isEqualTo("010-9999-0000");
            assertThat(form.getSelectByName("category").getSelectedOptions().get(0).getValueAttribute()).isEqualTo("ACCESS");
        }
        assertThat(complaints()).isEqualTo(before);
    }

    @Test
    void theStatusLinkResendAnswersAlikeForKnownAndUnknownReferences() throws Exception {
        String email = uniqueEmail();
        String reference;
        String oldPath;
        try (WebClient browser = portal.browser()) {
            HtmlPage receipt = fillAndSubmit(browser, "en", "OTHER", "Question.", "Choi", email, "");
            reference = reference(receipt);
            oldPath = receipt.getUrl().getPath();
        }
        mails.await(email, 1);
        String known = resend(reference, email);
        String wrongEmail = resend(reference, uniqueEmail());
        String unknown = resend("C-2026-999999", email);
        assertThat(known).isEqualTo(unknown).isEqualTo(wrongEmail);

        Matcher link = STATUS_LINK.matcher(ComplaintMails.text(mails.await(email, 2)));
        assertThat(link.find()).isTrue();
        assertThat(portal.get(link.group(1)).statusCode()).isEqualTo(200);
        assertThat(portal.get(oldPath).statusCode()).as("the old link is replaced").isEqualTo(404);
        assertThat(mails.to(email)).hasSize(2);
    }

    private static String resend(String reference, String email) throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage page = browser.getPage(portal.url("/en/complaints/status-link"));
            HtmlForm form = page.querySelector("form.status-link-form");
            form.getInputByName("reference").setValue(reference);
            form.getInputByName("email").setValue(email);
            HtmlPage answer = ((HtmlElement) form.querySelector("button")).click();
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(200);
            return answer.getUrl().getPath() + "\n" + answer.querySelector("main").asNormalizedText();
        }
    }

    @Test
    void statisticsCountPerCategoryAndMonthAndGiveTheMedianTimeToTheFirstAnswer() throws Exception {
        String reference;
        try (WebClient browser = portal.browser()) {
            reference = reference(fillAndSubmit(browser, "en", "SUSPENSION", "Stop processing.", "Han", uniqueEmail(), ""));
        }
        portal.clock().advance(Duration.ofHours(5));
        portal.server().complaints().desk().reply(caseId(reference), "We stopped.", "Tester",
                AuditEvent.staff(UUID.randomUUID().toString(), "127.0.0.1", "x"));
        String month = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM")
                .format(portal.clock().instant().minus(Duration.ofHours(5)).atZone(java.time.ZoneId.of("Asia/Seoul")));
        try (WebClient manager = staff.signedIn(Role.AUDITOR)) {
            HtmlPage stats = manager.getPage(portal.url("/manager/complaints/statistics"));
            assertThat(stats.getWebResponse().getStatusCode()).isEqualTo(200);
            DomElement row = stats.getFirstByXPath("//tr[@data-month='" + month + "' and @data-category='SUSPENSION']");
            assertThat(Long.parseLong(row.querySelector(".count").getTextContent())).isGreaterThanOrEqualTo(1);
            assertThat(stats.getElementById("median").getTextContent()).contains("Median").doesNotContain("—");
        }
    }
}
