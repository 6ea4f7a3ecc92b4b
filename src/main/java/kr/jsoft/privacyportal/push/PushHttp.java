package kr.jsoft.privacyportal.push;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/** The HTTP client rules for push: never follow redirects. */
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

    static HttpClient requireNoRedirects(HttpClient http) {
        Objects.requireNonNull(http, "http");
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("push HTTP client must not follow redirects");
        }
        return http;
    }
}
