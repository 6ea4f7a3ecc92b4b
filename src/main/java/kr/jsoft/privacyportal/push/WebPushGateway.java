package kr.jsoft.privacyportal.push;

import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpMethod;

/** Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm (RFC 8291), e.g. to UnifiedPush distributors. */
public final class WebPushGateway implements PushGateway {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Vapid vapid;
    private final EndpointPolicy policy;
    private final WebPushEncryption encryption;
    private final Clock clock;
    private final WebPushClient http;

    /**
     * @param vapidKeys P-256 application server key pair (from the portal's key store)
     * @param contact   {@code mailto:} address for the push service operators
     * @param http      from {@link PushHttp#newWebPushClient} with the same {@code policy}: no redirects,
     *                  connections only to the addresses the policy checked
     */
    public WebPushGateway(KeyPair vapidKeys, String contact, EndpointPolicy policy, Clock clock, HttpClient http) {
        this(vapidKeys, contact, policy, clock, new WebPushClient(http));
    }

    /** As above, with the client started at the first push ({@link WebPushClient}). */
    public WebPushGateway(KeyPair vapidKeys, String contact, EndpointPolicy policy, Clock clock, WebPushClient http) {
        this(vapidKeys, contact, policy, clock, http, new WebPushEncryption(new SecureRandom()));
    }

    WebPushGateway(KeyPair vapidKeys, String contact, EndpointPolicy policy, Clock clock, HttpClient http,
            WebPushEncryption encryption) {
        this(vapidKeys, contact, policy, clock, new WebPushClient(http), encryption);
    }

    private WebPushGateway(KeyPair vapidKeys, String contact, EndpointPolicy policy, Clock clock, WebPushClient http,
            WebPushEncryption encryption) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.vapid = new Vapid(vapidKeys, contact, clock);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.http = Objects.requireNonNull(http, "http");
        this.encryption = Objects.requireNonNull(encryption, "encryption");
    }

    @Override
    public PushOutcome send(PushAddress address, WakeUp wakeUp) {
        if (!(address instanceof PushAddress.WebPushSubscription sub)) {
            return PushOutcome.bug("Web Push gateway got a non-Web-Push address");
        }
        try {
            // Syntax only: the host is resolved and its addresses checked when the connection is made (CheckedAddresses).
            policy.checkRegistration(sub.endpoint());
        } catch (RefusedEndpointException e) {
            return PushOutcome.deadAddress("web push endpoint refused: " + e.getMessage());
        }
        byte[] body;
        try {
            body = encryption.encrypt(WAKE_UP_PAYLOAD.getBytes(StandardCharsets.UTF_8), sub.p256dh(), sub.auth());
        } catch (IllegalArgumentException e) {
            return PushOutcome.deadAddress("web push subscription key is invalid");
        }
        HttpClient client;
        try {
            client = http.started();
        } catch (Exception e) {
            return PushOutcome.retry("web push client did not start: " + e.getClass().getSimpleName());
        }
        ContentResponse response;
        try {
            response = client.newRequest(sub.endpoint())
                    .method(HttpMethod.POST)
                    .timeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .headers(h -> h.put("TTL", Long.toString(wakeUp.ttl().getSeconds()))
                            .put("Urgency", "high")
                            .put("Topic", wakeUp.collapseKey())
                            .put("Content-Encoding", "aes128gcm")
                            .put("Authorization", vapid.authorization(sub.endpoint())))
                    .body(new BytesRequestContent("application/octet-stream", body))
                    .send();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RefusedEndpointException refused) {
                return PushOutcome.deadAddress("web push endpoint refused: " + refused.getMessage());
            }
            if (e.getCause() instanceof UnknownHostException) {
                return PushOutcome.retry("web push endpoint host did not resolve");
            }
            return PushOutcome.retry("web push network error: " + (e.getCause() == null ? "unknown"
                    : e.getCause().getClass().getSimpleName()));
        } catch (TimeoutException e) {
            return PushOutcome.retry("web push network error: TimeoutException");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushOutcome.retry("web push send interrupted");
        }
        return classify(response.getStatus(), Optional.ofNullable(response.getHeaders().get("Retry-After"))
                .flatMap(value -> RetryAfter.parse(value, clock)));
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
