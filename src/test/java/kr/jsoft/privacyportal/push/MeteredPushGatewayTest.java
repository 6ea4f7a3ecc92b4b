package kr.jsoft.privacyportal.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MeteredPushGatewayTest {
    @Test
    void eachAttemptIsCountedUnderItsOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PushGateway gone = new MeteredPushGateway((address, wakeUp) -> PushOutcome.deadAddress("410"), "web-push",
                registry);
        gone.send(null, null);
        gone.send(null, null);
        PushGateway unconfigured = new MeteredPushGateway(PushGateway.notConfigured("FCM"), "fcm", registry);
        unconfigured.send(null, null);

        assertThat(registry.get("portal.push.attempts").tags("channel", "web-push", "outcome", "dead-address")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get("portal.push.attempts").tags("channel", "fcm", "outcome", "config-error")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("portal.push.attempts").tags("channel", "fcm", "outcome", "delivered")
                .counter().count()).isZero();
    }
}
