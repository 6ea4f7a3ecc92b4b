package kr.jsoft.privacyportal.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kr.jsoft.privacyportal.testing.FakeFcmServer;
import kr.jsoft.privacyportal.testing.MutableClock;
import kr.jsoft.privacyportal.testing.TestServiceAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FcmGatewayTest {

    private static final PushAddress.FcmToken DEVICE = new PushAddress.FcmToken("dEvIcE-ToKeN:APA91b_secret");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    /** One RSA key for the class: generating 2048-bit keys per test is slow. */
    private static TestServiceAccount account;
    private FakeFcmServer server;
    private FcmGateway gateway;

    @BeforeAll
    static void generateAccount() throws Exception {
        account = new TestServiceAccount();
    }

    @BeforeEach
    void start() throws Exception {
        server = new FakeFcmServer(clock, account.publicKey(), TestServiceAccount.CLIENT_EMAIL,
                TestServiceAccount.KEY_ID, TestServiceAccount.PROJECT);
        gateway = gatewayFor(server.baseUrl());
    }

    private FcmGateway gatewayFor(URI baseUrl) throws Exception {
        FcmServiceAccount sa = FcmServiceAccount.parse(account.json(URI.create("https://oauth2.googleapis.com/token")))
                .withTokenUri(server.tokenUri());
        return new FcmGateway(sa, baseUrl, clock, PushHttp.newClient());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void wakeUpIsSentWithTheExactMessageShape() {
        PushOutcome outcome = gateway.send(DEVICE, WakeUp.sync(Duration.ofDays(1)));

        assertThat(server.failures()).isEmpty();
        assertThat(outcome.kind()).isEqualTo(PushOutcome.Kind.DELIVERED);
        long expiration = clock.instant().getEpochSecond() + 86_400;
        assertThat(server.sentBodies()).containsExactly("{\"message\":{\"token\":\"dEvIcE-ToKeN:APA91b_secret\","
                + "\"data\":{\"t\":\"sync\"},\"android\":{\"priority\":\"high\",\"ttl\":\"86400s\",\"collapse_key\":\"sync\"},"
                + "\"apns\":{\"headers\":{\"apns-push-type\":\"background\",\"apns-priority\":\"5\",\"apns-expiration\":\""
                + expiration + "\"},\"payload\":{\"aps\":{\"content-available\":1}}}}}");
    }

    @Test
    void fcmTokenIsCachedUntilShortlyBeforeExpiry() {
        server.expiresIn(3600);

        send();
        clock.advance(Duration.ofMinutes(54).plusSeconds(59));
        send();
        assertThat(server.tokensIssued()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        send();
        assertThat(server.tokensIssued()).isEqualTo(2);
        assertThat(server.failures()).isEmpty();
    }

    @Test
    void rejectedAccessTokenIsRefreshedOnceAndRetried() {
        send();
        server.revokeIssuedTokens();

        PushOutcome outcome = send();

        assertThat(outcome.kind()).isEqualTo(PushOutcome.Kind.DELIVERED);
        assertThat(server.tokensIssued()).isEqualTo(2);
    }

    @Test
    void persistentUnauthorisedIsConfigErrorAfterOneRetry() {
        server.script(FakeFcmServer.Reply.unauthenticated(), FakeFcmServer.Reply.unauthenticated());

        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.CONFIG_ERROR);
        assertThat(server.sentBodies()).hasSize(2);
        assertThat(server.tokensIssued()).isEqualTo(2);
    }

    @Test
    void thirdPartyAuthErrorIsConfigErrorWithoutRetry() {
        server.script(FakeFcmServer.Reply.thirdPartyAuthError());

        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.CONFIG_ERROR);
        assertThat(server.sentBodies()).hasSize(1);
    }

    @Test
    void rejectedServiceAccountIsConfigError() {
        server.rejectTokenRequests();

        PushOutcome outcome = send();

        assertThat(outcome.kind()).isEqualTo(PushOutcome.Kind.CONFIG_ERROR);
        assertThat(outcome.detail()).contains("invalid_grant");
    }

    @Test
    void unregisteredTokenIsDeadAddress() {
        server.script(FakeFcmServer.Reply.unregistered());

        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.DEAD_ADDRESS);
    }

    @Test
    void senderIdMismatchIsDeadAddress() {
        server.script(FakeFcmServer.Reply.senderIdMismatch());

        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.DEAD_ADDRESS);
    }

    @Test
    void invalidTokenIsDeadAddress() {
        server.script(FakeFcmServer.Reply.invalidToken(), FakeFcmServer.Reply.invalidTokenFieldViolation());

        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.DEAD_ADDRESS);
        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.DEAD_ADDRESS);
    }

    @Test
    void malformedRequestIsOurBug() {
        server.script(FakeFcmServer.Reply.badRequest());

        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.BUG);
    }

    @Test
    void retryAfterIsHonoured() {
        server.script(FakeFcmServer.Reply.quotaExceeded("30"), FakeFcmServer.Reply.unavailable(),
                FakeFcmServer.Reply.internal());

        assertThat(send()).extracting(PushOutcome::kind, PushOutcome::retryAfter)
                .containsExactly(PushOutcome.Kind.RETRY, Optional.of(Duration.ofSeconds(30)));
        assertThat(send()).extracting(PushOutcome::kind, PushOutcome::retryAfter)
                .containsExactly(PushOutcome.Kind.RETRY, Optional.empty());
        assertThat(send().kind()).isEqualTo(PushOutcome.Kind.RETRY);
    }

    @Test
    void networkFailureIsRetry() throws Exception {
        FcmGateway nowhere = gatewayFor(server.baseUrl());
        server.close();

        assertThat(nowhere.send(DEVICE, WakeUp.sync(Duration.ofHours(1))).kind()).isEqualTo(PushOutcome.Kind.RETRY);
    }

    @Test
    void redirectIsNotFollowed() {
        server.script(FakeFcmServer.Reply.redirect(server.baseUrl() + "/elsewhere"));

        PushOutcome outcome = send();

        assertThat(outcome.kind()).isEqualTo(PushOutcome.Kind.BUG);
        assertThat(server.otherHits()).isEmpty();
    }

    @Test
    void wrongBaseUrlRaisesAnAlertInsteadOfDroppingTokens() throws Exception {
        FcmGateway misconfigured = gatewayFor(URI.create(server.baseUrl() + "/nothing-here"));

        assertThat(misconfigured.send(DEVICE, WakeUp.sync(Duration.ofHours(1))).kind())
                .isEqualTo(PushOutcome.Kind.CONFIG_ERROR);
    }

    @Test
    void detailNeverContainsTheToken() {
        server.script(FakeFcmServer.Reply.unregistered(), FakeFcmServer.Reply.invalidTokenFieldViolation());

        assertThat(send().detail()).doesNotContain("dEvIcE");
        assertThat(send().detail()).doesNotContain("dEvIcE");
        assertThat(DEVICE.toString()).doesNotContain("dEvIcE");
    }

    @Test
    void serviceAccountWithoutKeyIsRejectedWithoutEchoingIt() throws Exception {
        String json = account.json(server.tokenUri()).replace("\"private_key\":\"-----BEGIN", "\"private_key\":\"-----BOGUS");

        assertThatThrownBy(() -> FcmServiceAccount.parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("BOGUS");
        assertThat(FcmServiceAccount.parse(account.json(server.tokenUri())).toString()).doesNotContain("PRIVATE");
    }

    @Test
    void clientThatFollowsRedirectsIsRejected() throws Exception {
        FcmServiceAccount sa = FcmServiceAccount.parse(account.json(server.tokenUri()));
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();

        assertThatThrownBy(() -> new FcmGateway(sa, server.baseUrl(), clock, following))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentSendsShareOneAccessToken() throws Exception {
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<PushOutcome>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return send();
                }));
            }
            go.countDown();
            for (var r : results) {
                assertThat(r.get().kind()).isEqualTo(PushOutcome.Kind.DELIVERED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.tokensIssued()).isEqualTo(1);
    }

    private PushOutcome send() {
        return gateway.send(DEVICE, WakeUp.sync(Duration.ofHours(1)));
    }
}
