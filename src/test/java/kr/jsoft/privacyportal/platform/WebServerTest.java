package kr.jsoft.privacyportal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.jsoft.privacyportal.metrics.PortalMetrics;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.junit.jupiter.api.Test;

/** Background workers start only once the portal listens, and one that cannot start leaves nothing listening. */
class WebServerTest {

    private static WebServer newServer(PortalMetrics metrics) {
        return new WebServer("127.0.0.1", 0, Optional.empty(), false, Duration.ofMinutes(30), Duration.ofSeconds(5),
                metrics, address -> false);
    }

    @Test
    void workersStartOnlyOnceTheConnectorListens() throws Exception {
        try (PortalMetrics metrics = new PortalMetrics()) {
            WebServer web = newServer(metrics);
            AtomicBoolean listeningAtStart = new AtomicBoolean();
            web.manage(new AbstractLifeCycle() {
                @Override
                protected void doStart() {
                    // Bound is not enough (Jetty binds early): started, i.e. accepting and serving requests.
                    listeningAtStart.set(web.server().getConnectors()[0].isStarted());
                }
            });
            try {
                web.server().start();
                assertThat(listeningAtStart).as("the worker's first pass would find the portal listening").isTrue();
            } finally {
                web.server().stop();
            }
        }
    }

    @Test
    void aWorkerThatCannotStartLeavesNothingListening() throws Exception {
        try (PortalMetrics metrics = new PortalMetrics()) {
            WebServer web = newServer(metrics);
            web.manage(new AbstractLifeCycle() {
                @Override
                protected void doStart() {
                    throw new IllegalStateException("no port for the development mailbox");
                }
            });
            try {
                assertThatThrownBy(() -> web.server().start()).hasMessageContaining("background worker");
                assertThat(web.server().getConnectors()).allSatisfy(connector ->
                        assertThat(connector.isStarted()).as("connector still open").isFalse());
            } finally {
                web.server().stop();
            }
        }
    }
}
