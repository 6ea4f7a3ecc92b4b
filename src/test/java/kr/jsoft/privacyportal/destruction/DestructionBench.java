package kr.jsoft.privacyportal.destruction;

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
import kr.jsoft.privacyportal.push.P256Keys;
import kr.jsoft.privacyportal.push.WebPushDecryption;
import kr.jsoft.privacyportal.simulator.CommandVerifier;
import kr.jsoft.privacyportal.testing.TestDevice;
import kr.jsoft.privacyportal.web.Lang;

/**
 * Benchmark (bench/destruction.sh; not part of {@code verify}): a portal in this JVM on H2 and
 * simulated devices that behave as the app does — a local Web Push service (127.0.0.1) decrypts
 * each wake-up, the device checks in over the signed API, verifies each command from the JWKS,
 * answers APPROVE_REQUEST (the first device of a number approves, the second leaves it) and carries
 * out WIPE_APP_DATA with signed STARTED and COMPLETED receipts.
 *
 * <p>(a) N requests one after another on the website service, each for a number with two online
 * devices: approval → last COMPLETED receipt (median, p99), and approval → certificate.
 * (b) A burst of M in-app requests (approved by the device's signature) over 2·M devices: time
 * until all complete, wipes per second, process CPU per wipe, and a count that none was lost.
 */
