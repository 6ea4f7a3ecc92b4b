package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void secretPathSegmentsNeverReachTheIncidentLog() {
        assertThat(Failures.loggablePath("/en/complaints/status/s3cr3t-token")).isEqualTo("/en/complaints/…");
        assertThat(Failures.loggablePath("/unsubscribe/s3cr3t-token")).isEqualTo("/unsubscribe/…");
        assertThat(Failures.loggablePath("/api/v1/devices/1234")).isEqualTo("/api/…");
        assertThat(Failures.loggablePath("/en/policy")).isEqualTo("/en/policy");
    }
}
