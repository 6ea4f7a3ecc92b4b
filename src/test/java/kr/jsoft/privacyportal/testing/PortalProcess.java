package kr.jsoft.privacyportal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's own {@code main} in a child JVM (this test's class path), so that a test can
 * kill a real process: {@link #kill} sends SIGKILL, {@link #terminate} SIGTERM. Its output goes
 * to a log file the test reads.
 */
public final class PortalProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
    private final Process process;
    private final Path log;
    private final int port;

    private PortalProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code kr.jsoft.privacyportal.Main} with exactly {@code environment} and waits until it listens; {@code log} is new. */
    public static PortalProcess start(Map<String, String> environment, Path log) throws IOException {
        return launch(List.of(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "kr.jsoft.privacyportal.Main"), environment, log);
    }

    /**
     * Starts a packaged jar the way the README does ({@code java -jar}), with {@code jvmOptions} before
     * {@code -jar}, exactly {@code environment}, and waits until it listens; {@code log} is new.
     */
    public static PortalProcess startJar(Path jar, List<String> jvmOptions, Map<String, String> environment,
                                         Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        return launch(command, environment, log);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static PortalProcess launch(List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(read(log));
            if (listening.find()) {
                return new PortalProcess(process, log, Integer.parseInt(listening.group(1)));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal did not start:\n" + read(log));
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the portal did not listen within 90 s:\n" + read(log));
    }

    public int port() {
        return port;
    }

    /** The child's operating-system process id (to read what it holds open under /proc). */
    public long pid() {
        return process.pid();
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** SIGKILL: the process ends at once, whatever it was doing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM: the portal's shutdown runs; returns the exit code. */
    public int terminate(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the portal did not stop within " + patience);
        }
        return process.exitValue();
    }

    public String log() {
        return read(log);
    }

    static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
