package kr.jsoft.privacyportal.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kr.jsoft.privacyportal.PortalServer;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.device.DeviceKeys;
import kr.jsoft.privacyportal.device.DeviceRequestSigner;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.device.TestDevice;
import kr.jsoft.privacyportal.push.P256Keys;
import kr.jsoft.privacyportal.push.WebPushDecryption;
import kr.jsoft.privacyportal.simulator.CommandVerifier;

/**
 * Benchmark (bench/commands.sh; not part of {@code verify}): a portal in this JVM on H2, N devices
 * registered through the device API, one NOTIFY each. A local Web Push service (127.0.0.1)
 * decrypts every wake-up and lets that device react as the app does: a signed check-in, the
 * command's signature verified from the JWKS, a signed COMPLETED receipt. Reports wake-ups per
 * second, command creation → COMPLETED receipt (median, p99) and process CPU per command.
 */
public final class CommandsBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Device(String id, DeviceRequestSigner signer) {
    }

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
        env.put("PORTAL_PUSH_WORKERS", "32");
        PortalServer portal = PortalServer.create(Settings.fromEnvironment(env), Clock.systemUTC());
        portal.start();
        URI base = URI.create("http://127.0.0.1:" + portal.port() + "/");
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
        SecureRandom random = new SecureRandom();

        // One Web Push service for all devices; they share a subscription key (decryption is still per message).
        KeyPair subscription = P256Keys.generate(random);
        byte[] auth = new byte[16];
        random.nextBytes(auth);
        WebPushDecryption decryption = new WebPushDecryption((ECPrivateKey) subscription.getPrivate(), auth);
        Map<String, Device> byEndpoint = new ConcurrentHashMap<>();
        ExecutorService reactions = Executors.newFixedThreadPool(32);
        CommandVerifier verifier = new CommandVerifier(() -> jwks(http, base), Clock.systemUTC());
        AtomicInteger failures = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean react = new java.util.concurrent.atomic.AtomicBoolean(false);
        HttpServer pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        pushService.setExecutor(Executors.newFixedThreadPool(16));
        pushService.createContext("/push/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String payload = new String(decryption.decrypt(body), StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
            Device device = byEndpoint.get(exchange.getRequestURI().getPath());
            if (react.get() && device != null && payload.equals("{\"t\":\"sync\"}")) {
                reactions.submit(() -> react(http, base, verifier, device, failures));
            }
        });
        pushService.start();
        String pushBase = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/";

        System.out.printf("Registering %d devices through the device API…%n", devices);
        long registerStart = System.nanoTime();
        ExecutorService registrars = Executors.newFixedThreadPool(4);
        List<Future<Device>> registered = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            int n = i;
            registered.add(registrars.submit(() -> register(http, base, portal, n, pushBase, subscription, auth,
                    byEndpoint)));
        }
        List<UUID> ids = new ArrayList<>();
        for (Future<Device> f : registered) {
            ids.add(UUID.fromString(f.get().id()));
        }
        registrars.shutdown();
        System.out.printf("Registered in %.1f s%n", (System.nanoTime() - registerStart) / 1e9);

        Commands commands = portal.commands().commands();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        // Phase 1: wake-ups only. The push service decrypts and answers 201; the devices do not react.
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        queue(portal, commands, ids, "bench-wake");
        long woken;
        do {
            TimeUnit.MILLISECONDS.sleep(100);
            woken = count(portal, "select count(c) from DeviceCommand c where c.reference = 'bench-wake' and c.wakeUps > 0");
        } while (woken < devices && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(10));
        long wakeCpu = os.getProcessCpuTime() - cpuStart;
        Object[] span = portal.database().fromTransaction(s -> s.createSelectionQuery(
                "select min(c.createdAt), max(c.lastPushAt), sum(c.wakeUps) from DeviceCommand c"
                        + " where c.reference = 'bench-wake'", Object[].class).getSingleResult());
        double wakeSeconds = Math.max(0.001, Duration.between((Instant) span[0], (Instant) span[1]).toMillis() / 1000.0);
        long delivered = count(portal, "select count(c) from DeviceCommand c where c.reference = 'bench-wake'"
                + " and c.state = kr.jsoft.privacyportal.command.CommandState.WOKEN");
        System.out.printf("%nPhase 1, wake-ups only: %d commands woken (%d delivered) in %.2f s from the first"
                + " creation to the last push = %.0f wake-ups/s; process CPU %.2f ms per wake-up%n",
                woken, delivered, wakeSeconds, woken / wakeSeconds, wakeCpu / 1e6 / devices);
        // Out of the way of phase 2 (their next wake-up would be due in a minute).
        portal.database().inTransaction(s -> s.createMutationQuery("update DeviceCommand c set c.state ="
                + " kr.jsoft.privacyportal.command.CommandState.EXPIRED, c.nextWakeAt = null"
                + " where c.reference = 'bench-wake'").executeUpdate());

        // Phase 2: end to end. Every wake-up makes the device check in, verify and sign a COMPLETED receipt.
        react.set(true);
        cpuStart = os.getProcessCpuTime();
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
        List<Object[]> rows = portal.database().fromTransaction(s -> s.createSelectionQuery(
                "select c.createdAt, c.finishedAt from DeviceCommand c where c.reference = 'bench'"
                        + " and c.state = kr.jsoft.privacyportal.command.CommandState.COMPLETED", Object[].class)
                .getResultList());
        List<Long> latencies = rows.stream()
                .map(r -> Duration.between((Instant) r[0], (Instant) r[1]).toMillis()).sorted().toList();
        System.out.printf("Phase 2, end to end: %d of %d NOTIFY completed in %.2f s (%.0f commands/s), %d reaction"
                + " failures%n", completed, devices, seconds, completed / seconds, failures.get());
        System.out.printf("creation -> COMPLETED receipt: median %d ms, p99 %d ms, max %d ms%n",
                latencies.get(latencies.size() / 2), latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1),
                latencies.get(latencies.size() - 1));
        System.out.printf("process CPU: %.2f ms per command (portal + simulated devices + fake push service;"
                + " %d cores)%n", cpuNanos / 1e6 / devices, Runtime.getRuntime().availableProcessors());
        reactions.shutdownNow();
        pushService.stop(0);
        portal.stop();
        System.exit(0);
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

    private static Device register(HttpClient http, URI base, PortalServer portal, int n, String pushBase,
                                   KeyPair subscription, byte[] auth, Map<String, Device> byEndpoint) throws Exception {
        String privateKey = DeviceKeys.generatePrivateKey(PublicJwk.Type.EC_P256);
        String number = String.format("010-%04d-%04d", 2000 + n / 10_000, n % 10_000);
        String endpointPath = "/push/" + n;
        ObjectNode body = JSON.createObjectNode();
        body.put("phoneNumber", number).put("platform", "android").put("appVersion", "3.2.1");
        ObjectNode address = body.putObject("pushAddress").put("type", "webpush")
                .put("endpoint", pushBase + n);
        address.putObject("keys")
                .put("p256dh", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(P256Keys.encode((ECPublicKey) subscription.getPublic())))
                .put("auth", Base64.getUrlEncoder().withoutPadding().encodeToString(auth));
        body.set("publicKey", JSON.readTree(DeviceKeys.publicKeyOf(privateKey)));
        HttpResponse<String> started = post(http, base, "/api/v1/devices", body.toString(), null);
        if (started.statusCode() != 201) {
            throw new IllegalStateException("registration " + started.statusCode() + " " + started.body());
        }
        String id = JSON.readTree(started.body()).get("deviceId").asText();
        DeviceRequestSigner signer = new DeviceRequestSigner(privateKey, id, Clock.systemUTC());
        String code = TestDevice.codeIn(portal.devices().smsInbox().orElseThrow().latestTo(number).orElseThrow().text());
        String confirm = "{\"code\":\"" + code + "\"}";
        String path = "/api/v1/devices/" + id + "/confirmation";
        HttpResponse<String> confirmed = post(http, base, path, confirm,
                signer.sign("POST", path, confirm.getBytes(StandardCharsets.UTF_8)));
        if (confirmed.statusCode() != 200) {
            throw new IllegalStateException("confirmation " + confirmed.statusCode() + " " + confirmed.body());
        }
        Device device = new Device(id, signer);
        byEndpoint.put(endpointPath, device);
        return device;
    }

    /** What the app does on a wake-up: check in, verify each command, sign the COMPLETED receipt. */
    private static void react(HttpClient http, URI base, CommandVerifier verifier, Device device,
                              AtomicInteger failures) {
        try {
            String path = "/api/v1/devices/" + device.id() + "/check-ins";
            String body = "{\"appVersion\":\"3.2.1\"}";
            HttpResponse<String> checkIn = post(http, base, path, body,
                    device.signer().sign("POST", path, body.getBytes(StandardCharsets.UTF_8)));
            for (JsonNode compact : JSON.readTree(checkIn.body()).path("commands")) {
                CommandVerifier.Verified command = verifier.verify(compact.asText(), device.id());
                String receiptPath = "/api/v1/devices/" + device.id() + "/commands/" + command.id() + "/receipts";
                String receipt = "{\"type\":\"completed\",\"nonce\":\"" + command.nonce() + "\"}";
                HttpResponse<String> answer = post(http, base, receiptPath, receipt,
                        device.signer().sign("POST", receiptPath, receipt.getBytes(StandardCharsets.UTF_8)));
                if (answer.statusCode() != 201 && answer.statusCode() != 200) {
                    failures.incrementAndGet();
                }
            }
        } catch (Exception e) {
            if (failures.incrementAndGet() < 5) {
                e.printStackTrace();
            }
        }
    }

    private static HttpResponse<String> post(HttpClient http, URI base, String path, String body, String signature)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(DeviceRequestSigner.HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JWKSet jwks(HttpClient http, URI base) {
        try {
            return JWKSet.parse(http.send(HttpRequest.newBuilder(base.resolve("/.well-known/jwks.json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
