package kr.jsoft.privacyportal.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for SENS SMS API v2 on 127.0.0.1 and a free port. It recomputes the signature
 * with its own HMAC code (not {@link SensSignature}), refuses timestamps more than five minutes
 * off its clock, checks the body and answers like SENS. Responses can be scripted.
 */
public final class FakeSensServer implements AutoCloseable {

    /** What the fake received, for assertions. */
    public record Received(String method, String rawPath, Map<String, List<String>> headers, byte[] body, int answeredStatus) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private record Scripted(int status, String retryAfter, String body) {
    }

    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final String serviceId;
    private final String accessKey;
    private final String secretKey;
    private final String from;
    private final Clock clock;
    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();

    public FakeSensServer(String serviceId, String accessKey, String secretKey, String from, Clock clock) throws IOException {
        this.serviceId = serviceId;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.from = from;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next request, if it passes the checks, is answered with {@code status} instead of 202. */
    public synchronized void answerNext(int status, String retryAfter) {
        String body = "{\"status\":\"" + status + "\",\"errorMessage\":\"scripted\"}";
        script.addLast(new Scripted(status, retryAfter, body));
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Answer answer = answer(exchange, body);
            synchronized (this) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        Map.copyOf(exchange.getRequestHeaders()), body, answer.status));
            }
            byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            if (answer.retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter);
            }
            exchange.sendResponseHeaders(answer.status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private record Answer(int status, String retryAfter, String body) {
    }

    private Answer answer(HttpExchange exchange, byte[] body) {
        String path = "/sms/v2/services/" + serviceId + "/messages";
        if (!exchange.getRequestURI().getRawPath().equals(path) || exchange.getRequestURI().getRawQuery() != null) {
            return new Answer(404, null, "{\"status\":\"404\",\"errorMessage\":\"Not Found\"}");
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return new Answer(405, null, "{\"status\":\"405\",\"errorMessage\":\"Method Not Allowed\"}");
        }
        String timestamp = exchange.getRequestHeaders().getFirst("x-ncp-apigw-timestamp");
        String key = exchange.getRequestHeaders().getFirst("x-ncp-iam-access-key");
        String signature = exchange.getRequestHeaders().getFirst("x-ncp-apigw-signature-v2");
        if (timestamp == null || key == null || signature == null || !accessKey.equals(key)) {
            return authenticationFailed("Invalid authentication information.");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return authenticationFailed("Invalid timestamp.");
        }
        if (Math.abs(clock.millis() - millis) > MAX_SKEW.toMillis()) {
            return authenticationFailed("Timestamp is out of the allowed range.");
        }
        String expected = hmacBase64("POST " + path + "\n" + timestamp + "\n" + accessKey);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return authenticationFailed("Invalid signature.");
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            return badRequest();
        }
        if (!bodyIsValid(body)) {
            return badRequest();
        }
        synchronized (this) {
            Scripted scripted = script.pollFirst();
            if (scripted != null) {
                return new Answer(scripted.status, scripted.retryAfter, scripted.body);
            }
        }
        return new Answer(202, null, "{\"requestId\":\"RSSA-" + UUID.randomUUID()
                + "\",\"requestTime\":\"2026-11-30T12:00:00.000\",\"statusCode\":\"202\",\"statusName\":\"success\"}");
    }

    private boolean bodyIsValid(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode messages = node.path("messages");
            if (!messages.isArray() || messages.isEmpty() || messages.size() > 100) {
                return false;
            }
            for (JsonNode message : messages) {
                if (!message.path("to").isTextual() || !message.path("to").asText().matches("01[016789]\\d{7,8}")) {
                    return false;
                }
            }
            return "SMS".equals(node.path("type").asText(null))
                    && "COMM".equals(node.path("contentType").asText(null))
                    && "82".equals(node.path("countryCode").asText(null))
                    && node.path("countryCode").isTextual()
                    && from.equals(node.path("from").asText(null))
                    && node.path("content").isTextual()
                    && !node.path("content").asText().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static Answer authenticationFailed(String details) {
        return new Answer(401, null, "{\"error\":{\"errorCode\":\"200\",\"message\":\"Authentication Failed\","
                + "\"details\":\"" + details + "\"}}");
    }

    private static Answer badRequest() {
        return new Answer(400, null, "{\"status\":\"400\",\"errorMessage\":\"Bad Request\"}");
    }

    private String hmacBase64(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
