package kr.jsoft.privacyportal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reference numbers from the locked per-year counter; the year is Seoul's; who may act on a case. */
class ComplaintReferenceIT {
    static final ComplaintMails mails = new ComplaintMails();

    @RegisterExtension
    static PortalFixture portal = mails.portal()
            .setting("PORTAL_COMPLAINT_LIMIT_PER_ADDRESS", "1000")
            .setting("PORTAL_COMPLAINT_LIMIT_PER_EMAIL", "1000")
            .build();

    @AfterAll
    static void stopSmtp() {
        mails.stop();
    }

    private static ComplaintViews.Receipt file() {
        return portal.server().complaints().intake().submit(new ComplaintViews.Submission("OTHER", "A question.",
                "Yoon", "ref-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "", "en"), "127.0.0.1");
    }

    private static int number(String reference) {
        return Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
    }

    @Test
    void concurrentComplaintsGetDistinctConsecutiveNumbersAndTheYearFollowsSeoul() throws Exception {
        portal.clock().set(Instant.parse("2027-12-31T14:59:00Z")); // 23:59 in Seoul
        int first = number(file().reference());
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tasks.add(() -> file().reference());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<String> references = new ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(tasks)) {
                references.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(references).allMatch(r -> r.startsWith("C-2027-")).doesNotHaveDuplicates();
        assertThat(references.stream().map(ComplaintReferenceIT::number).sorted().toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(first + 1, first + 12).boxed().toList());

        portal.clock().set(Instant.parse("2027-12-31T15:00:00Z")); // midnight in Seoul: a new year
        assertThat(file().reference()).isEqualTo("C-2028-000001");
        assertThat(file().reference()).isEqualTo("C-2028-000002");
    }

    @Test
    void anUnknownStatusLinkIsNotFoundAndAnAuditorMayReadButNotAct() throws Exception {
        assertThat(portal.get("/en/complaints/status/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
        ComplaintViews.Receipt receipt = file();
        UUID id = portal.server().database().fromTransaction(s -> s.createSelectionQuery(
                "select c.id from Complaint c where c.reference = :r", UUID.class)
                .setParameter("r", receipt.reference()).getSingleResult());
        try (WebClient auditor = new StaffAccounts(portal).signedIn(Role.AUDITOR)) {
            HtmlPage detail = auditor.getPage(portal.url("/manager/complaints/" + id));
            assertThat(detail.getWebResponse().getStatusCode()).isEqualTo(200);
            ((org.htmlunit.html.HtmlTextArea) detail.querySelector("form.complaint-reply textarea")).setText("No.");
            HtmlPage refused = ((HtmlElement) detail.querySelector("form.complaint-reply button")).click();
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
        }
        assertThat(portal.server().complaints().desk().detail(id, kr.jsoft.privacyportal.audit.AuditEvent.system("t"))
                .orElseThrow().state()).isEqualTo(CaseState.RECEIVED);
    }
}
