package kr.jsoft.privacyportal.push;

import java.io.IOException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm (RFC 8291), e.g. to UnifiedPush distributors. */
public final class WebPushGateway implements PushGateway {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Vapid vapid;
    private final EndpointPolicy policy;
    private final WebPushEncryption encryption;
    private final Clock clock;
    private final HttpClient http;

    /**
     * @param vapidKeys P-256 application server key pair (from the portal's key store)
     * @param contact   {@code mailto:} address for the push service operators
     * @param http      must not follow redirects ({@link HttpClient.Redirect#NEVER}, the JDK default)
     */
    public WebPushGateway(KeyPair vapidKeys, String contact, EndpointPolicy policy, Clock clock, HttpClient http) {
        this(vapidKeys, contact, policy, clock, http, new WebPushEncryption(new SecureRandom()));
    }

    WebPushGateway(KeyPair vapidKeys, String contact, EndpointPolicy policy, Clock clock, HttpClient http,
            WebPushEncryption encryption) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.vapid = new Vapid(vapidKeys, contact, clock);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.http = PushHttp.requireNoRedirects(http);
        this.encryption = Objects.requireNonNull(encryption, "encryption");
    }

    @Override
    public PushOutcome send(PushAddress address, WakeUp wakeUp) {
        if (!(address instanceof PushAddress.WebPushSubscription sub)) {
            return PushOutcome.bug("Web Push gateway got a non-Web-Push address");
        }
        try {
            policy.checkBeforeConnect(sub.endpoint());
        } catch (RefusedEndpointException e) {
            return PushOutcome.deadAddress("web push endpoint refused: " + e.getMessage());
        } catch (UnknownHostException e) {
            return PushOutcome.retry("web push endpoint host did not resolve");
        }
        byte[] body;
        try {
            body = encryption.encrypt(WAKE_UP_PAYLOAD.getBytes(StandardCharsets.UTF_8), sub.p256dh(), sub.auth());
        } catch (IllegalArgumentException e) {
            return PushOutcome.deadAddress("web push subscription key is invalid");
        }
        HttpRequest request = HttpRequest.newBuilder(sub.endpoint())
                .timeout(REQUEST_TIMEOUT)
                .header("TTL", Long.toString(wakeUp.ttl().getSeconds()))
                .header("Urgency", "high")
                .header("Topic", wakeUp.collapseKey())
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .header("Authorization", vapid.authorization(sub.endpoint()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return PushOutcome.retry("web push network error: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushOutcome.retry("web push send interrupted");
        }
        return classify(response.statusCode(), RetryAfter.from(response.headers(), clock));
    }

    static PushOutcome classify(int status, java.util.Optional<Duration> retryAfter) {
        String detail = "web push HTTP " + status;
        if (status >= 200 && status < 300) {
            return PushOutcome.delivered();
        }
        return switch (status) {
            case 404, 410 -> PushOutcome.deadAddress(detail + " subscription gone");
            case 413 -> PushOutcome.bug(detail + " payload too large");
            case 429 -> PushOutcome.retry(retryAfter, detail + " too many requests");
            case 401, 403 -> PushOutcome.configError(detail + " VAPID rejected");
            default -> status >= 500
                    ? PushOutcome.retry(retryAfter, detail)
                    : PushOutcome.bug(detail + " unexpected");
        };
    }
}
