package kr.jsoft.privacyportal.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushRouterTest {

    private final List<String> calls = new ArrayList<>();
    private final PushGateway fcm = (a, w) -> {
        calls.add("fcm");
        return PushOutcome.delivered();
    };
    private final PushGateway webPush = (a, w) -> {
        calls.add("webpush");
        return PushOutcome.delivered();
    };
    private final PushAddress.WebPushSubscription subscription = new PushAddress.WebPushSubscription(
            URI.create("https://push.example.org/x"),
            WebPushEncryptionTest.b64("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"),
            new byte[16]);

    @Test
    void addressTypePicksTheGateway() {
        PushRouter router = new PushRouter(fcm, webPush);

        router.send(new PushAddress.FcmToken("t"), WakeUp.sync(Duration.ofHours(1)));
        router.send(subscription, WakeUp.sync(Duration.ofHours(1)));

        assertThat(calls).containsExactly("fcm", "webpush");
    }

    @Test
    void unconfiguredChannelIsConfigError() {
        PushRouter router = new PushRouter(PushGateway.notConfigured("FCM"), webPush);

        assertThat(router.send(new PushAddress.FcmToken("t"), WakeUp.sync(Duration.ofHours(1))).kind())
                .isEqualTo(PushOutcome.Kind.CONFIG_ERROR);
    }

    @Test
    void wakeUpLimitsAreEnforced() {
        assertThatThrownBy(() -> WakeUp.sync(Duration.ofDays(29))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WakeUp.sync(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WakeUp(Duration.ZERO, "has space")).isInstanceOf(IllegalArgumentException.class);
        assertThat(WakeUp.sync(Duration.ofMillis(1500)).ttl()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void subscriptionKeysAreValidatedAndCopied() {
        byte[] auth = new byte[16];
        PushAddress.WebPushSubscription s = new PushAddress.WebPushSubscription(URI.create("https://p.example/x"),
                subscription.p256dh(), auth);
        auth[0] = 9;

        assertThat(s.auth()[0]).isZero();
        assertThat(s).isEqualTo(new PushAddress.WebPushSubscription(URI.create("https://p.example/x"),
                subscription.p256dh(), new byte[16]));
        assertThatThrownBy(() -> new PushAddress.WebPushSubscription(URI.create("https://p.example/x"),
                new byte[64], new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
