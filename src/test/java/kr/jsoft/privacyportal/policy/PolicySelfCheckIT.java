package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The portal checks itself against the policy in force: with the 2023 baseline in force it lists
 * what it processes undisclosed (home page, /readyz), and the list empties once its own revision,
 * which discloses everything it processes, is in force.
 */
class PolicySelfCheckIT {
    static final Path POLICIES = TestPolicies.copy();

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_POLICIES_DIR", POLICIES.toString())
            .setting("PORTAL_SMTP_OPERATOR", "NAVER Cloud Corp.")
            .build();

    @Test
    void undisclosedProcessingShowsUnderTheBaselineAndEmptiesOnceThePortalsRevisionIsInForce() throws Exception {
        JsonNode before = readiness();
        assertThat(before.get("status").asText()).isEqualTo("ready");
        assertThat(before.at("/policy/inForce").asText()).isEqualTo("2023-09-01");
        assertThat(before.at("/policy/undisclosedProcessing").toString()).contains("item:push-address",
                "item:phone-number-hash", "item:complainant-email", "item:subscriber-email", "consignee:smtp-relay",
                "transfer:web-push-services");
        assertThat(before.at("/policy/tampering").size()).isZero();
        try (WebClient manager = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER)) {
            HtmlPage home = manager.getPage(portal.url("/manager"));
            assertThat(home.asNormalizedText())
                    .contains("Items the portal processes that the policy in force does not disclose:"
                            + " Push address of a registered device, Public key of a registered device")
                    .contains("Processing entrusted to someone the policy in force does not name as a"
                            + " consignee: NAVER Cloud Corp.")
                    .contains("The Web Push service a device uses (operated abroad)")
                    .doesNotContain("policy.own", "??");
            assertThat(home.getElementById("work-queue").getElementsByTagName("li").stream()
                    .filter(row -> row.asNormalizedText().contains("policy in force")))
                    .as("one row per kind of finding, not one per item").hasSizeBetween(2, 5);
        }

        portal.server().policyLifecycle().schedule("2027-01-portal", LocalDate.of(2027, 1, 5), null,
                AuditEvent.system("test"));
        portal.clock().advance(Duration.ofDays(40));

        JsonNode after = readiness();
        assertThat(after.at("/policy/inForce").asText()).isEqualTo("2027-01-portal");
        assertThat(after.at("/policy/undisclosedProcessing").size()).isZero();
        assertThat(after.at("/policy/tampering").size()).isZero();
        try (WebClient manager = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER)) {
            HtmlPage home = manager.getPage(portal.url("/manager"));
            assertThat(home.asNormalizedText()).doesNotContain("the policy in force does not", "policy in force does not disclose");
        }
    }

    private static JsonNode readiness() throws Exception {
        HttpResponse<String> response = portal.get("/readyz");
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
