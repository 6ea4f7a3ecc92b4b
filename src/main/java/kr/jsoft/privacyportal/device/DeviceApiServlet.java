package kr.jsoft.privacyportal.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.push.EndpointPolicy;
import kr.jsoft.privacyportal.push.PushAddress;
import kr.jsoft.privacyportal.web.ClientAddress;
import kr.jsoft.privacyportal.web.Problem;

/**
 * The device API ({@code /api/v1/devices…}, described by {@code openapi/device-api.json}):
 * finds the route in {@link DeviceApiRoute}, checks the body and the Device-Signature, reads the
 * JSON into a command, makes one service call and answers JSON or an RFC 9457 problem.
 */
final class DeviceApiServlet extends HttpServlet {
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int DRAIN_LIMIT_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RequestMembers requestMembers = RequestMembers.fromServedDocument();

    private final DeviceRegistration registration;
    private final DeviceRegistry registry;
    private final DeviceRequestVerifier verifier;
    private final EndpointPolicy endpoints;
    private final DeviceCommandChannel commands;
    private final Clock clock;
    private final DeviceDestructionRequests destruction;
    private final ClientAddress clientAddress;

    public DeviceApiServlet(DeviceRegistration registration, DeviceRegistry registry, DeviceRequestVerifier verifier,
                            EndpointPolicy endpoints, DeviceCommandChannel commands,
                            DeviceDestructionRequests destruction, Clock clock, ClientAddress clientAddress) {
        this.registration = registration;
        this.registry = registry;
        this.verifier = verifier;
        this.endpoints = endpoints;
        this.commands = commands;
        this.destruction = destruction;
        this.clock = clock;
        this.clientAddress = clientAddress;
    }

    /** Where to map this servlet: every path of {@link DeviceApiRoute}. */
    public static List<String> mappings() {
        return DeviceApiRoute.SERVLET_MAPPINGS;
    }

