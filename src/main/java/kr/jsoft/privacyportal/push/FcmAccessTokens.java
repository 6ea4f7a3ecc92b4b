package kr.jsoft.privacyportal.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * OAuth 2.0 access tokens for FCM via the JWT bearer grant (RFC 7523), cached until five minutes
 * before they expire. Thread-safe; one token request at a time.
 */
final class FcmAccessTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);
    static final Duration REFRESH_EARLY = Duration.ofMinutes(5);

    /** Why no token could be had, already classified. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient PushOutcome outcome;

        Unavailable(PushOutcome outcome) {
            super(outcome.detail(), null, false, false);
            this.outcome = outcome;
        }

        PushOutcome outcome() {
            return outcome;
        }
    }

    private final FcmServiceAccount account;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json;
    private final RSASSASigner signer;

    private String token;
    private Instant refreshAt;

    FcmAccessTokens(FcmServiceAccount account, Clock clock, HttpClient http, ObjectMapper json) {
        this.account = account;
        this.clock = clock;
        this.http = http;
        this.json = json;
        this.signer = new RSASSASigner(account.privateKey());
    }

    synchronized String get() throws Unavailable {
        if (token != null && clock.instant().isBefore(refreshAt)) {
            return token;
        }
        token = null;
        Instant now = clock.instant();
        HttpResponse<String> response = post(assertion(now));
        int status = response.statusCode();
        if (status != 200) {
            throw new Unavailable(classifyFailure(response));
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new Unavailable(PushOutcome.configError("fcm token endpoint answered non-JSON"));
        }
        JsonNode accessToken = body == null ? null : body.get("access_token");
        JsonNode expiresIn = body == null ? null : body.get("expires_in");
        if (accessToken == null || !accessToken.isTextual() || expiresIn == null || !expiresIn.canConvertToLong()) {
            throw new Unavailable(PushOutcome.configError("fcm token endpoint answered without access_token"));
        }
        token = accessToken.asText();
        refreshAt = now.plusSeconds(expiresIn.asLong()).minus(REFRESH_EARLY);
        return token;
    }

    /** Forgets {@code rejected} if it is still the cached token (after a 401 from FCM). */
    synchronized void invalidate(String rejected) {
        if (rejected.equals(token)) {
            token = null;
        }
    }

    String assertion(Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(account.clientEmail())
                .claim("scope", SCOPE)
                .audience(account.tokenUri().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(account.privateKeyId())
                .build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign FCM token assertion", e);
        }
        return jwt.serialize();
    }

    private HttpResponse<String> post(String assertion) throws Unavailable {
        String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(account.tokenUri())
                .timeout(FcmGateway.REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable(PushOutcome.retry("fcm token endpoint network error: " + e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(PushOutcome.retry("fcm token request interrupted"));
        }
    }

    private PushOutcome classifyFailure(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            return PushOutcome.retry(RetryAfter.from(response.headers(), clock), "fcm token endpoint HTTP " + status);
        }
        String error = "";
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.path("error").isTextual() && body.path("error").asText().matches("[a-z_]{1,40}")) {
                error = " " + body.path("error").asText();
            }
        } catch (IOException ignored) {
            // no OAuth error code to report
        }
        return PushOutcome.configError("fcm token endpoint HTTP " + status + error);
    }
}
