package kr.jsoft.privacyportal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.jsoft.privacyportal.testing.FakeSensServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SensSmsGatewayTest {

    private static final String SERVICE_ID = "ncp:sms:kr:123456789012:portal";
    private static final String ACCESS_KEY = "AKIDTEST0000EXAMPLE";
    private static final String SECRET_KEY = "test-secret-key-do-not-use";
    private static final String FROM = "0212345678";
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String TEXT = "[Smart Callback] 인증번호 482913";

    private FakeSensServer sens;

    @BeforeEach
    void startFake() throws IOException {
        sens = new FakeSensServer(SERVICE_ID, ACCESS_KEY, SECRET_KEY, FROM, CLOCK);
    }

    @AfterEach
    void stopFake() {
        sens.close();
    }

    private SensSmsGateway gateway(String secretKey, Clock clock) {
        return new SensSmsGateway(new SensSettings(sens.baseUrl(), SERVICE_ID, ACCESS_KEY, secretKey, FROM), clock);
    }

    @Test
    void requestIsSignedExactlyAsSensDocuments() throws Exception {
        SmsResult result = gateway(SECRET_KEY, CLOCK).send("+82 10-1234-5678", TEXT);

        assertThat(result).isInstanceOf(SmsResult.Accepted.class);
        assertThat(((SmsResult.Accepted) result).requestId()).startsWith("RSSA-");
        assertThat(sens.received()).hasSize(1);
        FakeSensServer.Received request = sens.received().get(0);
        String path = "/sms/v2/services/" + SERVICE_ID + "/messages";
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo(path);
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.header("x-ncp-apigw-timestamp")).isEqualTo(Long.toString(NOW.toEpochMilli()));
        assertThat(request.header("x-ncp-iam-access-key")).isEqualTo(ACCESS_KEY);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(
                ("POST " + path + "\n" + NOW.toEpochMilli() + "\n" + ACCESS_KEY).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("x-ncp-apigw-signature-v2")).isEqualTo(expected);

        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.get("type").asText()).isEqualTo("SMS");
        assertThat(body.get("contentType").asText()).isEqualTo("COMM");
        assertThat(body.get("countryCode").isTextual()).isTrue();
        assertThat(body.get("countryCode").asText()).isEqualTo("82");
        assertThat(body.get("from").asText()).isEqualTo(FROM);
        assertThat(body.get("content").asText()).isEqualTo(TEXT);
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.get("messages").get(0).get("to").asText()).isEqualTo("01012345678");
        assertThat(body.size()).isEqualTo(6);
    }

    @Test
    void wrongSecretIsRefusedByProvider() {
        SmsResult result = gateway("some-other-secret", CLOCK).send("01012345678", TEXT);

        assertThat(result).isEqualTo(new SmsResult.ConfigError(401));
        assertThat(sens.received()).extracting(FakeSensServer.Received::answeredStatus).containsExactly(401);
    }

    @Test
    void staleTimestampIsRefused() {
        Clock sixMinutesBehind = Clock.fixed(NOW.minus(Duration.ofMinutes(6)), ZoneOffset.UTC);

        SmsResult result = gateway(SECRET_KEY, sixMinutesBehind).send("01012345678", TEXT);

        assertThat(result.kind()).isEqualTo(SmsResult.Kind.CONFIG_ERROR);
    }

    @Test
    void timestampWithinFiveMinutesIsAccepted() {
        Clock fourMinutesAhead = Clock.fixed(NOW.plus(Duration.ofMinutes(4)), ZoneOffset.UTC);

        assertThat(gateway(SECRET_KEY, fourMinutesAhead).send("01012345678", TEXT).kind())
                .isEqualTo(SmsResult.Kind.ACCEPTED);
    }

    @Test
    void tooManyRequestsIsRetryWithRetryAfter() {
        sens.answerNext(429, "30");

        SmsResult result = gateway(SECRET_KEY, CLOCK).send("01012345678", TEXT);

        assertThat(result).isEqualTo(new SmsResult.Retry(429, Optional.of(Duration.ofSeconds(30))));
    }

    @Test
    void retryAfterAsHttpDateIsRelativeToTheClock() {
        sens.answerNext(429, "Mon, 30 Nov 2026 03:02:00 GMT");

        assertThat(gateway(SECRET_KEY, CLOCK).send("01012345678", TEXT))
                .isEqualTo(new SmsResult.Retry(429, Optional.of(Duration.ofMinutes(2))));
    }

    @Test
    void serverErrorIsRetry() {
        sens.answerNext(500, null);

        assertThat(gateway(SECRET_KEY, CLOCK).send("01012345678", TEXT))
                .isEqualTo(new SmsResult.Retry(500, Optional.empty()));
    }

    @Test
    void badRequestIsRejected() {
        sens.answerNext(400, null);

        SmsResult result = gateway(SECRET_KEY, CLOCK).send("01012345678", TEXT);

        assertThat(result.kind()).isEqualTo(SmsResult.Kind.REJECTED);
        assertThat(((SmsResult.Rejected) result).httpStatus()).isEqualTo(400);
    }

    @Test
    void unreachableProviderIsRetry() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        SensSmsGateway gateway = new SensSmsGateway(
                new SensSettings(closedPort, SERVICE_ID, ACCESS_KEY, SECRET_KEY, FROM), CLOCK);

        assertThat(gateway.send("01012345678", TEXT)).isEqualTo(new SmsResult.Retry(0, Optional.empty()));
    }

    @Test
    void numberThatIsNotKoreanMobileIsRejectedWithoutCallingTheProvider() {
        SmsResult result = gateway(SECRET_KEY, CLOCK).send("02-123-4567", TEXT);

        assertThat(result.kind()).isEqualTo(SmsResult.Kind.REJECTED);
        assertThat(sens.received()).isEmpty();
    }

    @Test
    void textLongerThanOneSmsIsRejectedWithoutCallingTheProvider() {
        SmsResult result = gateway(SECRET_KEY, CLOCK).send("01012345678", "가".repeat(46));

        assertThat(result.kind()).isEqualTo(SmsResult.Kind.REJECTED);
        assertThat(sens.received()).isEmpty();
    }

    @Test
    void resultsNeverContainTheNumber() {
        String number = "010-9876-5432";
        String text = "code 771234 for 01098765432";
        List<SmsResult> results = new ArrayList<>();
        results.add(gateway(SECRET_KEY, CLOCK).send(number, "code 771234"));
        results.add(gateway("wrong", CLOCK).send(number, "code 771234"));
        sens.answerNext(429, "5");
        results.add(gateway(SECRET_KEY, CLOCK).send(number, "code 771234"));
        sens.answerNext(400, null);
        results.add(gateway(SECRET_KEY, CLOCK).send(number, "code 771234"));
        results.add(gateway(SECRET_KEY, CLOCK).send("+1 650 253 0000", text));
        results.add(gateway(SECRET_KEY, CLOCK).send(number, text.repeat(5)));

        assertThat(results).extracting(SmsResult::kind).containsExactly(SmsResult.Kind.ACCEPTED,
                SmsResult.Kind.CONFIG_ERROR, SmsResult.Kind.RETRY, SmsResult.Kind.REJECTED,
                SmsResult.Kind.REJECTED, SmsResult.Kind.REJECTED);
        for (SmsResult result : results) {
            assertThat(result.toString())
                    .doesNotContain("9876").doesNotContain("5432").doesNotContain("6502530000")
                    .doesNotContain("771234");
        }
    }

    @Test
    void settingsNeverShowTheSecret() {
        assertThat(new SensSettings(null, SERVICE_ID, ACCESS_KEY, SECRET_KEY, "02-1234-5678"))
                .satisfies(s -> assertThat(s.toString()).doesNotContain(SECRET_KEY))
                .satisfies(s -> assertThat(s.baseUrl()).isEqualTo(SensSettings.DEFAULT_BASE_URL))
                .satisfies(s -> assertThat(s.from()).isEqualTo("0212345678"));
    }
}
