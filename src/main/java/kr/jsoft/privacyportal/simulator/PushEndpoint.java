package kr.jsoft.privacyportal.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kr.jsoft.privacyportal.push.P256Keys;
import kr.jsoft.privacyportal.push.WebPushDecryption;

/**
 * The simulated device's own Web Push endpoint (what a UnifiedPush distributor would be) on
 * 127.0.0.1: receives the portal's encrypted wake-ups, decrypts them with the subscription's
 * private key (RFC 8291) and hands the plaintext to the device. Answers 201 Created.
 */
final class PushEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final String path = "/push/" + UUID.randomUUID();
    private final KeyPair keys;
    private final byte[] auth = new byte[16];
    private final WebPushDecryption decryption;
    private final java.util.function.Consumer<String> onMessage;
    private final AtomicInteger received = new AtomicInteger();

    PushEndpoint(SecureRandom random, java.util.function.Consumer<String> onMessage) throws IOException {
        this.keys = P256Keys.generate(random);
        random.nextBytes(auth);
        this.decryption = new WebPushDecryption((ECPrivateKey) keys.getPrivate(), auth);
        this.onMessage = onMessage;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    String p256dh() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(P256Keys.encode((ECPublicKey) keys.getPublic()));
    }

    String auth() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(auth);
    }

    int received() {
        return received.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                byte[] body = "{\"unifiedpush\":{\"version\":1}}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String plain;
            try {
                plain = new String(decryption.decrypt(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(201, -1);
            onMessage.accept(plain);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
