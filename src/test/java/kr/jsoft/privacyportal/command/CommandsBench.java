package kr.jsoft.privacyportal.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kr.jsoft.privacyportal.PortalServer;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.device.DeviceKeys;
import kr.jsoft.privacyportal.device.DeviceRequestSigner;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.push.P256Keys;
import kr.jsoft.privacyportal.testing.TestDevice;

/**
 * Benchmark (bench/commands.sh; not part of {@code verify}): a portal in this JVM on H2, N devices
 * registered through the device API, one NOTIFY each. The devices and their Web Push service run
 * in a second process ({@link DeviceFarm}), so the portal's CPU is measured on its own: it decrypts
 * every wake-up with that device's own subscription key and, in phase 2, lets the device react as
 * the app does (signed check-in, the command's signature verified from the JWKS, a signed COMPLETED
 * receipt). Reports wake-ups per second, command creation → COMPLETED receipt (median, p99), and
 * CPU per command for the portal process and for the device process.
 */
public final class CommandsBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Warm-up rounds at most, and the JIT compilers' share of the machine that ends them earlier. */
    private static final int WARM_UP_ROUNDS = 30;
    private static final double QUIET_JIT = 0.05;

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path root = Files.createTempDirectory("commands-bench");
        Map<String, String> env = new HashMap<>();
        env.put("PORTAL_PORT", "0");
        env.put("PORTAL_DATA_DIR", root.resolve("data").toString());
        env.put("PORTAL_KEY_DIR", root.resolve("keys").toString());
        env.put("PORTAL_PUSH_ALLOW_PRIVATE_ENDPOINTS", "true");
        env.put("PORTAL_SMS_LIMIT_PER_ADDRESS", "100000");
        env.put("PORTAL_SMS_DAILY_BUDGET", "10000000");
        env.put("PORTAL_DB_POOL_SIZE", "40");
        env.put("PORTAL_PUSH_WORKERS", System.getProperty("bench.pushWorkers", "32"));
        PortalServer portal = PortalServer.create(Settings.fromEnvironment(env), Clock.systemUTC());
        portal.start();
        kr.jsoft.privacyportal.testing.BenchWriteDelay.apply(portal.database());
        URI base = URI.create("http://127.0.0.1:" + portal.port() + "/");
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
        SecureRandom random = new SecureRandom();

        Farm farm = Farm.start(base);
        String pushBase = "http://127.0.0.1:" + farm.pushPort() + "/push/";

        System.out.printf("Registering %d devices through the device API…%n", devices);
        long registerStart = System.nanoTime();
        ExecutorService registrars = Executors.newFixedThreadPool(4);
        List<Future<String>> registered = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            int n = i;
            registered.add(registrars.submit(() -> register(http, base, portal, n, pushBase, random)));
        }
        List<UUID> ids = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (Future<String> f : registered) {
            String row = f.get();
            rows.add(row);
            ids.add(UUID.fromString(row.substring(0, row.indexOf('\t'))));
        }
        registrars.shutdown();
        Path deviceFile = root.resolve("devices.tsv");
        Files.write(deviceFile, rows);
        farm.ask("load " + deviceFile, "loaded");
        System.out.printf("Registered in %.1f s%n", (System.nanoTime() - registerStart) / 1e9);

        Commands commands = portal.commands().commands();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // Warm-up (not measured): half of the devices (at most 5,000) go through the whole round trip,
        // in rounds, until the JIT compilers of both processes are nearly idle (under 5% of the machine
        // during a round), as in a portal that has been running for a while. One round was not enough
        // on two cores: the compilers still took a third of the machine during phase 1.
        int warmUp = Math.min(5_000, Math.max(1, devices / 2));
        long warmUpStart = System.nanoTime();
        farm.ask("react", "reacting");
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            long roundStart = System.nanoTime();
            long jitStart = ThreadCpu.jitNanos() + farm.jitNanos();
            String reference = "bench-warm-up-" + round;
            queue(portal, commands, ids.subList(0, warmUp), reference);
            while (count(portal, "select count(c) from DeviceCommand c where c.reference = '" + reference + "'"
                    + " and c.state = kr.jsoft.privacyportal.command.CommandState.COMPLETED") < warmUp
                    && System.nanoTime() - roundStart < TimeUnit.MINUTES.toNanos(10)) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            double roundSeconds = (System.nanoTime() - roundStart) / 1e9;
            double jitShare = (ThreadCpu.jitNanos() + farm.jitNanos() - jitStart) / 1e9
                    / roundSeconds / Runtime.getRuntime().availableProcessors();
            System.out.printf("Warm-up round %d: %d commands end to end in %.1f s; JIT compilers %.0f%% of the"
                    + " machine%n", round, warmUp, roundSeconds, 100 * jitShare);
            // At least two rounds; a negative share means a compiler thread ended (its time is gone), not quiet.
            if (round >= 2 && jitShare >= 0 && jitShare < QUIET_JIT) {
                break;
            }
        }
        farm.ask("quiet", "quiet");
        System.out.printf("Warm-up: %.1f s%n", (System.nanoTime() - warmUpStart) / 1e9);
        // Phase 1: wake-ups only. The push service decrypts and answers 201; the devices do not react.
        double load = os.getSystemLoadAverage();
        Map<String, Long> threadsStart = ThreadCpu.snapshot();
        long machineStart = machineBusyNanos();
        long cpuStart = os.getProcessCpuTime();
        farm.mark();
        long farmStart = farm.cpuNanos();
        long start = System.nanoTime();
        queue(portal, commands, ids, "bench-wake");
        long woken;
        do {
            TimeUnit.MILLISECONDS.sleep(100);
            woken = count(portal, "select count(c) from DeviceCommand c where c.reference = 'bench-wake' and c.wakeUps > 0");
        } while (woken < devices && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(10));
        long wakeCpu = os.getProcessCpuTime() - cpuStart;
        Map<String, Long> wakeThreads = ThreadCpu.since(threadsStart);
        long wakeFarmCpu = farm.cpuNanos() - farmStart;
        long wakeMachine = machineBusyNanos() - machineStart;
        double wakeWall = (System.nanoTime() - start) / 1e9;
        Object[] span = portal.database().fromTransaction(s -> s.createSelectionQuery(
                "select min(c.createdAt), max(c.lastPushAt), sum(c.wakeUps) from DeviceCommand c"
                        + " where c.reference = 'bench-wake'", Object[].class).getSingleResult());
        double wakeSeconds = Math.max(0.001, Duration.between((Instant) span[0], (Instant) span[1]).toMillis() / 1000.0);
        long delivered = count(portal, "select count(c) from DeviceCommand c where c.reference = 'bench-wake'"
                + " and c.state = kr.jsoft.privacyportal.command.CommandState.WOKEN");
        System.out.printf("%nPhase 1, wake-ups only: %d commands woken (%d delivered) in %.2f s from the first"
                + " creation to the last push = %.0f wake-ups/s%n", woken, delivered, wakeSeconds, woken / wakeSeconds);
        System.out.printf("  CPU per wake-up: portal process %.2f ms (creating and signing the command included),"
                + " push service process %.2f ms (decryption); load average %.2f at the start, %.2f at the end%n",
                wakeCpu / 1e6 / devices, wakeFarmCpu / 1e6 / devices, load, os.getSystemLoadAverage());
        System.out.println(ThreadCpu.perCommand("portal", wakeThreads, wakeCpu, devices));
        System.out.println(ThreadCpu.perCommand("device process", farm.since(), wakeFarmCpu, devices));
        printOthers(wakeMachine, wakeCpu, wakeFarmCpu, wakeWall);
        // Out of the way of phase 2 (their next wake-up would be due in a minute).
        portal.database().inTransaction(s -> s.createMutationQuery("update DeviceCommand c set c.state ="
                + " kr.jsoft.privacyportal.command.CommandState.EXPIRED, c.nextWakeAt = null"
                + " where c.reference = 'bench-wake'").executeUpdate());

        // Phase 2: end to end. Every wake-up makes the device check in, verify and sign a COMPLETED receipt.
        farm.ask("react", "reacting");
        load = os.getSystemLoadAverage();
        threadsStart = ThreadCpu.snapshot();
        machineStart = machineBusyNanos();
        cpuStart = os.getProcessCpuTime();
        farm.mark();
        farmStart = farm.cpuNanos();
        start = System.nanoTime();
        queue(portal, commands, ids, "bench");
        long completed;
        do {
            TimeUnit.MILLISECONDS.sleep(100);
            completed = count(portal, "select count(c) from DeviceCommand c where c.reference = 'bench'"
                    + " and c.state = kr.jsoft.privacyportal.command.CommandState.COMPLETED");
        } while (completed < devices && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(20));
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuNanos = os.getProcessCpuTime() - cpuStart;
        Map<String, Long> endToEndThreads = ThreadCpu.since(threadsStart);
        long farmNanos = farm.cpuNanos() - farmStart;
        long machineNanos = machineBusyNanos() - machineStart;
        List<Object[]> finished = portal.database().fromTransaction(s -> s.createSelectionQuery(
                "select c.createdAt, c.finishedAt from DeviceCommand c where c.reference = 'bench'"
                        + " and c.state = kr.jsoft.privacyportal.command.CommandState.COMPLETED", Object[].class)
                .getResultList());
        List<Long> latencies = finished.stream()
                .map(r -> Duration.between((Instant) r[0], (Instant) r[1]).toMillis()).sorted().toList();
        System.out.printf("Phase 2, end to end: %d of %d NOTIFY completed in %.2f s (%.0f commands/s), %d reaction"
                + " failures%n", completed, devices, seconds, completed / seconds, farm.failures());
        if (!latencies.isEmpty()) {
            System.out.printf("  creation -> COMPLETED receipt: median %d ms, p99 %d ms, max %d ms%n",
                    latencies.get(latencies.size() / 2), latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1),
                    latencies.get(latencies.size() - 1));
        }
        System.out.printf("  CPU per command: portal process %.2f ms (signing the command, wake-up, verifying check-in"
                + " and receipt), device process %.2f ms (push service and simulated devices); %d cores; load"
                + " average %.2f at the start, %.2f at the end%n", cpuNanos / 1e6 / devices, farmNanos / 1e6 / devices,
                Runtime.getRuntime().availableProcessors(), load, os.getSystemLoadAverage());
        System.out.println(ThreadCpu.perCommand("portal", endToEndThreads, cpuNanos, devices));
        System.out.println(ThreadCpu.perCommand("device process", farm.since(), farmNanos, devices));
        printOthers(machineNanos, cpuNanos, farmNanos, seconds);
        farm.quit();
        portal.stop();
        System.exit(0);
    }

    /** Busy CPU time of the whole machine (all processes) from /proc/stat, or -1 where there is none. */
    private static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * 10_000_000L; // clock ticks of 10 ms
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The load average counts this benchmark's own busy threads; what other processes took from
     * the machine during the phase is what tells whether it was shared.
     */
    private static void printOthers(long machineNanos, long portalNanos, long farmNanos, double seconds) {
        if (machineNanos < 0) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("  machine: %.0f%% of %d cores busy; portal %.0f%%, device process %.0f%%, other processes"
                        + " %.0f%%%n", 100 * machineNanos / 1e9 / seconds / cores, cores,
                100 * portalNanos / 1e9 / seconds / cores, 100 * farmNanos / 1e9 / seconds / cores,
                100 * Math.max(0, machineNanos - portalNanos - farmNanos) / 1e9 / seconds / cores);
    }

    /** The device process, driven line by line. */
    private record Farm(Process process, BufferedReader out, PrintWriter in, int pushPort) {
        static Farm start(URI portal) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path")));
            // e.g. -Dbench.farmJvmArgs=-XX:StartFlightRecording=filename=farm.jfr to profile the device side.
            String extra = System.getProperty("bench.farmJvmArgs", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            String logback = System.getProperty("logback.configurationFile");
            if (logback != null) {
                command.add("-Dlogback.configurationFile=" + logback);
            }
            command.addAll(List.of(DeviceFarm.class.getName(), portal.toString()));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            PrintWriter in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            String first = out.readLine();
            while (first != null && first.startsWith("[")) {
                first = out.readLine(); // the JVM's own start-up lines (-Xlog, JFR)
            }
            if (first == null || !first.startsWith("push ")) {
                throw new IllegalStateException("device process did not start: " + first);
            }
            return new Farm(process, out, in, Integer.parseInt(first.substring(5)));
        }

        String ask(String line, String answerPrefix) throws IOException {
            in.println(line);
            for (String answer = out.readLine(); answer != null; answer = out.readLine()) {
                if (answer.startsWith(answerPrefix)) {
                    return answer;
                }
            }
            throw new IllegalStateException("device process ended");
        }

        long cpuNanos() throws IOException {
            return Long.parseLong(ask("cpu", "cpu ").split(" ")[1]);
        }

        /** Starts the device process's CPU accounting by thread group. */
        void mark() throws IOException {
            ask("mark", "marked");
        }

        /** The device process's CPU by thread group since {@link #mark()}. */
        Map<String, Long> since() throws IOException {
            return ThreadCpu.decode(ask("since", "since ").substring(6));
        }

        /** CPU nanoseconds of the device process's JIT compilers so far. */
        long jitNanos() throws IOException {
            return Long.parseLong(ask("jit", "jit ").substring(4));
        }

        long failures() throws IOException {
            return Long.parseLong(ask("cpu", "cpu ").split(" ")[3]);
        }

        void quit() throws InterruptedException {
            in.println("quit");
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroy();
        }
    }

    private static void queue(PortalServer portal, Commands commands, List<UUID> ids, String reference) {
        for (int from = 0; from < ids.size(); from += 50) {
            List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + 50));
            portal.database().inTransaction(session -> batch.forEach(id -> commands.notify(session, id,
                    new Notice("bench", "Benchmark notice"), reference, Duration.ofDays(1))));
        }
    }

    private static long count(PortalServer portal, String hql) {
        return portal.database().fromTransaction(s -> s.createSelectionQuery(hql, Long.class).getSingleResult());
    }

    /**
     * Registers device {@code n} with its own device key and its own Web Push subscription key, as
     * real devices have; returns its row for the device process.
     */
    private static String register(HttpClient http, URI base, PortalServer portal, int n, String pushBase,
                                   SecureRandom random) throws Exception {
        String privateKey = DeviceKeys.generatePrivateKey(PublicJwk.Type.EC_P256);
        KeyPair subscription = P256Keys.generate(random);
        byte[] auth = new byte[16];
        random.nextBytes(auth);
        String number = String.format("010-%04d-%04d", 2000 + n / 10_000, n % 10_000);
        ObjectNode body = JSON.createObjectNode();
        body.put("phoneNumber", number).put("platform", "android").put("appVersion", "3.2.1");
        ObjectNode address = body.putObject("pushAddress").put("type", "webpush")
                .put("endpoint", pushBase + n);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        address.putObject("keys")
                .put("p256dh", b64.encodeToString(P256Keys.encode((ECPublicKey) subscription.getPublic())))
                .put("auth", b64.encodeToString(auth));
        body.set("publicKey", JSON.readTree(DeviceKeys.publicKeyOf(privateKey)));
        HttpResponse<String> started = DeviceFarm.post(http, base, "/api/v1/devices", body.toString(), null);
        if (started.statusCode() != 201) {
            throw new IllegalStateException("registration " + started.statusCode() + " " + started.body());
        }
        String id = JSON.readTree(started.body()).get("deviceId").asText();
        DeviceRequestSigner signer = new DeviceRequestSigner(privateKey, id, Clock.systemUTC());
        String code = TestDevice.codeIn(portal.devices().smsInbox().orElseThrow().latestTo(number).orElseThrow().text());
        String confirm = "{\"code\":\"" + code + "\"}";
        String path = "/api/v1/devices/" + id + "/confirmation";
        HttpResponse<String> confirmed = DeviceFarm.post(http, base, path, confirm,
                signer.sign("POST", path, confirm.getBytes(StandardCharsets.UTF_8)));
        if (confirmed.statusCode() != 200) {
            throw new IllegalStateException("confirmation " + confirmed.statusCode() + " " + confirmed.body());
        }
        byte[] scalar = new byte[32];
        byte[] s = ((ECPrivateKey) subscription.getPrivate()).getS().toByteArray();
        int length = Math.min(s.length, 32);
        System.arraycopy(s, s.length - length, scalar, 32 - length, length);
        return String.join("\t", id, "/push/" + n, privateKey.replace("\n", ""), b64.encodeToString(scalar),
                b64.encodeToString(auth));
    }
}
