package kr.jsoft.privacyportal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request timers are registered once per route, method and status, and keep counting. */
class RequestMetricsTest {

    @Test
    void requestsWithTheSameLabelsCountInOneTimerAndOthersInTheirOwn() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RequestMetrics metrics = new RequestMetrics(registry);

        metrics.finished("/{lang}/policy", "GET", 200, TimeUnit.MILLISECONDS.toNanos(3));
        metrics.finished("/{lang}/policy", "GET", 200, TimeUnit.MILLISECONDS.toNanos(5));
        metrics.finished("/{lang}/policy", "GET", 304, TimeUnit.MILLISECONDS.toNanos(1));
        metrics.finished("/{lang}/contact", "GET", 200, TimeUnit.MILLISECONDS.toNanos(2));

        Timer policyOk = registry.get(RequestMetrics.NAME)
                .tags("route", "/{lang}/policy", "method", "GET", "status", "200").timer();
        assertThat(policyOk.count()).isEqualTo(2);
        assertThat(policyOk.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(8.0);
        assertThat(registry.get(RequestMetrics.NAME).tags("route", "/{lang}/policy", "status", "304").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(RequestMetrics.NAME).tags("route", "/{lang}/contact").timer().count()).isEqualTo(1);
        assertThat(registry.get(RequestMetrics.NAME).timers()).hasSize(3);
    }
}
