package kr.jsoft.privacyportal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kr.jsoft.privacyportal.audit.AuditFilter;
import kr.jsoft.privacyportal.audit.AuditRecord;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.RefusingRelay;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code /manager/outbox} page on a portal whose SMTP relay refuses every recipient and
 * which gives up after one refusal, so every mail a test enqueues ends FAILED.
 */
class OutboxDashboardIT {
    static final RefusingRelay relay = refusingRelay();

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_SMTP_HOST", "127.0.0.1")
            .setting("PORTAL_SMTP_PORT", Integer.toString(relay.port()))
            .setting("PORTAL_SMTP_SECURITY", "none")
            .setting("PORTAL_MAIL_MAX_ATTEMPTS", "1")
            .build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static WebClient staff;
    private static WebClient privacyManager;
    private static WebClient auditor;

    @BeforeAll
    static void signIn() {
        StaffAccounts accounts = new StaffAccounts(portal);
        staff = accounts.signedIn(Role.STAFF);
        privacyManager = accounts.signedIn(Role.PRIVACY_MANAGER);
        auditor = accounts.signedIn(Role.AUDITOR);
    }

    private static RefusingRelay refusingRelay() {
        try {
            return new RefusingRelay(0, "450 4.2.1 mailbox temporarily unavailable");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopRelay() throws Exception {
        relay.close();
    }

    @AfterAll
    static void closeBrowsers() {
        staff.close();
        privacyManager.close();
        auditor.close();
    }

    /** Subscribes a fresh address and returns the id of the confirmation mail it enqueued, once it has FAILED. */
    private static UUID failedConfirmationMail(String address) throws Exception {
        Set<UUID> before = new HashSet<>(mailIds());
        try (WebClient browser = portal.browser()) {
            HtmlPage form = browser.getPage(portal.url("/en/notices/subscribe"));
            HtmlForm htmlForm = form.getForms().get(0);
            htmlForm.getInputByName("email").setValue(address);
            htmlForm.getSelectByName("language").setSelectedAttribute("en", true);
            ((HtmlElement) form.querySelector("main form button[type=submit]")).click();
        }
        List<UUID> added = mailIds().stream().filter(id -> !before.contains(id)).toList();
        assertThat(added).hasSize(1);
        UUID id = added.get(0);
        Await.until("the mail fails", () -> {
            portal.server().mail().dispatcher().dispatchOnce();
            return state(id);
        }, state -> state == MailState.FAILED);
        return id;
    }

    private static List<UUID> mailIds() {
        return portal.server().database().fromTransaction(s -> s.createSelectionQuery(
                "select m.id from OutboxMail m", UUID.class).getResultList());
    }

    private static MailState state(UUID id) {
        return portal.server().database().fromTransaction(s -> s.find(OutboxMail.class, id).state());
    }

    private static String newAddress() {
        return "outbox.reader" + ADDRESSES.incrementAndGet() + "@example.com";
    }

    private static List<AuditRecord> auditEntries(String action) {
        return portal.server().cores().auditTrail().search(new AuditFilter(null, null, null, action, null, null), null,
                AuditTrail.PAGE_SIZE);
    }

    @Test
    void theOutboxListsAFailedMailWithItsAttemptsAndLastErrorAndFiltersByState() throws Exception {
        String address = newAddress();
        UUID id = failedConfirmationMail(address);

        HtmlPage outbox = auditor.getPage(portal.url("/manager/outbox"));
        HtmlPage failed = auditor.getPage(portal.url("/manager/outbox?state=FAILED"));
        HtmlPage sent = auditor.getPage(portal.url("/manager/outbox?state=SENT"));

        assertThat(outbox.getWebResponse().getStatusCode()).isEqualTo(200);
        HtmlElement row = outbox.querySelector("tr[data-mail='" + id + "']");
        assertThat(row.getAttribute("data-state")).isEqualTo("FAILED");
        assertThat(row.querySelector(".attempts").getTextContent().strip()).isEqualTo("1");
        assertThat(row.querySelector(".last-error").getTextContent().strip()).isNotBlank().isNotEqualTo("—");
        assertThat(row.querySelector(".recipient").getTextContent().strip()).isEqualTo("o***@example.com");
        assertThat(outbox.asXml()).doesNotContain(address);
        assertThat((Object) failed.querySelector("tr[data-mail='" + id + "']")).isNotNull();
        assertThat((Object) sent.querySelector("tr[data-mail='" + id + "']")).isNull();
        assertThat(auditor.getPage(portal.url("/manager/outbox?state=LOST")).getWebResponse().getStatusCode())
                .isEqualTo(400);
    }

    @Test
    void staffAndThePrivacyManagerBothSeeTheSecretLinkRedactedAndOnlyTheManagerSeesTheAddress() throws Exception {
        String address = newAddress();
        UUID id = failedConfirmationMail(address);

        HtmlPage redacted = staff.getPage(portal.url("/manager/outbox/" + id));
        HtmlPage full = privacyManager.getPage(portal.url("/manager/outbox/" + id));

        assertThat(redacted.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(redacted.getElementById("mail-subject").getTextContent()).contains("confirm");
        assertThat(redacted.getElementById("mail-text").getTextContent()).contains(OutboxDashboard.REDACTED)
                .doesNotContain("/notices/subscribe/confirm/");
        assertThat(redacted.asXml()).doesNotContain(address);
        assertThat(full.getElementById("mail-text").getTextContent()).contains(OutboxDashboard.REDACTED)
                .doesNotContain("/notices/subscribe/confirm/");
        assertThat(full.asXml()).contains(address);
        assertThat(auditEntries("mail.outbox.viewed")).filteredOn(e -> e.targetId().equals(id.toString()))
                .extracting(AuditRecord::detail).contains("redacted", "address shown, links redacted");
    }

    @Test
    void retryingAFailedMailQueuesItAgainAndIsAudited() throws Exception {
        UUID id = failedConfirmationMail(newAddress());
        HtmlPage preview = staff.getPage(portal.url("/manager/outbox/" + id));

        HtmlPage retried = ((HtmlElement) preview.querySelector("form.mail-retry button[type=submit]")).click();

        assertThat(retried.getUrl().getPath()).isEqualTo("/manager/outbox/" + id);
        assertThat(retried.getElementById("retry-result").getAttribute("role")).isEqualTo("status");
        assertThat(auditEntries("mail.retried")).anySatisfy(e -> {
            assertThat(e.targetId()).isEqualTo(id.toString());
            assertThat(e.actor()).startsWith("account:");
        });
    }
}
