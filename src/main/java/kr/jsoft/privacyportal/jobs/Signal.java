package kr.jsoft.privacyportal.jobs;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a {@link Worker} right after a commit that gave it work, so the next step runs within
 * moments instead of at the next sweep. Only a hint: the work itself is in the database. Raises
 * while the worker is busy fold into one.
 */
public final class Signal {
    private final Semaphore permit = new Semaphore(0);

    public void raise() {
        if (permit.availablePermits() == 0) {
            permit.release();
        }
    }

    /** Waits for a raise or until {@code max} has passed; true if raised. */
    boolean await(Duration max) throws InterruptedException {
        boolean raised = permit.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS);
        permit.drainPermits();
        return raised;
    }
}
