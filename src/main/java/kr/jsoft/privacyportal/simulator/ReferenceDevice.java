package kr.jsoft.privacyportal.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import kr.jsoft.privacyportal.device.DeviceKeys;
import kr.jsoft.privacyportal.device.DeviceRequestSigner;
import kr.jsoft.privacyportal.device.PublicJwk;

/**
 * The reference device: the Smart Callback app's side of the device API, runnable against a
 * portal from the command line and used in-process by the tests. It keeps sample contacts and
 * card images ({@link DeviceStore}), registers with an SMS code, serves its own Web Push endpoint
 * ({@link PushEndpoint}), checks in on every wake-up, verifies each command's signature from the
 * portal's JWKS ({@link CommandVerifier}), shows {@code NOTIFY}, answers {@code APPROVE_REQUEST} by
 * its {@link ApprovalRule}, carries out {@code WIPE_APP_DATA} on its store, and signs every receipt.
 *
 * <pre>java -cp target/privacy-portal.jar kr.jsoft.privacyportal.simulator.ReferenceDevice \
 *     --portal http://localhost:8080 --phone 010-1234-5678 --approve auto</pre>
 */
public final class ReferenceDevice implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the device did with one command. */
    public record Handled(String commandId, String kind, String outcome) {
    }

    private final Supplier<URI> portal;
    private final DeviceStore store;
    private final ApprovalRule rule;
    private final Clock clock;
    private final PrintStream out;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String privateKey = DeviceKeys.generatePrivateKey(PublicJwk.Type.EC_P256);
    private final CommandVerifier verifier;
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final List<Handled> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> shownNumbers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService reactions = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "reference-device");
        thread.setDaemon(true);
        return thread;
    });
    private PushEndpoint push;
    private String deviceId;
    private volatile boolean offline;

    public ReferenceDevice(URI portal, DeviceStore store, ApprovalRule rule, Clock clock, PrintStream out) {
        this(() -> portal, store, rule, clock, out);
    }

    /** As above, with the portal's address looked up for every request (tests restart portals on new ports). */
    public ReferenceDevice(Supplier<URI> portal, DeviceStore store, ApprovalRule rule, Clock clock, PrintStream out) {
        this.portal = portal;
        this.store = store;
        this.rule = rule;
        this.clock = clock;
        this.out = out;
        this.verifier = new CommandVerifier(this::fetchJwks, clock);
    }

    /** Starts the Web Push endpoint; every {@code {"t":"sync"}} wake-up triggers a check-in. */
    public ReferenceDevice start() throws IOException {
        push = new PushEndpoint(random, message -> {
            if ("{\"t\":\"sync\"}".equals(message) && !offline) {
                reactions.submit(this::checkInQuietly);
            }
        });
        return this;
    }

    /**
     * Registers under {@code phone}: asks for a code, gets it from {@code codes} (the phone number
     * in, the SMS code out: a console prompt, or the development inbox in tests) and confirms it.
     */
    public ReferenceDevice register(String phone, Function<String, String> codes) {
        ObjectNode body = JSON.createObjectNode();
        body.put("phoneNumber", phone);
        body.put("platform", "android");
        body.put("appVersion", "3.2.1");
        ObjectNode address = body.putObject("pushAddress");
        address.put("type", "webpush").put("endpoint", push.endpoint().toString());
        address.putObject("keys").put("p256dh", push.p256dh()).put("auth", push.auth());
        body.set("publicKey", read(DeviceKeys.publicKeyOf(privateKey)));
        HttpResponse<String> started = send("POST", "/api/v1/devices", body.toString(), null);
        if (started.statusCode() != 201) {
            throw new IllegalStateException("registration refused (" + started.statusCode() + "): " + started.body());
        }
        deviceId = read(started.body()).get("deviceId").asText();
        String code = codes.apply(phone);
        HttpResponse<String> confirmed = signed("POST", "/api/v1/devices/" + deviceId + "/confirmation",
                JSON.createObjectNode().put("code", code).toString());
        if (confirmed.statusCode() != 200) {
            throw new IllegalStateException("confirmation refused (" + confirmed.statusCode() + "): "
                    + confirmed.body());
        }
        out.println("Registered as device " + deviceId);
        return this;
    }

    /** Checks in and carries out every pending command; returns what it did this time. */
    public synchronized List<Handled> checkIn() {
        HttpResponse<String> response = signed("POST", "/api/v1/devices/" + deviceId + "/check-ins",
                "{\"appVersion\":\"3.2.1\"}");
        if (response.statusCode() == 401) {
            // After a wipe (or an unregistration) the portal no longer knows this device's key.
            throw new Forgotten();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("check-in refused (" + response.statusCode() + "): " + response.body());
        }
        List<Handled> now = new ArrayList<>();
        for (JsonNode command : read(response.body()).path("commands")) {
            Handled result = handle(command.asText());
            if (result != null) {
                now.add(result);
                handled.add(result);
            }
        }
        return now;
    }

    private void checkInQuietly() {
        try {
            checkIn();
        } catch (RuntimeException e) {
            out.println("Check-in failed: " + e.getMessage());
        }
    }

    private Handled handle(String compact) {
        CommandVerifier.Verified command;
        try {
            command = verifier.verify(compact, deviceId);
        } catch (CommandVerifier.Rejected rejected) {
            out.println("Refused a command: " + rejected.getMessage());
            return new Handled("?", "?", "rejected: " + rejected.getMessage());
        }
        if (done.contains(command.id())) {
            return null;
        }
        String outcome = switch (command.kind()) {
            case "NOTIFY" -> {
                out.println("NOTICE: " + command.args().path("message").asText());
                yield receipt(command, "completed", null) ? "shown" : "receipt refused";
            }
            case "APPROVE_REQUEST" -> {
                String number = command.args().path("number").asText();
                shownNumbers.add(number);
                out.println("APPROVAL REQUESTED [" + number + "]: " + command.args().path("message").asText());
                if (!rule.answers()) {
                    done.add(command.id());
                    yield "ignored";
                }
                boolean approve = rule.approves(command.args().path("action").asText(),
                        command.args().path("message").asText(), number);
                ObjectNode extra = JSON.createObjectNode().put("answer", approve ? "approve" : "refuse");
                yield receipt(command, "completed", extra) ? (approve ? "approved" : "refused") : "receipt refused";
            }
            case "WIPE_APP_DATA" -> {
                if (!receipt(command, "started", null)) {
                    yield "started receipt refused";
                }
                Map<String, Long> deleted = store.wipe();
                out.println("WIPED app data: " + deleted);
                ObjectNode extra = JSON.createObjectNode();
                ObjectNode counts = extra.putObject("counts");
                deleted.forEach(counts::put);
                yield receipt(command, "completed", extra) ? "wiped " + deleted : "receipt refused";
            }
            default -> receipt(command, "failed", JSON.createObjectNode().put("reason", "unknown command kind"))
                    ? "unknown kind" : "receipt refused";
        };
        return new Handled(command.id(), command.kind(), outcome);
    }

    /** Posts a signed receipt; true once the portal has it (201, or 200 for a repeat). */
    private boolean receipt(CommandVerifier.Verified command, String type, ObjectNode extra) {
        ObjectNode body = JSON.createObjectNode().put("type", type).put("nonce", command.nonce());
        if (extra != null) {
            body.setAll(extra);
        }
        HttpResponse<String> response = signed("POST", "/api/v1/devices/" + deviceId + "/commands/" + command.id()
                + "/receipts", body.toString());
        boolean accepted = response.statusCode() == 201 || response.statusCode() == 200;
        if (accepted && !type.equals("started")) {
            done.add(command.id());
        }
        if (response.statusCode() == 409) {
            done.add(command.id());
        }
        return accepted;
    }

    private JWKSet fetchJwks() {
        HttpResponse<String> response = send("GET", "/.well-known/jwks.json", null, null);
        try {
            return JWKSet.parse(response.body());
        } catch (ParseException e) {
            throw new IllegalStateException("the portal's JWKS is not a JWK set");
        }
    }

    public String deviceId() {
        return deviceId;
    }

    public DeviceStore store() {
        return store;
    }

    /**
     * Switched off (or out of coverage): wake-ups still reach the push service but the device does
     * nothing until it is back online and checks in ({@link #checkIn()}).
     */
    public ReferenceDevice offline(boolean offline) {
        this.offline = offline;
        return this;
    }

    /** The numbers the device has shown with approval prompts, in order (what the user compares). */
    public List<String> shownNumbers() {
        return List.copyOf(shownNumbers);
    }

    /**
     * The user chose "destroy my data" in the app: a signed request, which is itself the approval.
     * Returns the portal's answer (202 with the reference and the status page's path).
     */
    public HttpResponse<String> requestDestruction(String emailOrNull) {
        ObjectNode body = JSON.createObjectNode().put("lang", "en");
        if (emailOrNull != null) {
            body.put("email", emailOrNull);
        }
        return signed("POST", "/api/v1/devices/" + deviceId + "/destruction-requests", body.toString());
    }

    /** Every command handled so far, in order. */
    public List<Handled> handled() {
        return List.copyOf(handled);
    }

    /** Wake-ups received and decrypted. */
    public int wakeUps() {
        return push.received();
    }

    /** A request signed with the device key, as the app sends it. */
    public HttpResponse<String> signed(String method, String path, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return send(method, path, body, new DeviceRequestSigner(privateKey, deviceId, clock, random)
                .sign(method, path, bytes));
    }

    private HttpResponse<String> send(String method, String path, String body, String signature) {
        return DeviceApiCalls.send(http, portal.get().resolve(path), method, body, signature);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        reactions.shutdownNow();
        if (push != null) {
            push.close();
        }
    }

    /** The portal refused the device's signature: it was wiped or unregistered, and this run is over. */
    public static final class Forgotten extends RuntimeException {
        Forgotten() {
            super("the portal no longer knows this device (its data was wiped or it was unregistered)", null, false, false);
        }
    }

    /** Command line: see the class comment and the simulator package-info. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options look like --name value, got " + args[i]);
            }
            if (args[i].equals("--cancel-lost")) {
                // The one option without a value.
                options.put("cancel-lost", "yes");
            } else if (i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
        }
        String phone = options.get("phone");
        if (phone == null) {
            System.err.println("Usage: ReferenceDevice --phone 010-1234-5678 [--portal http://localhost:8080]"
                    + " [--approve auto|approve|refuse|ask|ignore|match:<number>] [--cancel-lost] [--code 123456]"
                    + " [--store dir]"
                    + " [--check-in-every 60s]");
            System.exit(64);
        }
        BufferedReader console = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = System.out;
        Path dir = options.containsKey("store") ? Path.of(options.get("store"))
                : Files.createTempDirectory("reference-device");
        if (!options.containsKey("store")) {
            // A store of our own making goes when the run ends, Ctrl-C included.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "reference-device-cleanup"));
        }
        DeviceStore store = new DeviceStore(dir).seed(25, 3);
        out.println("Device store in " + dir + ": " + store.counts());
        ApprovalRule parsed = ApprovalRule.parse(options.getOrDefault("approve", "auto"), console, out);
        ApprovalRule rule = options.containsKey("cancel-lost") ? parsed.cancellingLost() : parsed;
        Duration every = Duration.parse("PT" + options.getOrDefault("check-in-every", "60s").toUpperCase());
        URI portal = URI.create(options.getOrDefault("portal", "http://localhost:8080") + "/");
        try (ReferenceDevice device = new ReferenceDevice(portal, store, rule, Clock.systemUTC(), out).start()) {
            device.register(phone, number -> {
                if (options.containsKey("code")) {
                    return options.get("code");
                }
                out.print("SMS code sent to the number (development: see the portal's SMS inbox): ");
                out.flush();
                try {
                    String line = console.readLine();
                    if (line == null) {
                        System.err.println("No SMS code: the input is closed. Run unattended with --code <code>.");
                        System.exit(2);
                    }
                    return line.trim();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.println("Listening for wake-ups; checking in every " + every.toSeconds() + " s. Ctrl-C stops.");
            while (true) {
                device.checkIn();
                TimeUnit.MILLISECONDS.sleep(every.toMillis());
            }
        } catch (Forgotten forgotten) {
            out.println("Stopping: " + forgotten.getMessage() + ".");
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }
}
