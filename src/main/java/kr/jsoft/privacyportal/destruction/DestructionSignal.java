package kr.jsoft.privacyportal.destruction;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the destruction worker right after a commit that gave it work (a new request, an answer,
 * a receipt), so the next step runs within moments instead of at the next sweep. Only a hint:
 * the work itself is in the database.
 */
public final class DestructionSignal {
    private final Semaphore permit = new Semaphore(0);

    public void raise() {
        if (permit.availablePermits() == 0) {
            permit.release();
        }
    }

    void await(Duration max) throws InterruptedException {
        permit.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS);
        permit.drainPermits();
    }
}