public final class DestructionBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Device(String id, DeviceRequestSigner signer, boolean approves, Object lock) {
    }

    public static void main(String[] args) throws Exception {
        int sequential = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path root = Files.createTempDirectory("destruction-bench");
        Map<String, String> env = new HashMap<>();
        env.put("PORTAL_PORT", "0");
        env.put("PORTAL_DATA_DIR", root.resolve("data").toString());
        env.put("PORTAL_KEY_DIR", root.resolve("keys").toString());
        env.put("PORTAL_PUSH_ALLOW_PRIVATE_ENDPOINTS", "true");
        env.put("PORTAL_SMS_LIMIT_PER_ADDRESS", "100000");
        env.put("PORTAL_SMS_DAILY_BUDGET", "10000000");
        env.put("PORTAL_DESTRUCTION_LIMIT_PER_ADDRESS", "100000");
        env.put("PORTAL_DB_POOL_SIZE", "40");
        env.put("PORTAL_PUSH_WORKERS", "32");
        PortalServer portal = PortalServer.create(Settings.fromEnvironment(env), Clock.systemUTC());
        portal.start();
        kr.jsoft.privacyportal.testing.BenchWriteDelay.apply(portal.database());
        URI base = URI.create("http://127.0.0.1:" + portal.port() + "/");
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
        SecureRandom random = new SecureRandom();

        KeyPair subscription = P256Keys.generate(random);
        byte[] auth = new byte[16];
        random.nextBytes(auth);
        WebPushDecryption decryption = new WebPushDecryption((ECPrivateKey) subscription.getPrivate(), auth);
        Map<String, Device> byEndpoint = new ConcurrentHashMap<>();
        ExecutorService reactions = Executors.newFixedThreadPool(32);
        CommandVerifier verifier = new CommandVerifier(() -> jwks(http, base), Clock.systemUTC());
        AtomicInteger failures = new AtomicInteger();
        HttpServer pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        pushService.setExecutor(Executors.newFixedThreadPool(16));
        pushService.createContext("/push/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String payload = new String(decryption.decrypt(body), StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
            Device device = byEndpoint.get(exchange.getRequestURI().getPath());
            if (device != null && payload.equals("{\"t\":\"sync\"}")) {
                reactions.submit(() -> react(http, base, verifier, device, failures));
            }
        });
        pushService.start();
        String pushBase = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/";
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        DestructionIntake intake = portal.destruction().intake();

        // (a) one after another, each number with two online devices
        System.out.printf("(a) registering %d devices…%n", 2 * sequential);
        List<String> numbers = new ArrayList<>();
        ExecutorService registrars = Executors.newFixedThreadPool(4);
        List<Future<Device>> pending = new ArrayList<>();
        for (int i = 0; i < sequential; i++) {
            String number = String.format("010-%04d-%04d", 3000, i);
            numbers.add(number);
            for (int d = 0; d < 2; d++) {
                boolean approves = d == 0;
                int n = 2 * i + d;
                pending.add(registrars.submit(() -> register(http, base, portal, number, "a" + n, pushBase,
                        subscription, auth, byEndpoint, approves)));
            }
        }
        for (Future<Device> f : pending) {
            f.get();
        }
        List<Long> toLastReceipt = new ArrayList<>();
        List<Long> toCertificate = new ArrayList<>();
        for (String number : numbers) {
            DestructionViews.Submitted submitted = intake.requestOnWebsite(number, "", Lang.EN, "192.0.2.1");
            long start = System.nanoTime();
            Object[] row;
            do {
                TimeUnit.MILLISECONDS.sleep(5);
                row = finished(portal, submitted.id());
            } while (row == null && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60));
            if (row == null) {
                System.out.println("request " + submitted.reference() + " did not complete within 60 s");
                continue;
            }
            toLastReceipt.add(Duration.between((Instant) row[0], (Instant) row[2]).toMillis());
            toCertificate.add(Duration.between((Instant) row[0], (Instant) row[1]).toMillis());
        }
        report("(a) approval -> last COMPLETED receipt", toLastReceipt, sequential);
        report("(a) approval -> certificate (device records erased, request complete)", toCertificate, sequential);

        // (b) a burst of in-app requests over 2·M devices
        System.out.printf("%n(b) registering %d devices…%n", 2 * burst);
        long registerStart = System.nanoTime();
        List<Future<Device>> burstDevices = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            String number = String.format("010-%04d-%04d", 4000 + i / 10_000, i % 10_000);
            for (int d = 0; d < 2; d++) {
                int n = 2 * i + d;
                burstDevices.add(registrars.submit(() -> register(http, base, portal, number, "b" + n, pushBase,
                        subscription, auth, byEndpoint, false)));
            }
        }
        List<UUID> askers = new ArrayList<>();
        for (int i = 0; i < burstDevices.size(); i++) {
            Device device = burstDevices.get(i).get();
            if (i % 2 == 0) {
                askers.add(UUID.fromString(device.id()));
            }
        }
        registrars.shutdown();
        System.out.printf("registered in %.1f s%n", (System.nanoTime() - registerStart) / 1e9);
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<UUID> requests = new ArrayList<>();
        for (UUID asker : askers) {
            requests.add(intake.requestFromDevice(asker, null, Lang.EN).orElseThrow().id());
        }
        double submitSeconds = (System.nanoTime() - start) / 1e9;
        long done;
        do {
            TimeUnit.MILLISECONDS.sleep(100);
            done = count(portal, "select count(r) from DestructionRequest r where r.state ="
                    + " kr.jsoft.privacyportal.destruction.RequestState.COMPLETED and r.origin ="
                    + " kr.jsoft.privacyportal.destruction.Origin.APP");
        } while (done < burst && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = os.getProcessCpuTime() - cpuStart;
        long wiped = count(portal, "select count(d) from DestructionDevice d, DestructionRequest r where"
                + " d.requestId = r.id and r.origin = kr.jsoft.privacyportal.destruction.Origin.APP and d.wipeState ="
                + " kr.jsoft.privacyportal.destruction.WipeState.WIPED");
        long completeOutcome = count(portal, "select count(r) from DestructionRequest r where r.origin ="
                + " kr.jsoft.privacyportal.destruction.Origin.APP and r.outcome ="
                + " kr.jsoft.privacyportal.destruction.Outcome.COMPLETED");
        Instant lastReceipt = portal.database().fromTransaction(s -> s.createSelectionQuery(
                "select max(d.wipedAt) from DestructionDevice d, DestructionRequest r where d.requestId = r.id"
                        + " and r.origin = kr.jsoft.privacyportal.destruction.Origin.APP", Instant.class)
                .getSingleResult());
        System.out.printf("(b) %d in-app requests submitted in %.1f s; %d of %d complete (%d with every device"
                        + " confirmed) in %.1f s; %d of %d wipes confirmed = %.0f wipes/s; process CPU %.1f ms per wipe"
                        + " (portal + simulated devices + push service, %d cores); device reaction failures %d;"
                        + " last receipt %s%n",
                burst, submitSeconds, done, burst, completeOutcome, seconds, wiped, 2L * burst, wiped / seconds,
                cpu / 1e6 / Math.max(1, wiped), Runtime.getRuntime().availableProcessors(), failures.get(),
                lastReceipt);
        reactions.shutdownNow();
        pushService.stop(0);
        portal.stop();
        System.exit(0);
    }

    /** [approvedAt, finishedAt, last wipe receipt] once the request is complete; else null. */
    private static Object[] finished(PortalServer portal, UUID id) {
        return portal.database().fromTransaction(s -> {
            DestructionRequest r = s.find(DestructionRequest.class, id);
            if (r == null || r.state() != RequestState.COMPLETED) {
                return null;
            }
            Instant last = s.createSelectionQuery("select max(d.wipedAt) from DestructionDevice d"
                    + " where d.requestId = :id", Instant.class).setParameter("id", id).getSingleResult();
            return new Object[] {r.approvedAt(), r.finishedAt(), last};
        });
    }

    private static void report(String what, List<Long> millis, int asked) {
        List<Long> sorted = millis.stream().sorted().toList();
        if (sorted.isEmpty()) {
            System.out.println(what + ": nothing completed");
            return;
        }
        System.out.printf("%s: %d of %d, median %d ms, p99 %d ms, max %d ms%n", what, sorted.size(), asked,
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                sorted.get(sorted.size() - 1));
    }

    private static long count(PortalServer portal, String hql) {
        return portal.database().fromTransaction(s -> s.createSelectionQuery(hql, Long.class).getSingleResult());
    }

    private static Device register(HttpClient http, URI base, PortalServer portal, String number, String name,
                                   String pushBase, KeyPair subscription, byte[] auth, Map<String, Device> byEndpoint,
                                   boolean approves) throws Exception {
        String privateKey = DeviceKeys.generatePrivateKey(PublicJwk.Type.EC_P256);
        ObjectNode body = JSON.createObjectNode();
        body.put("phoneNumber", number).put("platform", "android").put("appVersion", "3.2.1");
        ObjectNode address = body.putObject("pushAddress").put("type", "webpush").put("endpoint", pushBase + name);
        address.putObject("keys")
                .put("p256dh", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(P256Keys.encode((ECPublicKey) subscription.getPublic())))
                .put("auth", Base64.getUrlEncoder().withoutPadding().encodeToString(auth));
        body.set("publicKey", JSON.readTree(DeviceKeys.publicKeyOf(privateKey)));
        String code;
        String id;
        // Two devices of one number register one after the other: each needs its own SMS code.
        synchronized (number.intern()) {
            HttpResponse<String> started = post(http, base, "/api/v1/devices", body.toString(), null);
            if (started.statusCode() != 201) {
                throw new IllegalStateException("registration " + started.statusCode() + " " + started.body());
            }
            id = JSON.readTree(started.body()).get("deviceId").asText();
            code = TestDevice.codeIn(portal.devices().smsInbox().orElseThrow().latestTo(number).orElseThrow().text());
            DeviceRequestSigner signer = new DeviceRequestSigner(privateKey, id, Clock.systemUTC());
            String confirm = "{\"code\":\"" + code + "\"}";
            String path = "/api/v1/devices/" + id + "/confirmation";
            HttpResponse<String> confirmed = post(http, base, path, confirm,
                    signer.sign("POST", path, confirm.getBytes(StandardCharsets.UTF_8)));
            if (confirmed.statusCode() != 200) {
                throw new IllegalStateException("confirmation " + confirmed.statusCode() + " " + confirmed.body());
            }
            Device device = new Device(id, signer, approves, new Object());
            byEndpoint.put("/push/" + name, device);
            return device;
        }
    }

    /** What the app does on a wake-up: check in, verify each command, answer or wipe with signed receipts. */
    private static void react(HttpClient http, URI base, CommandVerifier verifier, Device device,
                              AtomicInteger failures) {
        synchronized (device.lock()) {
            try {
                String path = "/api/v1/devices/" + device.id() + "/check-ins";
                String body = "{\"appVersion\":\"3.2.1\"}";
                HttpResponse<String> checkIn = post(http, base, path, body,
                        device.signer().sign("POST", path, body.getBytes(StandardCharsets.UTF_8)));
                if (checkIn.statusCode() != 200) {
                    return; // erased already: a late wake-up
                }
                for (JsonNode compact : JSON.readTree(checkIn.body()).path("commands")) {
                    CommandVerifier.Verified command = verifier.verify(compact.asText(), device.id());
                    switch (command.kind()) {
                        case "APPROVE_REQUEST" -> {
                            if (device.approves()) {
                                receipt(http, base, device, command, ",\"answer\":\"approve\"", "completed", failures);
                            }
                        }
                        case "WIPE_APP_DATA" -> {
                            receipt(http, base, device, command, "", "started", failures);
                            receipt(http, base, device, command, ",\"counts\":{\"contacts\":25,\"cardImages\":3}",
                                    "completed", failures);
                        }
                        default -> receipt(http, base, device, command, "", "completed", failures);
                    }
                }
            } catch (Exception e) {
                if (failures.incrementAndGet() < 5) {
                    e.printStackTrace();
                }
            }
        }
    }

    private static void receipt(HttpClient http, URI base, Device device, CommandVerifier.Verified command,
                                String extra, String type, AtomicInteger failures) throws Exception {
        String path = "/api/v1/devices/" + device.id() + "/commands/" + command.id() + "/receipts";
        String receipt = "{\"type\":\"" + type + "\",\"nonce\":\"" + command.nonce() + "\"" + extra + "}";
        HttpResponse<String> answer = post(http, base, path, receipt,
                device.signer().sign("POST", path, receipt.getBytes(StandardCharsets.UTF_8)));
        if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            failures.incrementAndGet();
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
