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
 *
 * <p>Every instance of the portal runs the same jobs on one database. A job registered with
 * {@link #every} runs on each of them (idempotent purges); one registered with {@link #exclusive}
 * first takes a lease in {@code job_lease} and is skipped while another instance holds it.
 * ARCHITECTURE.md lists every job and what makes it safe with several instances.
 */
public final class Jobs extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private final List<Job> jobs = new ArrayList<>();
    private final Duration stopTimeout;
    private final JobLeases leases;
    private ScheduledExecutorService executor;

    public Jobs(Duration stopTimeout, JobLeases leases) {
        this.stopTimeout = stopTimeout;
        this.leases = leases;
    }

    private record Job(String name, Duration every, boolean exclusive, Runnable work) {
    }

    /**
     * Registers a job before start; it runs every {@code every} on every instance, never
     * overlapping itself. For work that is safe to do twice at once (deleting expired rows).
     */
    public void every(String name, Duration every, Runnable work) {
        register(new Job(name, every, false, work));
    }

    /**
     * As {@link #every}, but a run happens only on the instance that takes the job's lease
     * ({@link JobLeases#lease()}, renewed while the run goes on); the others skip that turn. For
     * work whose rows are audited or mailed.
     */
    public void exclusive(String name, Duration every, Runnable work) {
        register(new Job(name, every, true, work));
    }

    private void register(Job job) {
        if (isStarted()) {
            throw new IllegalStateException("register jobs before start");
        }
        jobs.add(job);
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

    private void run(Job job) {
        try {
            if (!job.exclusive()) {
                job.work().run();
            } else if (leases.tryAcquire("job:" + job.name(), leases.lease())) {
                try (JobLeases.Renewal renewal = leases.keepAlive(() -> leases.renew("job:" + job.name()))) {
                    job.work().run();
                } finally {
                    leases.release("job:" + job.name());
                }
            }
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
