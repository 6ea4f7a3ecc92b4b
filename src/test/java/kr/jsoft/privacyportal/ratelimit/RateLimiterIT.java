package kr.jsoft.privacyportal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.testing.MutableClock;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimiterIT {
    @TempDir
    Path dir;
    private TestDatabase testDatabase;
    private Database database;
    private final MutableClock clock = new MutableClock(PortalFixture.START);
    private RateLimiter limiter;

    @BeforeEach
    void openDatabase() {
        testDatabase = TestDatabase.create(dir);
        Map<String, String> env = testDatabase.environment(dir);
        database = Database.open(Settings.fromEnvironment(env).database(), List.copyOf(RateLimiter.ENTITIES));
        limiter = new RateLimiter(database, clock, new SecretKeySpec(new byte[32], "HmacSHA256"));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
        testDatabase.close();
    }

    @Test
    void hitsWithinTheLimitAreAllowedAndTheNextIsRefusedUntilTheWindowEnds() {
        RateLimiter.Limit threePerMinute = RateLimiter.Limit.perMinute(3);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("form.ip", "203.0.113.7", threePerMinute).allowed()).isTrue();
        }
        clock.advance(Duration.ofSeconds(20));

        RateLimiter.Decision refused = limiter.acquire("form.ip", "203.0.113.7", threePerMinute);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(40));
        clock.advance(Duration.ofSeconds(40));
        assertThat(limiter.acquire("form.ip", "203.0.113.7", threePerMinute).allowed()).isTrue();
    }

    @Test
    void firstHitsRacingOnTwoInstancesAreCountedExactlyAndQuietly() throws Exception {
        Map<String, String> env = testDatabase.environment(dir);
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        root.addAppender(log);
        try (Database other = Database.open(Settings.fromEnvironment(env).database(),
                List.copyOf(RateLimiter.ENTITIES))) {
            RateLimiter otherInstance = new RateLimiter(other, clock, new SecretKeySpec(new byte[32], "HmacSHA256"));
            RateLimiter.Limit fivePerHour = RateLimiter.Limit.perHour(5);
            int threads = 12;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<Boolean>> hits = new java.util.ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    RateLimiter instance = i % 2 == 0 ? limiter : otherInstance;
                    hits.add(pool.submit(() -> {
                        start.await();
                        return instance.acquire("race.ip", "198.51.100.77", fivePerHour).allowed();
                    }));
                }
                int allowed = 0;
                for (java.util.concurrent.Future<Boolean> hit : hits) {
                    allowed += hit.get() ? 1 : 0;
                }
                assertThat(allowed).isEqualTo(5);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list).as("no unique-key violation logged by the losing insert")
                .noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
    }

    @Test
    void subjectsAndScopesAreCountedSeparately() {
        RateLimiter.Limit onePerHour = RateLimiter.Limit.perHour(1);

        assertThat(limiter.acquire("a", "x@example.com", onePerHour).allowed()).isTrue();
        assertThat(limiter.acquire("a", "y@example.com", onePerHour).allowed()).isTrue();
        assertThat(limiter.acquire("b", "x@example.com", onePerHour).allowed()).isTrue();
        assertThat(limiter.acquire("a", "x@example.com", onePerHour).allowed()).isFalse();
    }

    @Test
    void theDatabaseHoldsOnlyKeyedHashesOfSubjects() {
        limiter.acquire("complaint.email", "someone@example.com", RateLimiter.Limit.perHour(5));

        List<String> keys = database.fromTransaction(s -> s
                .createSelectionQuery("select b.key from RateLimitBucket b", String.class).getResultList());
        assertThat(keys).singleElement().satisfies(k -> assertThat(k).startsWith("complaint.email:")
                .doesNotContain("someone", "example"));
    }

    @Test
    void expiredCountersArePurged() {
        limiter.acquire("p", "1", RateLimiter.Limit.perMinute(1));
        clock.advance(Duration.ofMinutes(2));

        assertThat(limiter.purgeExpired()).isEqualTo(1);
    }
}
