package kr.jsoft.privacyportal.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Wrong passwords sent all at once are evaluated no more often than the same ones sent one by one. */
class ParallelSignInIT {
    private static final int ATTEMPTS = 15;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();
    final StaffAccounts staff = new StaffAccounts(portal);

    @Test
    void parallelWrongPasswordsGetExactlyAsManyEvaluationsAsTheThrottleAllows() throws Exception {
        StaffAccounts.Login login = staff.create(Role.STAFF);
        // The clock stands still, so no delay runs out between the attempts: sequentially the free
        // failures and the one that starts the first delay are evaluated, every later one is refused.
        int limit = SignInThrottle.ACCOUNT.freeFailures() + 1;
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            attempts.add(Attempt.prepare());
        }
        CyclicBarrier start = new CyclicBarrier(ATTEMPTS);
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                Attempt attempt = attempts.get(i);
                String password = "wrong password " + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return attempt.post(login.email(), password);
                }));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(s -> s == 401).count()).as("evaluated passwords").isEqualTo(limit);
    }

    /** One visitor of its own: a cookie jar and the CSRF token its sign-in form carries. */
    private record Attempt(HttpClient http, String csrf) {
        static Attempt prepare() throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(portal.uri("/manager/sign-in")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(form.body());
            assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
            return new Attempt(http, token.group(1));
        }

        int post(String email, String password) throws Exception {
            String body = "_csrf=" + encode(csrf) + "&email=" + encode(email) + "&password=" + encode(password);
            HttpRequest request = HttpRequest.newBuilder(portal.uri("/manager/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
