package kr.jsoft.privacyportal.push;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * The Web Push HTTP client ({@link PushHttp#newWebPushClient}), started at the first push instead of
 * with the portal: starting it sets up TLS, which reads the JDK's whole trust store (about 0.15 s of
 * CPU in a starting portal, while it answers its first requests), and a portal no device has
 * subscribed to never pushes. Managed with the server: stopping this stops the client, and no push
 * starts it again afterwards.
 */
public final class WebPushClient extends AbstractLifeCycle {
    private final HttpClient http;
    private boolean closed;

    public WebPushClient(HttpClient http) {
        this.http = PushHttp.requireCheckedAddresses(http);
    }

    /** The client, started first if nothing has pushed yet. */
    synchronized HttpClient started() throws Exception {
        if (closed) {
            throw new IllegalStateException("the Web Push client has stopped");
        }
        if (!http.isStarted()) {
            http.start();
        }
        return http;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        closed = true;
        http.stop();
    }
}
