package kr.jsoft.privacyportal.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.push.P256Keys;
import kr.jsoft.privacyportal.push.PushAddress;
import kr.jsoft.privacyportal.push.WebPushDecryption;

/**
 * A Web Push service on 127.0.0.1 that checks what a real one checks (VAPID JWT signed with the
 * k= key, aud = its origin, exp within 24 h; the RFC 8030 headers) and decrypts the body with the
 * test subscription's private key. Replies follow a script; 201 when the script is empty.
 */
public final class FakeWebPushServer implements AutoCloseable {

    public record Reply(int status, String retryAfter, String location) {
        public static Reply status(int status) {
            return new Reply(status, null, null);
        }

        public static Reply retryAfter(int status, String value) {
            return new Reply(status, value, null);
        }

        public static Reply redirect(String location) {
            return new Reply(307, null, location);
        }
    }

    public record Received(String payload, String ttl, String topic) {
    }

    private static final Pattern VAPID = Pattern.compile("vapid t=([A-Za-z0-9_.-]+), k=([A-Za-z0-9_-]+)");

    private final HttpServer server;
    private final Clock clock;
    private final KeyPair subscriptionKeys;
    private final byte[] auth;
    private final byte[] expectedVapidKey;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<String> otherHits = new CopyOnWriteArrayList<>();
    private final List<String> receivedPaths = new CopyOnWriteArrayList<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final AtomicInteger held = new AtomicInteger();
    private volatile CountDownLatch gate;
    private volatile String heldPath;
    private volatile int releasedStatus = 201;

    public FakeWebPushServer(Clock clock, KeyPair subscriptionKeys, byte[] auth, byte[] expectedVapidKey) throws IOException {
        this.clock = clock;
        this.subscriptionKeys = subscriptionKeys;
        this.auth = auth.clone();
        this.expectedVapidKey = expectedVapidKey.clone();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/push/", this::push);
        server.createContext("/elsewhere", ex -> {
            otherHits.add(ex.getRequestURI().getPath());
            respond(ex, 201, null, null);
        });
        server.setExecutor(handlers);
        server.start();
    }

    /**
     * From now on every wake-up for the subscription {@code id} is received (and counted) but not
     * answered until {@link #release}: its sender is left waiting in the middle of its batch.
     */
    public void hold(String id) {
        heldPath = "/push/" + id;
        gate = new CountDownLatch(1);
    }

    /** Wake-ups received and waiting for {@link #release}. */
    public int held() {
        return held.get();
    }

    /** Answers every held wake-up with {@code status} and stops holding. */
    public void release(int status) {
        releasedStatus = status;
        CountDownLatch open = gate;
        gate = null;
        if (open != null) {
            open.countDown();
        }
    }

    public URI endpoint(String id) {
        return URI.create(origin() + "/push/" + id);
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public PushAddress.WebPushSubscription subscription(String id) {
        return new PushAddress.WebPushSubscription(endpoint(id),
                P256Keys.encode((ECPublicKey) subscriptionKeys.getPublic()), auth);
    }

    public synchronized void script(Reply... replies) {
        script.addAll(List.of(replies));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** How many wake-ups arrived (decrypted) for the subscription {@code id} of {@link #subscription}. */
    public long receivedFor(String id) {
        return receivedPaths.stream().filter(("/push/" + id)::equals).count();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public List<String> otherHits() {
        return List.copyOf(otherHits);
    }

    private void push(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String problem = verify(ex, body);
        if (problem != null) {
            failures.add(problem);
            respond(ex, 400, null, null);
            return;
        }
        CountDownLatch waitFor = gate;
        if (waitFor != null && ex.getRequestURI().getPath().equals(heldPath)) {
            held.incrementAndGet();
            try {
                waitFor.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held.decrementAndGet();
            }
            respond(ex, releasedStatus, null, null);
            return;
        }
        Reply reply;
        synchronized (this) {
            reply = script.isEmpty() ? Reply.status(201) : script.poll();
        }
        respond(ex, reply.status(), reply.retryAfter(), reply.location());
    }

    private String verify(HttpExchange ex, byte[] body) {
        var h = ex.getRequestHeaders();
        if (!"POST".equals(ex.getRequestMethod())) {
            return "method " + ex.getRequestMethod();
        }
        String ttl = h.getFirst("TTL");
        if (ttl == null || !ttl.matches("[0-9]+")) {
            return "TTL " + ttl;
        }
        if (!"high".equals(h.getFirst("Urgency"))) {
            return "Urgency " + h.getFirst("Urgency");
        }
        String topic = h.getFirst("Topic");
        if (topic == null || !topic.matches("[A-Za-z0-9_-]{1,32}")) {
            return "Topic " + topic;
        }
        if (!"aes128gcm".equals(h.getFirst("Content-Encoding"))) {
            return "Content-Encoding " + h.getFirst("Content-Encoding");
        }
        if (!"application/octet-stream".equals(h.getFirst("Content-Type"))) {
            return "Content-Type " + h.getFirst("Content-Type");
        }
        String authorization = h.getFirst("Authorization");
        Matcher m = authorization == null ? null : VAPID.matcher(authorization);
        if (m == null || !m.matches()) {
            return "Authorization " + authorization;
        }
        try {
            byte[] k = Base64.getUrlDecoder().decode(m.group(2));
            if (!java.util.Arrays.equals(k, expectedVapidKey)) {
                return "unexpected VAPID key";
            }
            SignedJWT jwt = SignedJWT.parse(m.group(1));
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new ECDSAVerifier(P256Keys.decodePublic(k)))) {
                return "VAPID signature";
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Instant exp = claims.getExpirationTime().toInstant();
            if (!claims.getAudience().equals(List.of(origin()))) {
                return "aud " + claims.getAudience();
            }
            if (!exp.isAfter(now) || exp.isAfter(now.plus(Duration.ofHours(24)))) {
                return "exp " + exp;
            }
            if (claims.getSubject() == null || !claims.getSubject().startsWith("mailto:")) {
                return "sub " + claims.getSubject();
            }
            byte[] plain = new WebPushDecryption((ECPrivateKey) subscriptionKeys.getPrivate(), auth).decrypt(body);
            received.add(new Received(new String(plain, StandardCharsets.UTF_8), ttl, topic));
            receivedPaths.add(ex.getRequestURI().getPath());
            return null;
        } catch (Exception e) {
            return "rejected: " + e;
        }
    }

    private static void respond(HttpExchange ex, int status, String retryAfter, String location) throws IOException {
        if (retryAfter != null) {
            ex.getResponseHeaders().add("Retry-After", retryAfter);
        }
        if (location != null) {
            ex.getResponseHeaders().add("Location", location);
        }
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    @Override
    public void close() {
        release(503);
        server.stop(0);
        handlers.shutdownNow();
    }
}
