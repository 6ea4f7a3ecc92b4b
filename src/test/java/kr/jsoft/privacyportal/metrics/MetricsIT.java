package kr.jsoft.privacyportal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.complaint.ComplaintViews;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Prometheus endpoint: on its own port only, with the portal's meters and route labels, never secrets. */
class MetricsIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().setting("PORTAL_METRICS_PORT", "0").build();

    private HttpResponse<String> scrape() {
        int port = portal.server().metricsPort().orElseThrow();
        return portal.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).GET().build());
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+|NaN)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void requestsAreCountedPerRouteWithoutTheirSecrets() {
        assertThat(portal.get("/ko/policy").statusCode()).isEqualTo(200);
        assertThat(portal.get("/en/policy").statusCode()).isEqualTo(200);
        String token = "AbCdEfGhIjKlMnOpQrStUv";
        assertThat(portal.get("/ko/complaints/status/" + token).statusCode()).isEqualTo(404);
        assertThat(portal.get("/no/such/page").statusCode()).isEqualTo(404);

        HttpResponse<String> response = scrape();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        String body = response.body();
        assertThat(value(body, "portal_http_requests_seconds_count{method=\"GET\",route=\"/{lang}/policy\",status=\"200\"}"))
                .isGreaterThanOrEqualTo(2);
        assertThat(body).contains("route=\"/{lang}/complaints/*\",status=\"404\"")
                .contains("route=\"unmatched\",status=\"404\"")
                .contains("portal_http_requests_seconds_bucket{method=\"GET\",route=\"/{lang}/policy\",status=\"200\",le=\"0.1\"}")
                .doesNotContain(token).doesNotContain("/no/such/page");
    }

    @Test
    void theEndpointIsNotOnThePublicPort() {
        assertThat(portal.get("/metrics").statusCode()).isEqualTo(404);
        assertThat(portal.get("/metrics").body()).doesNotContain("portal_http_requests");
    }

    @Test
    void complaintsAndTheOutboxAreGaugedAndSentMailCounted() {
        portal.server().complaints().intake().submit(new ComplaintViews.Submission("INFRINGEMENT",
                "Metrics test complaint", "Metrics Person", "metrics-person@example.com", "", "ko"), "192.0.2.10");
        // Gauges are cached for a few seconds; counters follow the dispatcher.
        await("the complaint is gauged", () -> value(scrape().body(), "portal_complaints_open") >= 1);
        String body = scrape().body();
        assertThat(value(body, "portal_complaints_overdue")).isGreaterThanOrEqualTo(0);
        assertThat(body).contains("portal_mail_outbox{state=\"pending\"}").contains("portal_mail_outbox{state=\"failed\"}");
        await("the receipt and the alert are sent",
                () -> value(scrape().body(), "portal_mail_sends_total{outcome=\"sent\"}") >= 2);
        body = scrape().body();
        assertThat(value(body, "portal_db_statements_total")).isGreaterThan(0);
        assertThat(value(body, "portal_process_cpu_time_seconds_total")).isGreaterThan(0);
        assertThat(body).contains("portal_push_attempts_total{channel=\"fcm\",outcome=\"delivered\"}")
                .contains("portal_push_attempts_total{channel=\"web-push\",outcome=\"dead-address\"}")
                .contains("jvm_memory_used_bytes").contains("jetty_threads_busy")
                .doesNotContain("metrics-person").doesNotContain("Metrics Person");
    }

    @Test
    void destructionLatencyIsRecordedThroughItsHook() {
        portal.server().destruction().metrics().finished(Duration.ofMinutes(3), "completed");
        String body = scrape().body();
        assertThat(value(body, "portal_destruction_latency_seconds_count{outcome=\"completed\"}")).isEqualTo(1);
        assertThat(value(body, "portal_destruction_latency_seconds_sum{outcome=\"completed\"}")).isEqualTo(180);
    }
}
