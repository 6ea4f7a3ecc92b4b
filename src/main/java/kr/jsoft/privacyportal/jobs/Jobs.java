package kr.jsoft.privacyportal.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's background work: periodic jobs that each claim their work from the
 * database, so a job cut short by a shutdown or crash is simply picked up on the next run.
 * Managed by the Jetty server, so SIGTERM stops new runs and waits for running ones.
 */
public final class Jobs extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private final List<Job> jobs = new ArrayList<>();
    private final Duration stopTimeout;
    private ScheduledExecutorService executor;

    public Jobs(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
    }

    private record Job(String name, Duration every, Runnable work) {
    }

    /** Registers a job before start; it runs every {@code every}, never overlapping itself. */
    public void every(String name, Duration every, Runnable work) {
        if (isStarted()) {
            throw new IllegalStateException("register jobs before start");
        }
        jobs.add(new Job(name, every, work));
    }

    @Override
    protected void doStart() {
        executor = Executors.newScheduledThreadPool(Math.max(1, Math.min(jobs.size(), 4)), runnable -> {
            Thread thread = new Thread(runnable, "portal-job");
            thread.setDaemon(true);
            return thread;
        });
        for (Job job : jobs) {
            executor.scheduleWithFixedDelay(() -> run(job), job.every().toMillis(), job.every().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static void run(Job job) {
        try {
            job.work().run();
        } catch (RuntimeException e) {
            // A failed run leaves its work in the database for the next run.
            log.error("Background job {} failed; it will run again", job.name(), e);
        }
    }

    @Override
    protected void doStop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
        }
    }
}
