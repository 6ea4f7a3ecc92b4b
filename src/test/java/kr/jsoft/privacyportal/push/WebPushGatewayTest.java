package kr.jsoft.privacyportal.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kr.jsoft.privacyportal.testing.FakeWebPushServer;
import kr.jsoft.privacyportal.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebPushGatewayTest {

    private final SecureRandom random = new SecureRandom();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final KeyPair vapidKeys = P256Keys.generate(random);
    private final EndpointPolicy testPolicy = new EndpointPolicy(true);
    private final List<HttpClient> clients = new ArrayList<>();
    private FakeWebPushServer server;
    private WebPushGateway gateway;

    @BeforeEach
    void start() throws Exception {
        byte[] auth = new byte[16];
        random.nextBytes(auth);
        server = new FakeWebPushServer(clock, P256Keys.generate(random), auth,
                P256Keys.encode((ECPublicKey) vapidKeys.getPublic()));
        gateway = new WebPushGateway(vapidKeys, "mailto:push@example.org", testPolicy, clock, started(testPolicy));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        for (HttpClient client : clients) {
            client.stop();
        }
    }

    private HttpClient started(EndpointPolicy policy) throws Exception {
        HttpClient client = PushHttp.newWebPushClient(policy);
        client.start();
        clients.add(client);
        return client;
    }

    @Test
    void wakeUpIsEncryptedSignedAndDelivered() {
        PushOutcome outcome = gateway.send(server.subscription("a"), WakeUp.sync(Duration.ofHours(1)));

        assertThat(server.failures()).isEmpty();
        assertThat(outcome.kind()).isEqualTo(PushOutcome.Kind.DELIVERED);
        assertThat(server.received()).containsExactly(new FakeWebPushServer.Received("{\"t\":\"sync\"}", "3600", "sync"));
    }

    @Test
    void anySuccessStatusCountsAsDelivered() {
        server.script(FakeWebPushServer.Reply.status(202), FakeWebPushServer.Reply.status(200));

        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.DELIVERED);
        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.DELIVERED);
    }

    @Test
    void goneSubscriptionIsDeadAddress() {
        server.script(FakeWebPushServer.Reply.status(404), FakeWebPushServer.Reply.status(410));

        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.DEAD_ADDRESS);
        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.DEAD_ADDRESS);
    }

    @Test
    void tooLargeIsOurBug() {
        server.script(FakeWebPushServer.Reply.status(413));

        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.BUG);
    }

    @Test
    void retryAfterIsHonoured() {
        server.script(FakeWebPushServer.Reply.retryAfter(429, "120"),
                FakeWebPushServer.Reply.retryAfter(503, "Sun, 01 Mar 2026 10:05:00 GMT"),
                FakeWebPushServer.Reply.status(503));

        assertThat(send()).extracting(PushOutcome::kind, PushOutcome::retryAfter)
                .containsExactly(PushOutcome.Kind.RETRY, Optional.of(Duration.ofSeconds(120)));
        assertThat(send()).extracting(PushOutcome::kind, PushOutcome::retryAfter)
                .containsExactly(PushOutcome.Kind.RETRY, Optional.of(Duration.ofMinutes(5)));
        assertThat(send()).extracting(PushOutcome::kind, PushOutcome::retryAfter)
                .containsExactly(PushOutcome.Kind.RETRY, Optional.empty());
    }

    @Test
    void rejectedVapidIsConfigError() {
        server.script(FakeWebPushServer.Reply.status(401), FakeWebPushServer.Reply.status(403));

        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.CONFIG_ERROR);
        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.CONFIG_ERROR);
    }

    @Test
    void redirectIsNotFollowed() {
        server.script(FakeWebPushServer.Reply.redirect(server.origin() + "/elsewhere"));

        PushOutcome outcome = send();

        assertThat(outcome.kind()).isEqualTo(PushOutcome.Kind.BUG);
        assertThat(server.otherHits()).isEmpty();
    }

    @Test
    void clientThatFollowsRedirectsOrResolvesOnItsOwnIsRejected() {
        HttpClient following = PushHttp.newWebPushClient(testPolicy);
        following.setFollowRedirects(true);
        HttpClient ownLookup = new HttpClient();
        ownLookup.setFollowRedirects(false);

        assertThatThrownBy(() -> new WebPushGateway(vapidKeys, "mailto:push@example.org",
                testPolicy, clock, following)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebPushGateway(vapidKeys, "mailto:push@example.org",
                testPolicy, clock, ownLookup)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRequestGoesToTheAddressThatWasCheckedNotToALaterAnswer() throws Exception {
        // A rebinding name server: the first lookup answers the push service, every later one another address.
        // Both are loopback (tests send traffic only to 127.0.0.1/8); the point is which answer is connected to.
        HttpServer checked = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpServer later = HttpServer.create(new InetSocketAddress("127.0.0.2", checked.getAddress().getPort()), 0);
        AtomicInteger checkedHits = new AtomicInteger();
        AtomicInteger laterHits = new AtomicInteger();
        for (var pair : List.of(java.util.Map.entry(checked, checkedHits), java.util.Map.entry(later, laterHits))) {
            pair.getKey().createContext("/", exchange -> {
                pair.getValue().incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(201, -1);
                exchange.close();
            });
            pair.getKey().start();
        }
        AtomicInteger lookups = new AtomicInteger();
        EndpointPolicy rebinding = new EndpointPolicy(true, host -> new InetAddress[] {InetAddress.getByName(
                lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2")});
        WebPushGateway pinned = new WebPushGateway(vapidKeys, "mailto:push@example.org", rebinding, clock,
                started(rebinding));
        try {
            PushOutcome outcome = pinned.send(new PushAddress.WebPushSubscription(
                    URI.create("http://push.rebinding.test:" + checked.getAddress().getPort() + "/push/a"),
                    server.subscription("a").p256dh(), server.subscription("a").auth()), WakeUp.sync(Duration.ofHours(1)));

            assertThat(outcome.kind()).isEqualTo(PushOutcome.Kind.DELIVERED);
            assertThat(checkedHits).hasValue(1);
            assertThat(laterHits).hasValue(0);
            assertThat(lookups).as("one lookup, checked and connected to").hasValue(1);
        } finally {
            checked.stop(0);
            later.stop(0);
        }
    }

    @Test
    void aNameThatFirstAnswersAPrivateAddressIsRefusedWithoutAnyConnection() throws Exception {
        EndpointPolicy strictPolicy = new EndpointPolicy(false, host -> new InetAddress[] {InetAddress.getByName(
                "127.0.0.1")});
        WebPushGateway strict = new WebPushGateway(vapidKeys, "mailto:push@example.org", strictPolicy, clock,
                started(strictPolicy));

        PushOutcome outcome = strict.send(new PushAddress.WebPushSubscription(
                URI.create("https://push.rebinding.test:" + server.endpoint("a").getPort() + "/push/a"),
                server.subscription("a").p256dh(), server.subscription("a").auth()), WakeUp.sync(Duration.ofHours(1)));

        assertThat(outcome.kind()).isEqualTo(PushOutcome.Kind.DEAD_ADDRESS);
        assertThat(server.received()).isEmpty();
        assertThat(server.otherHits()).isEmpty();
    }

    @Test
    void webPushToPrivateAddressIsRefusedOutsideTests() throws Exception {
        EndpointPolicy strictPolicy = new EndpointPolicy(false);
        WebPushGateway strict = new WebPushGateway(vapidKeys, "mailto:push@example.org",
                strictPolicy, clock, started(strictPolicy));
        PushAddress.WebPushSubscription loopbackHttps = new PushAddress.WebPushSubscription(
                URI.create("https://127.0.0.1:" + server.endpoint("a").getPort() + "/push/a"),
                server.subscription("a").p256dh(), server.subscription("a").auth());

        assertThat(strict.send(server.subscription("a"), WakeUp.sync(Duration.ofHours(1))).kind())
                .isEqualTo(PushOutcome.Kind.DEAD_ADDRESS);
        assertThat(strict.send(loopbackHttps, WakeUp.sync(Duration.ofHours(1))).kind())
                .isEqualTo(PushOutcome.Kind.DEAD_ADDRESS);
        assertThat(server.received()).isEmpty();
        assertThat(server.failures()).isEmpty();
    }

    @Test
    void networkFailureIsRetry() {
        URI endpoint = server.endpoint("a");
        server.close();

        PushOutcome outcome = gateway.send(new PushAddress.WebPushSubscription(endpoint,
                server.subscription("a").p256dh(), server.subscription("a").auth()), WakeUp.sync(Duration.ofHours(1)));

        assertThat(outcome.kind()).isEqualTo(PushOutcome.Kind.RETRY);
    }

    @Test
    void vapidAudienceIsTheEndpointOrigin() {
        assertThat(Vapid.origin(URI.create("https://Push.Example.org/wpush/v2/abc"))).isEqualTo("https://push.example.org");
        assertThat(Vapid.origin(URI.create("https://push.example.org:443/x"))).isEqualTo("https://push.example.org");
        assertThat(Vapid.origin(URI.create("https://push.example.org:8443/x"))).isEqualTo("https://push.example.org:8443");
    }

    @Test
    void detailNeverContainsTheEndpoint() {
        server.script(FakeWebPushServer.Reply.status(404));

        assertThat(send().detail()).doesNotContain("127.0.0.1").doesNotContain("/push/");
        assertThat(server.subscription("a").toString()).doesNotContain("/push/");
    }

    private PushOutcome send() {
        return gateway.send(server.subscription("a"), WakeUp.sync(Duration.ofHours(1)));
    }
}