    /** A failure to answer with a problem body. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final Map<String, Object> extensions;
        final Map<String, String> headers;

        Refusal(int status, String detail) {
            this(status, detail, Map.of(), Map.of());
        }

        Refusal(int status, String detail, Map<String, Object> extensions, Map<String, String> headers) {
            super(detail, null, false, false);
            this.status = status;
            this.extensions = extensions;
            this.headers = headers;
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            dispatch(request, response);
        } catch (Refusal refusal) {
            refusal.headers.forEach(response::setHeader);
            Problem.write(response, refusal.status, refusal.getMessage(), request.getRequestURI(), refusal.extensions);
        }
    }

    private void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException, Refusal {
        String path = request.getRequestURI();
        DeviceApiRoute route = null;
        Optional<UUID> pathDevice = Optional.empty();
        Optional<UUID> pathCommand = Optional.empty();
        List<String> allowed = new ArrayList<>();
        for (DeviceApiRoute candidate : DeviceApiRoute.values()) {
            Optional<DeviceApiRoute.Match> match = candidate.match(path);
            if (match.isPresent()) {
                allowed.add(candidate.method);
                if (candidate.method.equals(request.getMethod())) {
                    route = candidate;
                    pathDevice = match.get().deviceId();
                    pathCommand = match.get().commandId();
                }
            }
        }
        if (route == null && allowed.isEmpty()) {
            throw new Refusal(404, "No such API route: " + request.getMethod() + " " + path);
        }
        if (route == null) {
            throw new Refusal(405, "This address accepts " + String.join(", ", allowed) + ".", Map.of(),
                    Map.of("Allow", String.join(", ", allowed)));
        }
        byte[] body = body(request);
        if (route.signing != DeviceApiRoute.Signing.NONE) {
            verify(request, route, body, pathDevice.orElseThrow());
        }
        JsonNode json = json(request, body, route);
        List<String> unknown = requestMembers.unknown(route, json);
        if (!unknown.isEmpty()) {
            throw new Refusal(400, "The request has members this operation does not take: " + String.join(", ", unknown)
                    + ".", Map.of("unknownMembers", unknown), Map.of());
        }
        switch (route) {
            case START_REGISTRATION -> startRegistration(request, response, json);
            case CONFIRM_REGISTRATION -> confirm(response, pathDevice.orElseThrow(), json);
            case REFRESH_PUSH_ADDRESS -> refreshPushAddress(response, pathDevice.orElseThrow(), json);
            case CHECK_IN -> checkIn(response, pathDevice.orElseThrow(), json);
            case FETCH_COMMANDS -> fetchCommands(response, pathDevice.orElseThrow());
            case POST_RECEIPT -> receipt(request, response, pathDevice.orElseThrow(), pathCommand.orElseThrow(), body);
            case UNREGISTER -> unregister(response, pathDevice.orElseThrow());
            case REQUEST_DESTRUCTION -> requestDestruction(response, pathDevice.orElseThrow(), json);
        }
    }

    private void startRegistration(HttpServletRequest request, HttpServletResponse response, JsonNode json)
            throws IOException, Refusal {
        DeviceRegistration.Request command = parse(() -> DeviceJson.registration(json, endpoints));
        DeviceRegistration.Started started = registration.start(command, clientAddress.of(request));
        if (started instanceof DeviceRegistration.Started.CodeSent sent) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("deviceId", sent.deviceId().toString());
            body.put("state", "pending");
            body.put("codeExpiresAt", sent.codeExpiresAt().toString());
            body.put("codeLength", SmsCode.DIGITS);
            body.put("triesAllowed", Device.MAX_CODE_ATTEMPTS);
            response.setHeader("Location", "/api/v1/devices/" + sent.deviceId());
            write(response, 201, body);
        } else if (started instanceof DeviceRegistration.Started.Limited limited) {
            throw tooMany(limited.retryAfter(), limited.what() + " Try again later.");
        } else if (started instanceof DeviceRegistration.Started.KeyInUse) {
            throw new Refusal(409, "This public key already belongs to an active device; generate a new key pair.");
        } else if (started instanceof DeviceRegistration.Started.SmsNotSent notSent) {
            Map<String, String> headers = notSent.retryAfter()
                    .map(wait -> Map.of("Retry-After", Long.toString(seconds(wait)))).orElse(Map.of());
            throw new Refusal(503, "The SMS with the code could not be sent; nothing was registered. Try again later.",
                    Map.of(), headers);
        }
    }

    private void confirm(HttpServletResponse response, UUID deviceId, JsonNode json) throws IOException, Refusal {
        String code = parse(() -> DeviceJson.code(json));
        DeviceRegistration.Confirmed confirmed = registration.confirm(deviceId, code);
        if (confirmed instanceof DeviceRegistration.Confirmed.Activated activated) {
            write(response, 200, Map.of("deviceId", activated.deviceId().toString(), "state", "active"));
        } else if (confirmed instanceof DeviceRegistration.Confirmed.WrongCode wrong) {
            throw new Refusal(422, "The code is not correct; " + wrong.triesLeft() + " tries left.",
                    Map.of("triesLeft", wrong.triesLeft()), Map.of());
        } else if (confirmed instanceof DeviceRegistration.Confirmed.TriesExhausted) {
            throw new Refusal(422, "The code was wrong " + Device.MAX_CODE_ATTEMPTS
                    + " times; the registration is void. Start the registration again.",
                    Map.of("triesLeft", 0), Map.of());
        } else if (confirmed instanceof DeviceRegistration.Confirmed.Expired) {
            throw new Refusal(410, "The code has expired (it is valid for "
                    + DeviceRegistration.CODE_VALIDITY.toMinutes() + " minutes); start the registration again.");
        } else if (confirmed instanceof DeviceRegistration.Confirmed.AlreadyActive) {
            throw new Refusal(409, "This device is already active.");
        } else {
            throw new Refusal(404, "There is no registration for this device; start the registration again.");
        }
    }

    private void refreshPushAddress(HttpServletResponse response, UUID deviceId, JsonNode json)
            throws IOException, Refusal {
        DevicePlatform platform = registry.activeDevice(deviceId).map(ActiveDevice::platform)
                .orElseThrow(() -> new Refusal(404, "This device is not registered."));
        PushAddress address = parse(() -> DeviceJson.pushAddress(json, platform, endpoints));
        if (!registry.refreshPushAddress(deviceId, address)) {
            throw new Refusal(404, "This device is not registered.");
        }
        response.setStatus(204);
    }

    private void checkIn(HttpServletResponse response, UUID deviceId, JsonNode json) throws IOException, Refusal {
        String appVersion = parse(() -> DeviceJson.checkIn(json));
        if (!registry.checkIn(deviceId, appVersion)) {
            throw new Refusal(404, "This device is not registered.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deviceId", deviceId.toString());
        body.put("serverTime", clock.instant().toString());
        // Every check-in also delivers the pending commands: the backstop when a push is lost.
        body.put("commands", commands.deliverPending(deviceId));
        write(response, 200, body);
    }

    private void fetchCommands(HttpServletResponse response, UUID deviceId) throws IOException, Refusal {
        if (registry.activeKey(deviceId).isEmpty()) {
            throw new Refusal(404, "This device is not registered.");
        }
        write(response, 200, Map.of("deviceId", deviceId.toString(), "commands", commands.deliverPending(deviceId)));
    }

    private void receipt(HttpServletRequest request, HttpServletResponse response, UUID deviceId, UUID commandId,
                         byte[] body) throws IOException, Refusal {
        PublicJwk key = registry.activeKey(deviceId)
                .orElseThrow(() -> new Refusal(404, "This device is not registered."));
        DeviceCommandChannel.ReceiptResult result = commands.acceptReceipt(deviceId, commandId,
                new DeviceCommandChannel.SignedReceipt(request.getHeader(DeviceRequests.HEADER).strip(), body,
                        key.toJson()));
        if (result instanceof DeviceCommandChannel.ReceiptResult.Accepted accepted) {
            write(response, accepted.repeat() ? 200 : 201, accepted.result());
        } else if (result instanceof DeviceCommandChannel.ReceiptResult.Invalid invalid) {
            throw new Refusal(422, "One field of the receipt is not valid: " + invalid.detail(),
                    Map.of("errors", List.of(Map.of("pointer", invalid.pointer(), "detail", invalid.detail()))),
                    Map.of());
        } else if (result instanceof DeviceCommandChannel.ReceiptResult.Conflict conflict) {
            throw new Refusal(409, conflict.detail());
        } else {
            throw new Refusal(404, "This device has no such command.");
        }
    }

    private void unregister(HttpServletResponse response, UUID deviceId) throws Refusal {
        if (!registry.unregister(deviceId)) {
            throw new Refusal(404, "This device is not registered.");
        }
        response.setStatus(204);
    }

    private void requestDestruction(HttpServletResponse response, UUID deviceId, JsonNode json)
            throws IOException, Refusal {
        DeviceJson.DestructionRequest parsed = parse(() -> DeviceJson.destructionRequest(json));
        DeviceDestructionRequests.Accepted accepted = destruction.request(deviceId, parsed.email(), parsed.lang())
                .orElseThrow(() -> new Refusal(404, "This device is not registered."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", accepted.reference());
        body.put("statusUrl", accepted.statusPath());
        write(response, 202, body);
    }

    private void verify(HttpServletRequest request, DeviceApiRoute route, byte[] body, UUID pathDevice)
            throws Refusal {
        String query = request.getQueryString();
        String pathAndQuery = request.getRequestURI() + (query == null ? "" : "?" + query);
        DeviceRequestVerifier.Verified verified;
        try {
            verified = verifier.verify(request.getMethod(), pathAndQuery, body,
                    request.getHeader(DeviceRequests.HEADER), kid -> key(kid, route));
        } catch (DeviceSignatureException e) {
            throw new Refusal(401, e.getMessage(), Map.of("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT)),
                    Map.of("WWW-Authenticate", "Device-Signature"));
        }
        if (!verified.deviceId().equalsIgnoreCase(pathDevice.toString())) {
            throw new Refusal(403, "A device may act only on itself: the signature's kid names another device.");
        }
    }

    private Optional<PublicJwk> key(String kid, DeviceApiRoute route) {
        UUID id;
        try {
            id = UUID.fromString(kid);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return route.signing == DeviceApiRoute.Signing.REGISTERED_KEY ? registry.registeredKey(id) : registry.activeKey(id);
    }

    /**
     * Reads the body up to {@link #MAX_BODY_BYTES}. A body that is too large but still modest is read to its end before
     * the 413 goes out, so the client is not reset mid-upload and actually sees the problem; anything larger is refused
     * without reading and Jetty closes the connection.
     */
    private static byte[] body(HttpServletRequest request) throws IOException, Refusal {
        long declared = request.getContentLengthLong();
        try (InputStream in = request.getInputStream()) {
            if (declared > DRAIN_LIMIT_BYTES) {
                throw tooLarge();
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge();
            }
            return body;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long left = DRAIN_LIMIT_BYTES;
        int read;
        while (left > 0 && (read = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= read;
        }
    }

    private static Refusal tooLarge() {
        return new Refusal(413, "The request body may be at most " + MAX_BODY_BYTES + " bytes.");
    }

    private static JsonNode json(HttpServletRequest request, byte[] body, DeviceApiRoute route) throws Refusal {
        if (body.length == 0) {
            if (route == DeviceApiRoute.START_REGISTRATION || route == DeviceApiRoute.CONFIRM_REGISTRATION
                    || route == DeviceApiRoute.REFRESH_PUSH_ADDRESS || route == DeviceApiRoute.POST_RECEIPT) {
                throw new Refusal(400, "The request needs a JSON body.");
            }
            return JSON.missingNode();
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new Refusal(415, "The request body must be JSON (Content-Type: application/json).");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new Refusal(400, "The request body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Refusal(400, "The request body is not valid JSON.");
        } catch (IOException e) {
            throw new Refusal(400, "The request body is not valid JSON.");
        }
    }

    private interface Parsing<T> {
        T parse() throws DeviceJson.Invalid;
    }

    private static <T> T parse(Parsing<T> parsing) throws Refusal {
        try {
            return parsing.parse();
        } catch (DeviceJson.Invalid invalid) {
            throw new Refusal(422, invalid.getMessage(), Map.of("errors", invalid.errors), Map.of());
        }
    }

    private static Refusal tooMany(Duration retryAfter, String detail) {
        return new Refusal(429, detail, Map.of("retryAfterSeconds", seconds(retryAfter)),
                Map.of("Retry-After", Long.toString(seconds(retryAfter))));
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
