package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public site across a revision's effective instant: a fresh portal per test, a revision
 * scheduled for 8 December 2026 (00:00 KST = 2026-12-07T15:00Z), the clock moved by hand.
 */
class PolicyRevisionSiteIT {
    static final String REVISION = "2027-02-neutral";
    static final Instant EFFECTIVE = Instant.parse("2026-12-07T15:00:00Z");
    static final AuditEvent MANAGER = AuditEvent.staff("00000000-0000-0000-0000-00000000000a", "127.0.0.1", "test");
    private PortalFixture portal;

    @BeforeEach
    void startPortal() throws Exception {
        Path policies = TestPolicies.copy();
        TestPolicies.addRevision(policies, REVISION, text -> text
                .replace("Retained and used for the duration of the app use period.", "Kept only while you use the app.")
                .replace("앱 이용기간 동안 보유 및 이용합니다.", "앱을 이용하는 동안만 보유합니다."), "support@jsoft.kr");
        Path metadata = policies.resolve(REVISION).resolve("metadata.json");
        TestPolicies.write(metadata, TestPolicies.read(metadata)
                .replace("\"safetyMeasures\": null", "\"safetyMeasures\": \"7\"")
                .replace("\"automaticCollection\": null", "\"automaticCollection\": \"7\""));
        portal = PortalFixture.builder().setting("PORTAL_POLICIES_DIR", policies.toString()).build();
        portal.start();
        // 2026-11-30 12:00 KST: 7 days 3 hours before the effective instant.
        portal.server().policyLifecycle().schedule(REVISION, LocalDate.of(2026, 12, 8), null, MANAGER);
    }

    @AfterEach
    void stopPortal() {
        portal.stop();
    }

    @Test
    void thePolicyPageSwitchesAtMidnightSeoulTimeAndNotASecondBefore() {
        portal.clock().set(EFFECTIVE.minusSeconds(1));
        HttpResponse<String> before = portal.get("/en/policy");
        assertThat(before.body()).contains("Version 2023-09-01").doesNotContain("Kept only while you use the app.")
                .contains("A revised policy takes effect on 8 December 2026, tomorrow.");

        portal.clock().set(EFFECTIVE);
        HttpResponse<String> after = portal.get("/en/policy");
        assertThat(after.body()).contains("Version " + REVISION, "Kept only while you use the app.")
                .doesNotContain("A revised policy takes effect");
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
    }

    @Test
    void whileScheduledTheBannerCountsSeoulDaysAndTheUpcomingTextIsReadable() {
        assertThat(portal.get("/en/policy").body())
                .contains("A revised policy takes effect on 8 December 2026, 8 days from now.");
        assertThat(portal.get("/ko/policy").body()).contains("2026년 12월 8일부터 시행됩니다(8일 후)");
        // 2026-11-30 23:59:59 KST is still 8 Seoul days away; one second later it is 7.
        portal.clock().set(Instant.parse("2026-11-30T14:59:59Z"));
        assertThat(portal.get("/en/policy").body()).contains("8 days from now");
        portal.clock().set(Instant.parse("2026-11-30T15:00:00Z"));
        assertThat(portal.get("/en/policy").body()).contains("7 days from now");

        HttpResponse<String> upcoming = portal.get("/en/policy/" + REVISION);
        assertThat(upcoming.statusCode()).isEqualTo(200);
        assertThat(upcoming.body()).contains("Upcoming version.", "Kept only while you use the app.",
                "takes effect on 8 December 2026");
        assertThat(portal.get("/en/policy/compare?from=2023-09-01&to=" + REVISION).statusCode()).isEqualTo(200);
        assertThat(portal.get("/en/notices").body()).contains("Revision of the privacy policy (version " + REVISION + ")");
    }

    @Test
    void aRestartAfterTheEffectiveDateServesTheNewVersion() throws Exception {
        // Down over the effective instant: no job had a chance to run; the clock alone decides.
        portal.clock().set(EFFECTIVE.plusSeconds(3600));
        portal.restart();

        assertThat(portal.get("/en/policy").body()).contains("Version " + REVISION, "Kept only while you use the app.");
    }

    @Test
    void theArchiveGivesAPlainAccountOfEachVersionNotTheInternalFindings() {
        String archive = portal.get("/en/policy/versions").body();

        assertThat(archive).contains("The first privacy policy, in force since before this portal existed.");
        assertThat(archive).doesNotContain("this version has no section on");
        // A revision's account is what its own notice says changed, with a link to the notice.
        assertThat(archive).containsPattern("<a href=\"/en/notices/[0-9a-f-]{36}\">Revision of the privacy policy");
    }
}
