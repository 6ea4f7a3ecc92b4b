package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * What Jetty refuses (before the portal's code runs, or while a filter first reads a form)
 * still answers with the portal's security headers, problem JSON under /api/, a 4xx status
 * and one log line, never an incident.
 */
class HostileRequestsIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
    }

    static RawHttp.Answer send(String method, String target, String extraHeader) {
        return RawHttp.exchange(portal.server().port(), method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + (extraHeader == null ? "" : extraHeader + "\r\n") + "Connection: close\r\n\r\n");
    }

    static RawHttp.Answer postForm(String path, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return RawHttp.exchange(portal.server().port(), request);
    }

    @ParameterizedTest
    @CsvSource({
            // The CSRF field cannot be read from a body that is not a form: 403 before any of it is read.
            "application/json, 403",
            // A form over Jetty's 200,000-byte limit: 413 after the first 200,000 bytes.
            "application/x-www-form-urlencoded, 413"})
    void aRefusalReadsTheRestOfTheBodySoTheConnectionGoesOnToTheNextRequest(String contentType, int status) {
        byte[] body = ("_csrf=x&name=" + "x".repeat(300_000)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] refused = ("POST /ko/complaints/new HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = "GET /ko/policy HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream pipelined = new ByteArrayOutputStream();
        pipelined.writeBytes(refused);
        pipelined.writeBytes(body);
        pipelined.writeBytes(next);

        String answers = RawHttp.exchangeAll(portal.server().port(), pipelined.toByteArray());

        // Closing with the body unread made the kernel reset the connection: a client still writing could
        // lose the refusal itself, and a kept-alive client found its next request dropped.
        assertThat(answers).startsWith("HTTP/1.1 " + status + " ");
        assertThat(answers.indexOf("HTTP/1.1 200 ")).as("the next request's answer on the same connection").isPositive();
    }

    static void assertSecurityHeaders(RawHttp.Answer answer) {
        assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/devices/%zz/commands", "/api/v1/devices/a%2Fb/commands", "/api/v1/devices/%00",
            "/api/v1/devices/%C0%AE%C0%AE/commands"})
    void apiPathsJettyRefusesAnswerProblemJsonWithTheSecurityHeaders(String target) {
        RawHttp.Answer answer = send("GET", target, "Accept: application/json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":400").doesNotContain("<html", "at org.");
        assertSecurityHeaders(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/en/policy/%zz", "/en/%00"})
    void requestLinesJettyCannotParseAnswerProblemJsonWithTheSecurityHeaders(String target) {
        RawHttp.Answer answer = send("GET", target, null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertSecurityHeaders(answer);
    }

    @Test
    void aTwentyKilobyteHeaderUnderApiIsRefusedAsProblemJsonWithTheSecurityHeaders() {
        RawHttp.Answer answer = send("GET", "/api/v1/devices", "X-Padding: " + "a".repeat(20_000));

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertSecurityHeaders(answer);
    }

    @Test
    void traceIsRefusedWithTheSecurityHeadersAndNeverEchoesTheRequest() {
        RawHttp.Answer api = send("TRACE", "/api/v1/devices", "Cookie: secret=1");
        RawHttp.Answer page = send("TRACE", "/en/policy", "Cookie: secret=1");

        assertThat(api.status()).isBetween(400, 499);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(page.status()).isBetween(400, 499);
        for (RawHttp.Answer answer : new RawHttp.Answer[] {api, page}) {
            assertSecurityHeaders(answer);
            assertThat(answer.body()).doesNotContain("secret=1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ko/a%2Fb", "/en/policy/%C0%AE%C0%AE"})
    void pagePathsJettyRefusesAnswerAPortalPageWithTheSecurityHeaders(String target) {
        RawHttp.Answer answer = send("GET", target, null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("text/html;charset=utf-8");
        assertThat(answer.body()).contains("잘못된 요청입니다").doesNotContain("Powered by Jetty");
        assertSecurityHeaders(answer);
    }

    @Test
    void aFormWithInvalidPercentEncodingIsABadRequestNotAnIncident() {
        assertRefusedAsClientFault(postForm("/en/complaints/new", "description=%zz&name=x".getBytes()), 400);
    }

    @Test
    void aFormWithMalformedUtf8IsABadRequestNotAnIncident() {
        assertRefusedAsClientFault(postForm("/ko/complaints/new", "description=%C3%28%FF&name=x".getBytes()), 400);
    }

    @Test
    void aFormWithMoreThanAThousandFieldsIsTooLargeNotAnIncident() {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 1_500; i++) {
            fields.append('f').append(i).append("=1&");
        }
        assertRefusedAsClientFault(postForm("/en/notices/subscribe", fields.toString().getBytes()), 413);
    }

    @Test
    void aTenMegabyteFormIsTooLargeNotAnIncident() {
        byte[] body = new byte[10_000_000];
        Arrays.fill(body, (byte) 'a');
        System.arraycopy("description=".getBytes(), 0, body, 0, 12);
        assertRefusedAsClientFault(postForm("/en/destruction", body), 413);
    }

    private void assertRefusedAsClientFault(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertSecurityHeaders(answer);
        assertThat(answer.body()).doesNotContain("Exception", "at org.");
        assertThat(log.list).noneMatch(e -> e.getLevel() == Level.ERROR);
        assertThat(log.list).noneMatch(e -> e.getThrowableProxy() != null);
        assertThat(log.list).filteredOn(e -> e.getFormattedMessage().startsWith("Refused")).hasSize(1);
    }
}
