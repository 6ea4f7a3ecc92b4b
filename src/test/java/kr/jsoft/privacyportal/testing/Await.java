package kr.jsoft.privacyportal.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;

/**
 * Waits for something the portal's background threads (or another process) bring about: polls a
 * condition until it holds, and fails with what was awaited and the last value seen when it does not
 * hold in time. The time-out is a safety net on a slow, shared machine, not a measurement: a passing
 * test returns as soon as the condition holds.
 *
 * <p>Polling happens on the calling thread, so conditions may use objects that are not thread-safe
 * (an HtmlUnit browser, a test's own lists). An exception thrown by a condition fails the wait at once.
 */
public final class Await {
    /** Long enough for a loaded CI machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(20);

    private Await() {
    }

    /** Until {@code condition} holds; {@code what} names it in the failure ("every mail was sent"). */
    public static void until(String what, BooleanSupplier condition) {
        atMost(DEFAULT_TIMEOUT).until(what, condition);
    }

    /** Until {@code value} satisfies {@code condition}; returns that value. The failure shows the last one seen. */
    public static <T> T until(String what, Supplier<T> value, Predicate<? super T> condition) {
        return atMost(DEFAULT_TIMEOUT).until(what, value, condition);
    }

    /** Until {@code assertion} passes; the failure carries the last assertion error. */
    public static void untilAsserted(String what, ThrowingRunnable assertion) {
        atMost(DEFAULT_TIMEOUT).untilAsserted(what, assertion);
    }

    /** For the few waits that must outlast something slow by design, such as a dead instance's lease. */
    public static Within atMost(Duration timeout) {
        return new Within(timeout);
    }

    /** The same waits with a time-out of their own. */
    public static final class Within {
        private final Duration timeout;

        private Within(Duration timeout) {
            this.timeout = timeout;
        }

        public void until(String what, BooleanSupplier condition) {
            try {
                factory(what).until(condition::getAsBoolean);
            } catch (ConditionTimeoutException e) {
                throw timedOut(what, e);
            }
        }

        public <T> T until(String what, Supplier<T> value, Predicate<? super T> condition) {
            AtomicReference<T> last = new AtomicReference<>();
            try {
                return factory(what).until(() -> {
                    last.set(value.get());
                    return last.get();
                }, condition::test);
            } catch (ConditionTimeoutException e) {
                throw timedOut(what + "; last seen: " + last.get(), e);
            }
        }

        public void untilAsserted(String what, ThrowingRunnable assertion) {
            try {
                factory(what).untilAsserted(assertion);
            } catch (ConditionTimeoutException e) {
                throw timedOut(what, e);
            }
        }

        private AssertionError timedOut(String what, ConditionTimeoutException cause) {
            return new AssertionError("waited " + timeout.toSeconds() + " s until " + what, cause);
        }

        private ConditionFactory factory(String what) {
            return Awaitility.await(what).atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(POLL);
        }
    }
}
