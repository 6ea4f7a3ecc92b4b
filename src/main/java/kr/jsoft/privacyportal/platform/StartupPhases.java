package kr.jsoft.privacyportal.platform;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * How long each phase of start-up took, for one INFO line when the portal listens: a start-up that
 * grows slower shows it in every log, with the phase to blame. The total counts from the JVM's own
 * start, so class loading before {@code main} is in it too. Phases may run on several threads at once
 * (then their durations overlap and add up to more than the total).
 */
public final class StartupPhases {
    private final Clock clock;
    private final Instant processStart;
    private final List<Phase> phases = new ArrayList<>();

    /** One phase and how long it took. */
    public record Phase(String name, Duration duration) {
    }

    public StartupPhases(Clock clock, Instant processStart) {
        this.clock = clock;
        this.processStart = processStart;
    }

    /** Phases of this process, counted from the JVM's start (a wall clock: a test's fixed clock would say 0). */
    public static StartupPhases sinceJvmStart() {
        return new StartupPhases(Clock.systemUTC(),
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    /** Runs {@code work} as the phase {@code name} and returns its result. */
    public <T> T time(String name, Supplier<T> work) {
        Instant begun = clock.instant();
        try {
            return work.get();
        } finally {
            recordSince(name, begun);
        }
    }

    /** Runs {@code work} as the phase {@code name}. */
    public void run(String name, Runnable work) {
        time(name, () -> {
            work.run();
            return null;
        });
    }

    /** Now, on this record's clock: the beginning of a phase {@link #recordSince} ends. */
    public Instant now() {
        return clock.instant();
    }

    /** Records the phase {@code name} as having begun at {@code begun} and ended now. */
    public void recordSince(String name, Instant begun) {
        record(name, Duration.between(begun, clock.instant()));
    }

    /** Records a phase timed elsewhere (from another thread, too). */
    public synchronized void record(String name, Duration duration) {
        phases.add(new Phase(name, duration));
    }

    public synchronized List<Phase> phases() {
        return List.copyOf(phases);
    }

    /** Time from the JVM's start to now. */
    public Duration sinceStart() {
        return Duration.between(processStart, clock.instant());
    }

    /** {@code Started in 2.41 s since the JVM started: keys 31 ms, database 1.10 s, …}, phases in the order they ended. */
    public String summary() {
        StringJoiner parts = new StringJoiner(", ", "Started in " + format(sinceStart()) + " since the JVM started: ", "");
        for (Phase phase : phases()) {
            parts.add(phase.name() + " " + format(phase.duration()));
        }
        return parts.toString();
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
