package kr.jsoft.privacyportal.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FCM HTTP v1 on 127.0.0.1: a token endpoint that verifies the service account's RS256 assertion
 * and a messages:send endpoint that checks the bearer token and the exact message shape, then
 * replies as scripted (200 when the script is empty).
 */
public final class FakeFcmServer implements AutoCloseable {

    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply ok() {
            return new Reply(200, "{\"name\":\"projects/p/messages/1\"}", Map.of());
        }

        public static Reply unregistered() {
            return fcmError(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.");
        }

        public static Reply senderIdMismatch() {
            return fcmError(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH", "SenderId mismatch");
        }

        public static Reply invalidToken() {
            return fcmError(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
                    "The registration token is not a valid FCM registration token");
        }

        public static Reply invalidTokenFieldViolation() {
            return new Reply(400, error(400, "Invalid value at 'message.token'", "INVALID_ARGUMENT",
                    "{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":"
                            + "[{\"field\":\"message.token\",\"description\":\"Invalid registration token\"}]}"), Map.of());
        }

        public static Reply badRequest() {
            return new Reply(400, error(400, "Invalid value at 'message.android.ttl'", "INVALID_ARGUMENT",
                    "{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":"
                            + "[{\"field\":\"message.android.ttl\",\"description\":\"Invalid value\"}]}"), Map.of());
        }

        public static Reply quotaExceeded(String retryAfter) {
            Reply r = fcmError(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", "Quota exceeded");
            return new Reply(r.status(), r.body(), Map.of("Retry-After", retryAfter));
        }

        public static Reply unavailable() {
            return fcmError(503, "UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable.");
        }

        public static Reply internal() {
            return fcmError(500, "INTERNAL", "INTERNAL", "Internal error");
        }

        public static Reply unauthenticated() {
            return new Reply(401, error(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED", null),
                    Map.of());
        }

        public static Reply thirdPartyAuthError() {
            return fcmError(401, "UNAUTHENTICATED", "THIRD_PARTY_AUTH_ERROR", "Auth error from APNS or Web Push Service");
        }

        public static Reply redirect(String location) {
            return new Reply(302, "", Map.of("Location", location));
        }

        static Reply fcmError(int code, String status, String errorCode, String message) {
            return new Reply(code, error(code, message, status,
                    "{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"" + errorCode + "\"}"),
                    Map.of());
        }

        private static String error(int code, String message, String status, String detail) {
            return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\""
                    + (detail == null ? "" : ",\"details\":[" + detail + "]") + "}}";
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final Clock clock;
    private final RSAPublicKey accountKey;
    private final String clientEmail;
    private final String keyId;
    private final String projectId;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final List<String> sentBodies = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<String> otherHits = new CopyOnWriteArrayList<>();
    private volatile long expiresIn = 3600;
    private volatile boolean rejectTokenRequests;

    public FakeFcmServer(Clock clock, RSAPublicKey accountKey, String clientEmail, String keyId, String projectId)
            throws IOException {
        this.clock = clock;
        this.accountKey = accountKey;
        this.clientEmail = clientEmail;
        this.keyId = keyId;
        this.projectId = projectId;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::token);
        server.createContext("/v1/projects/", this::send);
        server.createContext("/elsewhere", ex -> {
            otherHits.add(ex.getRequestURI().getPath());
            respond(ex, 200, "{\"name\":\"projects/p/messages/evil\"}", Map.of());
        });
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI tokenUri() {
        return URI.create(baseUrl() + "/token");
    }

    public synchronized void script(Reply... replies) {
        script.addAll(List.of(replies));
    }

    public void expiresIn(long seconds) {
        expiresIn = seconds;
    }

    /** FCM stops accepting every access token issued so far (as if they expired early). */
    public void revokeIssuedTokens() {
        validTokens.clear();
    }

    public void rejectTokenRequests() {
        rejectTokenRequests = true;
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    public List<String> sentBodies() {
        return List.copyOf(sentBodies);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public List<String> otherHits() {
        return List.copyOf(otherHits);
    }

    private void token(HttpExchange ex) throws IOException {
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (rejectTokenRequests) {
            respond(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}", Map.of());
            return;
        }
        String problem = verifyTokenRequest(ex, form);
        if (problem != null) {
            failures.add("token: " + problem);
            respond(ex, 400, "{\"error\":\"invalid_request\"}", Map.of());
            return;
        }
        String token = "ya29.fake-" + tokensIssued.incrementAndGet();
        validTokens.add(token);
        respond(ex, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn
                + ",\"token_type\":\"Bearer\"}", Map.of());
    }

    private String verifyTokenRequest(HttpExchange ex, String form) {
        if (!"POST".equals(ex.getRequestMethod())) {
            return "method";
        }
        if (!"application/x-www-form-urlencoded".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
            return "content type";
        }
        Map<String, String> params = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(params.get("grant_type"))) {
            return "grant_type " + params.get("grant_type");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(params.get("assertion"));
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !keyId.equals(jwt.getHeader().getKeyID())) {
                return "header " + jwt.getHeader();
            }
            if (!jwt.verify(new RSASSAVerifier(accountKey))) {
                return "signature";
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Instant iat = c.getIssueTime().toInstant();
            Instant exp = c.getExpirationTime().toInstant();
            Instant now = clock.instant();
            if (!clientEmail.equals(c.getIssuer())
                    || !"https://www.googleapis.com/auth/firebase.messaging".equals(c.getStringClaim("scope"))
                    || !List.of(tokenUri().toString()).equals(c.getAudience())) {
                return "claims " + c;
            }
            if (iat.isAfter(now.plusSeconds(60)) || iat.isBefore(now.minusSeconds(60))
                    || exp.isAfter(iat.plus(Duration.ofHours(1))) || !exp.isAfter(now)) {
                return "times iat=" + iat + " exp=" + exp;
            }
            return null;
        } catch (Exception e) {
            return "assertion " + e;
        }
    }

    private void send(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!ex.getRequestURI().getPath().equals("/v1/projects/" + projectId + "/messages:send")
                || !"POST".equals(ex.getRequestMethod())) {
            failures.add("send: path " + ex.getRequestURI().getPath());
            respond(ex, 404, "", Map.of());
            return;
        }
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !validTokens.contains(authorization.substring(7))) {
            Reply r = Reply.unauthenticated();
            respond(ex, r.status(), r.body(), r.headers());
            return;
        }
        String problem = verifyMessage(ex, body);
        if (problem != null) {
            failures.add("send: " + problem);
            respond(ex, 400, Reply.badRequest().body(), Map.of());
            return;
        }
        sentBodies.add(body);
        Reply reply;
        synchronized (this) {
            reply = script.isEmpty() ? Reply.ok() : script.poll();
        }
        respond(ex, reply.status(), reply.body(), reply.headers());
    }

    private String verifyMessage(HttpExchange ex, String body) {
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            return "content type " + contentType;
        }
        try {
            JsonNode m = json.readTree(body).path("message");
            if (!keys(json.readTree(body)).equals(Set.of("message"))
                    || !keys(m).equals(Set.of("token", "data", "android", "apns"))
                    || !m.path("token").isTextual()
                    || !m.path("data").equals(json.readTree("{\"t\":\"sync\"}"))
                    || !keys(m.path("android")).equals(Set.of("priority", "ttl", "collapse_key"))
                    || !"high".equals(m.path("android").path("priority").asText())
                    || !m.path("android").path("ttl").asText().matches("[0-9]{1,7}s")
                    || !keys(m.path("apns")).equals(Set.of("headers", "payload"))
                    || !keys(m.path("apns").path("headers")).equals(Set.of("apns-push-type", "apns-priority", "apns-expiration"))
                    || !"background".equals(m.path("apns").path("headers").path("apns-push-type").asText())
                    || !"5".equals(m.path("apns").path("headers").path("apns-priority").asText())
                    || !m.path("apns").path("headers").path("apns-expiration").asText().matches("[0-9]+")
                    || !m.path("apns").path("payload").equals(json.readTree("{\"aps\":{\"content-available\":1}}"))) {
                return "shape " + body;
            }
            long ttl = Long.parseLong(m.path("android").path("ttl").asText().replace("s", ""));
            if (ttl > 2_419_200) {
                return "ttl too long";
            }
            return null;
        } catch (IOException e) {
            return "not JSON";
        }
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> keys = new java.util.HashSet<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static void respond(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
