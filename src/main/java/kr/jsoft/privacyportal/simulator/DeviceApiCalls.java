package kr.jsoft.privacyportal.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kr.jsoft.privacyportal.device.DeviceRequestSigner;

/** One call to the device API as the app makes it: JSON body, optional {@code Device-Signature}. */
public final class DeviceApiCalls {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DeviceApiCalls() {
    }

    /** Sends {@code body} (or none if null) with exactly this signature header (or none if null). */
    public static HttpResponse<String> send(HttpClient http, URI uri, String method, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (signature != null) {
            request.header(DeviceRequestSigner.HEADER, signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
