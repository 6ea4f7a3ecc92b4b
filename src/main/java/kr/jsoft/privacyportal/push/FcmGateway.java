package kr.jsoft.privacyportal.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Firebase Cloud Messaging HTTP v1, authenticated with a service account. */
public final class FcmGateway implements PushGateway {

    public static final URI DEFAULT_BASE_URL = URI.create("https://fcm.googleapis.com");
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI sendUri;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final FcmAccessTokens tokens;

    /**
     * @param account service account; its {@code tokenUri} is used for access tokens (override
     *                with {@link FcmServiceAccount#withTokenUri})
     * @param baseUrl {@link #DEFAULT_BASE_URL} in production
     * @param http    must not follow redirects ({@link HttpClient.Redirect#NEVER}, the JDK default)
     */
    public FcmGateway(FcmServiceAccount account, URI baseUrl, Clock clock, HttpClient http) {
        Objects.requireNonNull(account, "account");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = PushHttp.requireNoRedirects(http);
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", "");
        this.sendUri = URI.create(base + "/v1/projects/" + account.projectId() + "/messages:send");
        this.tokens = new FcmAccessTokens(account, clock, http, json);
    }

    @Override
    public PushOutcome send(PushAddress address, WakeUp wakeUp) {
        if (!(address instanceof PushAddress.FcmToken fcmToken)) {
            return PushOutcome.bug("FCM gateway got a non-FCM address");
        }
        String body = FcmMessage.json(json, fcmToken.token(), wakeUp, clock.instant());
        for (int attempt = 0; ; attempt++) {
            String accessToken;
            try {
                accessToken = tokens.get();
            } catch (FcmAccessTokens.Unavailable e) {
                return e.outcome();
            }
            HttpResponse<String> response;
            try {
                response = http.send(request(accessToken, body), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return PushOutcome.retry("fcm network error: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return PushOutcome.retry("fcm send interrupted");
            }
            FcmErrors.Parsed error = FcmErrors.parse(json, response.statusCode() == 200 ? null : response.body());
            if (response.statusCode() == 401 && attempt == 0 && !"THIRD_PARTY_AUTH_ERROR".equals(error.errorCode())) {
                tokens.invalidate(accessToken);
                continue;
            }
            return FcmErrors.classify(response.statusCode(), error, RetryAfter.from(response.headers(), clock));
        }
    }

    private HttpRequest request(String accessToken, String body) {
        return HttpRequest.newBuilder(sendUri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
