package kr.jsoft.privacyportal.command;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The benchmarks' CPU accounting by thread group (thread names with digits folded: {@code portal-push-#}). */
public final class ThreadCpu {
    static final String GC = "(GC time, wall)";

    private ThreadCpu() {
    }

    /** CPU time of each live Java thread, keyed by thread id and folded name, plus the GC's wall time. */
    public static Map<String, Long> snapshot() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byId = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    byId.put(info.getThreadId() + " " + info.getThreadName().replaceAll("\\d+", "#"), cpu);
                }
            }
        }
        byId.put(GC, gcMillis() * 1_000_000);
        byId.putAll(vmThreads());
        return byId;
    }

    /** CPU time of this process's JIT compiler threads so far (Linux; 0 elsewhere). */
    static long jitNanos() {
        return vmThreads().getOrDefault("0 [JIT compiler]", 0L);
    }

    /**
     * The JVM's own threads (JIT compilers, GC, VM thread), which the management API does not show,
     * from Linux's per-thread accounting; empty elsewhere. Clock ticks of 10 ms, summed per kind.
     */
    private static Map<String, Long> vmThreads() {
        Map<String, Long> kinds = new HashMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    String kind = name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler") ? "[JIT compiler]"
                            : name.startsWith("G1 ") || name.startsWith("GC Thread") ? "[GC threads]"
                            : name.startsWith("VM ") ? "[VM thread]" : null;
                    if (kind != null) {
                        kinds.merge("0 " + kind, ticks * 10_000_000L, Long::sum);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (java.io.IOException | RuntimeException notLinux) {
            return Map.of();
        }
        return kinds;
    }

    /** CPU by thread group since {@code start}; threads that ended meanwhile are not counted. */
    public static Map<String, Long> since(Map<String, Long> start) {
        Map<String, Long> byGroup = new TreeMap<>();
        byGroup.put(GC, gcMillis() * 1_000_000 - start.getOrDefault(GC, 0L));
        snapshot().forEach((key, cpu) -> {
            if (!key.startsWith("(")) {
                byGroup.merge(key.substring(key.indexOf(' ') + 1), cpu - start.getOrDefault(key, 0L), Long::sum);
            }
        });
        return byGroup;
    }

    /**
     * One line: the groups' CPU per command, the remainder of {@code processNanos} being the JIT
     * compiler, GC and the VM.
     */
    static String perCommand(String title, Map<String, Long> groups, long processNanos, int devices) {
        return perUnit(title, "command", groups, processNanos, devices);
    }

    /** As {@link #perCommand}, per {@code unit} (e.g. "mail"). */
    public static String perUnit(String title, String unit, Map<String, Long> groups, long processNanos, int devices) {
        Map<String, Long> copy = new TreeMap<>(groups);
        long gc = copy.remove(GC);
        long java = copy.entrySet().stream().filter(e -> !e.getKey().startsWith("["))
                .mapToLong(Map.Entry::getValue).sum();
        StringBuilder line = new StringBuilder("  " + title + " CPU per " + unit + " by thread:");
        copy.entrySet().stream().filter(e -> e.getValue() >= 0.01e6 * devices && !e.getKey().startsWith("["))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(" %s %.2f ms,", e.getKey(), e.getValue() / 1e6 / devices)));
        line.append(String.format(" JIT compiler + GC + VM %.2f ms (GC pauses %.2f ms wall", (processNanos - java) / 1e6
                / devices, gc / 1e6 / devices));
        copy.entrySet().stream().filter(e -> e.getKey().startsWith("[")).forEach(e -> line.append(String.format(
                "; %s %.2f ms", e.getKey().substring(1, e.getKey().length() - 1), e.getValue() / 1e6 / devices)));
        line.append(")");
        return line.toString();
    }

    /** {@code name=nanos;…} for the device process's answers. */
    static String encode(Map<String, Long> groups) {
        StringBuilder out = new StringBuilder();
        groups.forEach((name, nanos) -> out.append(out.length() == 0 ? "" : ";").append(name.replace(' ', '_'))
                .append('=').append(nanos));
        return out.toString();
    }

    static Map<String, Long> decode(String encoded) {
        Map<String, Long> groups = new TreeMap<>();
        for (String pair : encoded.split(";")) {
            int eq = pair.lastIndexOf('=');
            groups.put(pair.substring(0, eq).replace('_', ' '), Long.parseLong(pair.substring(eq + 1)));
        }
        return groups;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
