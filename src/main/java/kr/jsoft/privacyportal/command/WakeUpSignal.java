package kr.jsoft.privacyportal.command;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the dispatcher right after a transaction that queued commands commits, so a new command's
 * first push leaves within moments instead of at the next periodic sweep. Only a hint: the work
 * itself is in the database.
 */
public final class WakeUpSignal {
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
