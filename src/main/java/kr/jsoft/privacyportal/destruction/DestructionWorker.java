package kr.jsoft.privacyportal.destruction;

import java.time.Duration;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link DestructionProcess#runDue()} on its own thread, managed by the Jetty lifecycle:
 * right after every commit that gives it work ({@link DestructionSignal}) and at least every
 * {@code sweepEvery}. The work is in the database; this thread only decides when to look.
 */
public final class DestructionWorker extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(DestructionWorker.class);

    private final DestructionProcess process;
    private final DestructionSignal signal;
    private final Duration sweepEvery;
    private final Duration stopTimeout;
    private Thread loop;
    private volatile boolean running;

    public DestructionWorker(DestructionProcess process, DestructionSignal signal, Duration sweepEvery, Duration stopTimeout) {
        this.process = process;
        this.signal = signal;
        this.sweepEvery = sweepEvery;
        this.stopTimeout = stopTimeout;
    }

    @Override
    protected void doStart() {
        running = true;
        loop = new Thread(this::loop, "portal-destruction");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        running = false;
        signal.raise();
        loop.join(stopTimeout.toMillis());
    }

    private void loop() {
        while (running) {
            try {
                while (running && process.runDue() > 0) {
                    // More may have become due while this pass ran (a wipe confirmed, a device erased).
                }
            } catch (RuntimeException e) {
                log.error("Destruction step failed; retrying at the next sweep", e);
            }
            try {
                signal.await(sweepEvery);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
