package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import kr.jsoft.privacyportal.testing.TestDatabase;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A published text edited by direct SQL: PostgreSQL refuses it; on H2 the next start-up finds it
 * and shows it as tampering in /readyz and on the privacy manager's home page.
 */
class PolicyTamperingIT {
    static final Path POLICIES = TestPolicies.copy();

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().setting("PORTAL_POLICIES_DIR", POLICIES.toString()).build();

    @Test
    void aPublishedTextEditedByDirectSqlIsRefusedOrShownAsTamperingAfterRestart() throws Exception {
        Runnable edit = () -> portal.server().database().inTransaction(session -> session
                .createNativeMutationQuery("update policy_text set markdown = 'We sell your data.' where version_id ="
                        + " (select id from policy_version where label = '2023-09-01') and lang = 'en'")
                .executeUpdate());
        if (TestDatabase.postgresql()) {
            assertThatThrownBy(edit::run).hasStackTraceContaining("policy_text_guard");
            portal.restart();
            assertThat(readiness().at("/policy/tampering").size()).isZero();
            return;
        }
        edit.run();
        portal.restart();

        assertThat(readiness().at("/policy/tampering").toString()).contains("2023-09-01:text-altered");
        try (WebClient manager = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER)) {
            assertThat(manager.getPage(portal.url("/manager")).getWebResponse().getContentAsString())
                    .contains("The text of a published policy version was changed outside the portal");
        }
    }

    private static JsonNode readiness() throws Exception {
        return new ObjectMapper().readTree(portal.get("/readyz").body());
    }
}
