package kr.jsoft.privacyportal.jobs;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread, managed by the Jetty lifecycle, that runs a pass over due work right after every
 * {@link Signal} and at least every {@code sweepEvery}. The work is in the database; the thread
 * only decides when to look. A failed pass is logged and retried at the next sweep.
 */
public final class Worker extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    /** One pass over the due work; long passes check {@code running} to stop promptly. */
    public interface Pass {
        void run(BooleanSupplier running);
    }

    private final String name;
    private final Signal signal;
    private final Duration sweepEvery;
    private final Duration stopTimeout;
    private final Pass pass;
    private Thread loop;
    private volatile boolean running;

    public Worker(String name, Signal signal, Duration sweepEvery, Duration stopTimeout, Pass pass) {
        this.name = name;
        this.signal = signal;
        this.sweepEvery = sweepEvery;
        this.stopTimeout = stopTimeout;
        this.pass = pass;
    }

    @Override
    protected void doStart() {
        running = true;
        loop = new Thread(this::loop, name);
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        running = false;
        signal.raise();
        loop.join(stopTimeout.toMillis());
    }

    /** True from start until a stop begins. */
    public boolean running() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                pass.run(() -> running);
            } catch (RuntimeException e) {
                log.error("{} failed; retrying at the next sweep", name, e);
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
