package kr.jsoft.privacyportal.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.spec.SecretKeySpec;
import kr.jsoft.privacyportal.command.ThreadCpu;
import kr.jsoft.privacyportal.mail.MailDispatcher;
import kr.jsoft.privacyportal.subscription.NoticeFanOut;
import kr.jsoft.privacyportal.subscription.NoticeMailer;
import kr.jsoft.privacyportal.subscription.NoticeSubscriptions;
import kr.jsoft.privacyportal.subscription.RevisionNotice;
import kr.jsoft.privacyportal.subscription.SubscriberSeeder;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.web.Lang;

/**
 * A revision notice fanned out to N subscribers and sent into a local SMTP sink, once per
 * connection count. Run by {@code bench/mail-fanout.sh}; not part of {@code verify}.
 * Arguments: subscribers, SMTP port, connection counts (e.g. {@code 100000 2525 1,8}; a count may repeat,
 * each run fans out a revision of its own, e.g. {@code 8,8,8} to watch the JIT settle).
 */
public final class MailFanOutBench {
    public static void main(String[] args) throws Exception {
        int subscribers = Integer.parseInt(args[0]);
        int port = Integer.parseInt(args[1]);
        String[] connectionCounts = args[2].split(",");
        Path dir = Files.createTempDirectory("mail-bench");
        int maxConnections = 0;
        for (String c : connectionCounts) {
            maxConnections = Math.max(maxConnections, Integer.parseInt(c));
        }
        try (MailTestbed bed = new MailTestbed(dir, Map.of("PORTAL_SMTP_PORT", Integer.toString(port),
                "PORTAL_MAIL_CONNECTIONS", Integer.toString(maxConnections)))) {
            bed.stopSmtp(); // the sink given on the command line receives, not GreenMail
            kr.jsoft.privacyportal.testing.BenchWriteDelay.apply(bed.database);
            NoticeSubscriptions subscriptions = new NoticeSubscriptions(bed.database, bed.outbox, bed.rateLimiter,
                    bed.auditLog, bed.cipher, new SecretKeySpec(new byte[32], "HmacSHA256"), new SecureRandom(),
                    bed.clock, bed.erasureJournal);
            NoticeMailer mailer = new NoticeMailer(bed.outbox, bed.auditLog, bed.clock);
            NoticeFanOut fanOut = new NoticeFanOut(bed.database, bed.outbox, subscriptions, bed.auditLog, bed.clock);
            // Warm-up (not measured): the JIT compiles the hot paths on a small fan-out first, as in a
            // portal that has been running; otherwise the first measured run pays for compilation.
            // -Dbench.warmUp=N sets the size (small runs: the JIT is otherwise still compiling in the first measured run).
            int warmUp = Integer.getInteger("bench.warmUp", Math.min(10_000, Math.max(1, subscribers / 10)));
            long t0 = System.nanoTime();
            SubscriberSeeder.seed(bed.database, subscriptions, 0, warmUp, bed.clock.instant());
            send(bed, mailer, fanOut, "warm-up", maxConnections);
            System.out.printf("warm-up: %,d mails in %.1f s%n", warmUp, seconds(t0));
            t0 = System.nanoTime();
            SubscriberSeeder.seed(bed.database, subscriptions, warmUp, subscribers - warmUp, bed.clock.instant());
            System.out.printf("seeded %,d confirmed subscribers in %.1f s%n", subscribers, seconds(t0));
            for (int run = 0; run < connectionCounts.length; run++) {
                int connections = Integer.parseInt(connectionCounts[run]);
                resetPeaks();
                long start = System.nanoTime();
                Sent result = send(bed, mailer, fanOut, "bench-" + run + "-" + connections, connections);
                int enqueued = result.enqueued();
                int sent = result.sent();
                double fanOutSeconds = result.fanOutSeconds();
                double sendSeconds = seconds(result.sendStart());
                double cpuMillisPerMail = (processCpuNanos() - result.cpuStart()) / 1e6 / Math.max(sent, 1);
                long sinkStart = result.sinkStart();
                long sinkMillis = sinkCpuMillis() - sinkStart;
                double total = seconds(start);
                System.out.printf("connections=%d fan-out: %,d mails enqueued in %.1f s (%,.0f/s); sent %,d in %.1f s"
                                + " = %,.0f msg/s; end to end %,.0f msg/s; peak heap %,d MB (max %,d MB)%n",
                        connections, enqueued, fanOutSeconds, enqueued / fanOutSeconds, sent, sendSeconds,
                        sent / sendSeconds, sent / total, peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
                System.out.printf("connections=%d sending CPU: portal process %.2f ms/msg (%.0f%% of one core)%s;"
                                + " load average %.2f%n", connections, cpuMillisPerMail,
                        100 * cpuMillisPerMail * sent / 1000 / sendSeconds,
                        sinkStart < 0 ? "" : String.format(", smtp-sink %.2f ms/msg", (double) sinkMillis / sent),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                // By thread: pool-#-thread-# are the connections' workers, mail-sent-marks commits the marks.
                System.out.println(ThreadCpu.perUnit("connections=" + connections + " sending", "mail",
                        result.threadCpu(), result.processCpu(), Math.max(sent, 1)));
                if (result.postgresMillis() >= 0) {
                    // On PostgreSQL the database's work is in its server processes, on the same cores.
                    System.out.printf("connections=%d PostgreSQL server processes while sending: %.2f ms CPU/msg%n",
                            connections, (double) result.postgresMillis() / Math.max(sent, 1));
                } else {
                    System.out.printf("connections=%d database file writes while sending: %,.0f bytes per mail; %s%n",
                            connections, (double) result.bytesWritten() / Math.max(sent, 1),
                            fileInfo(bed.database));
                }
            }
        }
    }

    private record Sent(int enqueued, int sent, double fanOutSeconds, long sendStart, long cpuStart, long sinkStart,
                        Map<String, Long> threadCpu, long processCpu, long bytesWritten, long postgresMillis) {
    }

    /** Schedules one revision notice, runs its fan-out, then sends everything over {@code connections} connections. */
    private static Sent send(MailTestbed bed, NoticeMailer mailer, NoticeFanOut fanOut, String revision,
                             int connections) throws Exception {
        bed.database.inTransaction(s -> mailer.revisionScheduled(s, new RevisionNotice(revision,
                LocalDate.of(2027, 1, 1),
                Map.of(Lang.KO, "2027년 1월 개정", Lang.EN, "January 2027 revision"),
                Map.of(Lang.KO, "보관 기간이 줄어듭니다. ".repeat(10), Lang.EN, "Records are kept shorter. ".repeat(10)),
                Map.of(Lang.KO, "/ko/policy/2027-01", Lang.EN, "/en/policy/2027-01"),
                Map.of(Lang.KO, "/ko/policy/2027-01/changes", Lang.EN, "/en/policy/2027-01/changes"))));
        long start = System.nanoTime();
        int enqueued = fanOut.runDue();
        double fanOutSeconds = seconds(start);
        long sendStart = System.nanoTime();
        long writtenStart = fileBytesWritten();
        Map<String, Long> threadsStart = ThreadCpu.snapshot();
        long cpuStart = processCpuNanos();
        long sinkStart = sinkCpuMillis();
        long postgresStart = postgresCpuMillis();
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        List<Future<Integer>> done = new ArrayList<>();
        // One dispatcher with a thread per connection, as the portal runs it: their sent marks share commits.
        MailDispatcher dispatcher = bed.dispatcher();
        for (int i = 0; i < connections; i++) {
            done.add(threads.submit(dispatcher::dispatchUntilIdle));
        }
        int sent = 0;
        for (Future<Integer> f : done) {
            sent += f.get();
        }
        Map<String, Long> threadCpu = ThreadCpu.since(threadsStart); // before the workers end
        threads.shutdown();
        return new Sent(enqueued, sent, fanOutSeconds, sendStart, cpuStart, sinkStart, threadCpu,
                processCpuNanos() - cpuStart, fileBytesWritten() - writtenStart,
                bed.database.isPostgreSql() ? postgresCpuMillis() - postgresStart : -1);
    }

    /**
     * Bytes this process caused to be written to storage ({@code write_bytes} of proc(5) {@code io}; -1
     * elsewhere): the H2 file, since mail goes to a socket. Unlike CPU time it does not vary with load,
     * and H2 serializes every page a commit changed, so it tracks what each commit costs.
     */
    private static long fileBytesWritten() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("write_bytes:")) {
                    return Long.parseLong(line.substring("write_bytes:".length()).trim());
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * The H2 file's size, chunk count and how full its chunks are (H2's own {@code info.*} settings),
     * or nothing on PostgreSQL: a file that keeps growing while its chunks empty is not being compacted.
     */
    private static String fileInfo(kr.jsoft.privacyportal.persistence.Database database) {
        if (database.isPostgreSql()) {
            return "";
        }
        java.util.Map<String, String> info = new java.util.HashMap<>();
        database.fromTransaction(s -> s.createNativeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNK_COUNT', 'info.CHUNKS_FILL_RATE')", Object[].class)
                .getResultList()).forEach(row -> info.put((String) row[0], (String) row[1]));
        return String.format("H2 file %,d MB in %s chunks, %s%% of the chunks' pages live",
                Long.parseLong(info.getOrDefault("info.FILE_SIZE", "0")) >> 20, info.get("info.CHUNK_COUNT"),
                info.get("info.CHUNKS_FILL_RATE"));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The sink's CPU (user + system) from /proc when the script passes its pid, else -1. */
    private static long sinkCpuMillis() {
        String pid = System.getenv("BENCH_SINK_PID");
        if (pid == null) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of stat(5), in clock ticks of 10 ms.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU (user + system) of every PostgreSQL server process on this machine, from /proc: the
     * benchmark's database work when it runs on PostgreSQL (whatever else the server does meanwhile
     * counts too, so run it on an otherwise idle server).
     */
    private static long postgresCpuMillis() {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (!stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).equals("postgres")) {
                        continue;
                    }
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return ticks * 10;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

    static {
        // Samples heap use (live data and not yet collected garbage) every 50 ms.
        Thread sampler = new Thread(() -> {
            while (true) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                PEAK.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static void resetPeaks() {
        System.gc();
        PEAK.set(0);
    }

    private static long peakHeapMb() {
        return PEAK.get() >> 20;
    }
}
