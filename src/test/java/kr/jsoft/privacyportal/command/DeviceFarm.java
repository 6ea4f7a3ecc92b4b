package kr.jsoft.privacyportal.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kr.jsoft.privacyportal.device.DeviceRequestSigner;
import kr.jsoft.privacyportal.push.P256Keys;
import kr.jsoft.privacyportal.push.WebPushDecryption;
import kr.jsoft.privacyportal.simulator.CommandVerifier;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The benchmark's other side, in its own process so that the portal's CPU can be measured apart
 * from it (bench/commands.sh; not part of {@code verify}): a local Web Push service on 127.0.0.1
 * that decrypts every wake-up with that device's subscription key and, once told to react, lets
 * the device do what the app does (signed check-in, the command's signature verified from the
 * JWKS, a signed COMPLETED receipt).
 *
 * <p>Talks to {@link CommandsBench} through standard input and output, one line each:
 * prints {@code push <port>}; reads {@code load <file>} (devices: id, endpoint path, private
 * JWK, subscription private scalar, auth secret, tab-separated; answers {@code loaded <n>}),
 * {@code react} (answers {@code reacting}), {@code quiet} (stops reacting; answers {@code quiet}),
 * {@code mark} / {@code since} (CPU by thread group since the mark), {@code jit} (CPU nanoseconds of
 * the JIT compilers so far), {@code cpu} (answers {@code cpu <nanos> <decrypted>
 * <failures>}) and {@code quit}.
 */
public final class DeviceFarm {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Device(String id, DeviceRequestSigner signer, WebPushDecryption decryption) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        CommandVerifier verifier = new CommandVerifier(() -> jwks(http, base), Clock.systemUTC());
        Map<String, Device> byEndpoint = new ConcurrentHashMap<>();
        AtomicBoolean react = new AtomicBoolean();
        AtomicInteger decrypted = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger deviceThreads = new AtomicInteger();
        ExecutorService reactions = Executors.newFixedThreadPool(32,
                r -> new Thread(r, "device-" + deviceThreads.incrementAndGet()));
        // Jetty rather than the JDK's HttpServer: that one cost the device process about 0.4 ms per
        // wake-up (a formatted Date header and a thread hand-off per request), on the same two cores
        // as the portal it measures.
        QueuedThreadPool pushThreads = new QueuedThreadPool(16, 4);
        pushThreads.setName("push-service");
        Server pushService = new Server(pushThreads);
        ServerConnector connector = new ServerConnector(pushService, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setAcceptQueueSize(1024);
        pushService.addConnector(connector);
        pushService.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                ByteBuffer buffer = Content.Source.asByteBuffer(request);
                byte[] body = new byte[buffer.remaining()];
                buffer.get(body);
                Device device = byEndpoint.get(request.getHttpURI().getPath());
                String payload = device == null ? ""
                        : new String(device.decryption().decrypt(body), StandardCharsets.UTF_8);
                response.setStatus(201);
                callback.succeeded();
                if (device != null) {
                    decrypted.incrementAndGet();
                }
                if (react.get() && device != null && payload.equals("{\"t\":\"sync\"}")) {
                    reactions.submit(() -> react(http, base, verifier, device, failures));
                }
                return true;
            }
        });
        pushService.start();
        System.out.println("push " + connector.getLocalPort());
        System.out.flush();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Long> mark = ThreadCpu.snapshot();
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            if (line.startsWith("load ")) {
                for (String row : Files.readAllLines(Path.of(line.substring(5)))) {
                    String[] f = row.split("\t");
                    Base64.Decoder b64 = Base64.getUrlDecoder();
                    byEndpoint.put(f[1], new Device(f[0], new DeviceRequestSigner(f[2], f[0], Clock.systemUTC()),
                            new WebPushDecryption(P256Keys.privateFromScalar(b64.decode(f[3])), b64.decode(f[4]))));
                }
                System.out.println("loaded " + byEndpoint.size());
            } else if (line.equals("react")) {
                react.set(true);
                System.out.println("reacting");
            } else if (line.equals("quiet")) {
                react.set(false);
                System.out.println("quiet");
            } else if (line.equals("jit")) {
                System.out.println("jit " + ThreadCpu.jitNanos());
            } else if (line.equals("mark")) {
                mark = ThreadCpu.snapshot();
                System.out.println("marked");
            } else if (line.equals("since")) {
                System.out.println("since " + ThreadCpu.encode(ThreadCpu.since(mark)));
            } else if (line.equals("cpu")) {
                System.out.println("cpu " + os.getProcessCpuTime() + " " + decrypted.get() + " " + failures.get());
            }
            System.out.flush();
        }
        reactions.shutdownNow();
        pushService.stop();
        System.exit(0);
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

    static HttpResponse<String> post(HttpClient http, URI base, String path, String body, String signature)
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
