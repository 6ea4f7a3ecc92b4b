package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/** SIGTERM (PortalServer.stop) lets a request that is already in flight finish. */
class GracefulShutdownIT {

    static final class Slow extends HttpServlet {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.getWriter().write("finished");
        }
    }

    @Test
    void inFlightRequestFinishesDuringShutdown() throws Exception {
        Slow slow = new Slow();
        PortalFixture portal = PortalFixture.builder()
                .extraRoutes(context -> context.addServlet(new ServletHolder(slow), "/en/test/slow"))
                .build();
        portal.start();
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(portal.uri("/en/test/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(slow.entered.await(30, TimeUnit.SECONDS)).isTrue();

        var server = portal.server();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(portal::stop);
        Await.until("the server starts stopping", server::isStopping);
        slow.release.countDown();

        HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
        stopping.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
    }
}
