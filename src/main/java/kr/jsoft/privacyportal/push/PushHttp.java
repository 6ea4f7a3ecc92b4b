package kr.jsoft.privacyportal.push;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/** The HTTP client rules for push: never follow redirects; Web Push connects only to checked addresses. */
public final class PushHttp {

    private PushHttp() {
    }

    /** A client suitable for the gateways: no redirects, no proxy, 10 s connect timeout. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * The Web Push client: no redirects, no proxy, 10 s connect timeout, and every connection to an
     * address {@code policy} checked in the same lookup ({@link CheckedAddresses}). Certificates and
     * host names are verified as usual. Not started: the caller manages its life cycle.
     */
    public static org.eclipse.jetty.client.HttpClient newWebPushClient(EndpointPolicy policy) {
        org.eclipse.jetty.client.HttpClient http = new org.eclipse.jetty.client.HttpClient() {
            @Override
            protected void doStart() throws Exception {
                super.doStart();
                // Jetty would answer a 401 without a challenge, a redirect or a 100 itself; the gateway
                // classifies every status on its own (a 401 is a rejected VAPID token, not a login).
                getProtocolHandlers().clear();
            }
        };
        http.setFollowRedirects(false);
        http.setConnectTimeout(Duration.ofSeconds(10).toMillis());
        http.setSocketAddressResolver(new CheckedAddresses(policy));
        http.setName("web-push-client");
        return http;
    }

    static org.eclipse.jetty.client.HttpClient requireCheckedAddresses(org.eclipse.jetty.client.HttpClient http) {
        Objects.requireNonNull(http, "http");
        if (http.isFollowRedirects()) {
            throw new IllegalArgumentException("push HTTP client must not follow redirects");
        }
        if (!(http.getSocketAddressResolver() instanceof CheckedAddresses)) {
            throw new IllegalArgumentException("the Web Push client must connect only to checked addresses");
        }
        return http;
    }

    static HttpClient requireNoRedirects(HttpClient http) {
        Objects.requireNonNull(http, "http");
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("push HTTP client must not follow redirects");
        }
        return http;
    }
}
