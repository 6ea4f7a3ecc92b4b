package kr.jsoft.privacyportal.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.Test;

/** The Web Push client costs a start nothing: it starts at the first push and stops with the portal. */
class WebPushClientTest {

    @Test
    void startingWithThePortalLeavesTheClientUnstartedUntilTheFirstPush() throws Exception {
        HttpClient http = PushHttp.newWebPushClient(new EndpointPolicy(true));
        WebPushClient client = new WebPushClient(http);
        client.start();
        try {
            assertThat(http.isStarted()).as("started with the portal").isFalse();

            assertThat(client.started()).isSameAs(http);
            assertThat(http.isStarted()).isTrue();
        } finally {
            client.stop();
        }
        assertThat(http.isStopped()).isTrue();
    }

    @Test
    void noPushStartsTheClientAgainOnceThePortalStopped() throws Exception {
        HttpClient http = PushHttp.newWebPushClient(new EndpointPolicy(true));
        WebPushClient client = new WebPushClient(http);
        client.start();
        client.stop();

        assertThatThrownBy(client::started).isInstanceOf(IllegalStateException.class);
        assertThat(http.isStarted()).isFalse();
    }
}
