package kr.jsoft.privacyportal.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SmsGateway} backed by NAVER Cloud SENS, SMS API v2.
 *
 * <p>Logs only the HTTP status and the provider's request id, never the number or the text.
 */
public final class SensSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SensSmsGateway.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final SensSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** With a default client: no redirects, 5 s connect timeout. */
    public SensSmsGateway(SensSettings settings, Clock clock) {
        this(settings, clock, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build());
    }

    /** {@code http} should not follow redirects (a redirect is treated as a provider failure). */
    public SensSmsGateway(SensSettings settings, Clock clock, HttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public SmsResult send(String e164OrKoreanNumber, String text) {
        if (!PhoneNumbers.isKoreanMobile(e164OrKoreanNumber)) {
            return new SmsResult.Rejected(0, "not a Korean mobile number");
        }
        if (text == null || !SmsText.fitsOneSms(text)) {
            return new SmsResult.Rejected(0, "text is empty, not EUC-KR or longer than 90 bytes");
        }
        HttpRequest request = request(PhoneNumbers.toNational(e164OrKoreanNumber), text);
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("SENS not reachable: {}", e.getClass().getSimpleName());
            return new SmsResult.Retry(0, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SmsResult.Retry(0, Optional.empty());
        }
        return interpret(response);
    }

    private HttpRequest request(String nationalNumber, String text) {
        long timestamp = clock.millis();
        String signature = SensSignature.sign("POST", settings.messagesPath(), timestamp,
                settings.accessKey(), settings.secretKey());
        return HttpRequest.newBuilder(settings.messagesUri())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("x-ncp-apigw-timestamp", Long.toString(timestamp))
                .header("x-ncp-iam-access-key", settings.accessKey())
                .header("x-ncp-apigw-signature-v2", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(nationalNumber, text)))
                .build();
    }

    private byte[] body(String nationalNumber, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "SMS");
        body.put("contentType", "COMM");
        body.put("countryCode", "82");
        body.put("from", settings.from());
        body.put("content", text);
        body.put("messages", List.of(Map.of("to", nationalNumber)));
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write SENS request", e);
        }
    }

    private SmsResult interpret(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 202 || status == 200) {
            Optional<String> requestId = requestId(response.body());
            if (requestId.isPresent()) {
                log.info("SENS accepted request {}", requestId.get());
                return new SmsResult.Accepted(requestId.get());
            }
            log.warn("SENS answered {} without a requestId", status);
            return new SmsResult.Retry(status, Optional.empty());
        }
        log.warn("SENS answered {}", status);
        if (status == 401 || status == 403) {
            return new SmsResult.ConfigError(status);
        }
        if (status == 429 || status >= 500) {
            return new SmsResult.Retry(status, retryAfter(response));
        }
        if (status == 400 || status == 404) {
            return new SmsResult.Rejected(status, "provider refused the request");
        }
        // 3xx (we never follow redirects) and other unexpected answers: a provider problem
        return new SmsResult.Retry(status, Optional.empty());
    }

    private Optional<String> requestId(String body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode id = node == null ? null : node.get("requestId");
            return id != null && id.isTextual() && !id.asText().isBlank()
                    ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Retry-After as delta-seconds or HTTP-date (RFC 9110 §10.2.3); never negative. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        try {
            long seconds = Long.parseLong(value);
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
