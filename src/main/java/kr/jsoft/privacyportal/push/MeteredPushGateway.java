package kr.jsoft.privacyportal.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts wake-up attempts of one push channel by outcome:
 * {@code portal_push_attempts_total{channel="fcm"|"web-push", outcome="delivered"|"retry"|"dead-address"|"config-error"|"bug"}}.
 */
public final class MeteredPushGateway implements PushGateway {
    private final PushGateway gateway;
    private final Map<PushOutcome.Kind, Counter> counters = new EnumMap<>(PushOutcome.Kind.class);

    public MeteredPushGateway(PushGateway gateway, String channel, MeterRegistry registry) {
        this.gateway = gateway;
        for (PushOutcome.Kind kind : PushOutcome.Kind.values()) {
            counters.put(kind, Counter.builder("portal.push.attempts").description("Wake-up attempts by outcome")
                    .tag("channel", channel)
                    .tag("outcome", kind.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .register(registry));
        }
    }

    @Override
    public PushOutcome send(PushAddress address, WakeUp wakeUp) {
        PushOutcome outcome = gateway.send(address, wakeUp);
        counters.get(outcome.kind()).increment();
        return outcome;
    }
}
