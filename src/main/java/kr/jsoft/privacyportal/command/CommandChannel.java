package kr.jsoft.privacyportal.command;

import kr.jsoft.privacyportal.crypto.Digests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.device.DeviceCommandChannel;
import org.hibernate.Session;

/**
 * The device side of the command channel, behind the device API: delivers pending commands and
 * takes receipts. A receipt's {@code Device-Signature} has been verified by the API (device key,
 * method, path with the command id, body digest, time, fresh nonce) before it gets here; this
 * class checks that it fits the command (the command's nonce, the fields its kind needs), stores it
 * exactly as signed and moves the command on. A repeat of a stored receipt gets the stored answer;
 * a different receipt of the same type is a conflict.
 *
 * <p>Receipt body: {@code {"type":"started"|"completed"|"failed","nonce":"<the command's nonce>",
 * "counts":{…} (WIPE_APP_DATA completed), "answer":"approve"|"refuse" (APPROVE_REQUEST completed),
 * "reason":"…" (failed, optional)}}.
 */
final class CommandChannel implements DeviceCommandChannel {
    static final int MAX_BODY = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COUNT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern REASON = Pattern.compile("[\\x20-\\x7e]{1,200}");

    private final Commands commands;

    public CommandChannel(Commands commands) {
        this.commands = commands;
    }

    @Override
    public List<String> deliverPending(UUID deviceId) {
        return commands.deliverPending(deviceId);
    }

    /** A receipt's fields, checked for form. */
    private record Parsed(String type, String nonce, JsonNode json) {
    }

    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ReceiptResult result;

        Refused(ReceiptResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    @Override
    public ReceiptResult acceptReceipt(UUID deviceId, UUID commandId, SignedReceipt receipt) {
        Parsed parsed;
        try {
            parsed = parse(receipt.body());
        } catch (Refused refused) {
            return refused.result;
        }
        String digest = Digests.sha256Base64Url(receipt.body());
        return commands.database().fromTransaction(session -> {
            DeviceCommand command = CommandQueries.locked(session, commandId);
            if (command == null || !command.deviceId().equals(deviceId)) {
                return new ReceiptResult.UnknownCommand();
            }
            CommandReceipt stored = CommandQueries.receipt(session, commandId, parsed.type());
            if (stored != null) {
                return stored.bodyDigest().equals(digest)
                        ? new ReceiptResult.Accepted(result(stored), true)
                        : new ReceiptResult.Conflict("A different " + parsed.type()
                                + " receipt for this command was stored already.");
            }
            if (!parsed.nonce().equals(command.nonce())) {
                return new ReceiptResult.Invalid("/nonce", "does not match the nonce of the signed command");
            }
            try {
                return store(session, command, parsed, receipt, digest);
            } catch (Refused refused) {
                return refused.result;
            }
        });
    }

    private ReceiptResult store(Session session, DeviceCommand command, Parsed parsed, SignedReceipt receipt,
                                String digest) throws Refused {
        String resultJson = null;
        Answer answer = null;
        String reason = null;
        switch (parsed.type()) {
            case "completed" -> {
                if (command.kind() == CommandKind.WIPE_APP_DATA) {
                    resultJson = countsJson(parsed.json().get("counts"));
                } else if (command.kind() == CommandKind.APPROVE_REQUEST) {
                    answer = answer(parsed.json().get("answer"));
                    resultJson = JSON.createObjectNode().put("answer", answer.name()).toString();
                }
            }
            case "failed" -> {
                JsonNode node = parsed.json().get("reason");
                reason = node == null ? "reported by the device" : text(node, "/reason", REASON,
                        "must be 1..200 printable ASCII characters (a technical reason, no personal data)");
            }
            default -> { }
        }
        Instant now = commands.clock().instant();
        if (command.state().isFinal()) {
            return new ReceiptResult.Conflict("The command is " + command.state().name().toLowerCase(Locale.ROOT)
                    + " already.");
        }
        if (!now.isBefore(command.expiresAt())) {
            command.expired(now);
            commands.auditLog().record(session, AuditEvent.system("command.expired").target(Commands.TARGET,
                    command.id()).detail("kind=" + command.kind() + " device=" + command.deviceId()));
            commands.changed(session, command);
            return new ReceiptResult.Conflict("The command expired at " + command.expiresAt() + ".");
        }
        CommandReceipt row = new CommandReceipt(UUID.randomUUID(), command.id(), parsed.type(),
                receipt.deviceSignature(), new String(receipt.body(), StandardCharsets.UTF_8), digest,
                receipt.deviceKey(), now.truncatedTo(ChronoUnit.MILLIS));
        session.persist(row);
        boolean moved = switch (parsed.type()) {
            case "started" -> command.started(now);
            case "completed" -> {
                command.completed(now, resultJson, answer);
                yield true;
            }
            default -> {
                command.failed(now, reason);
                yield true;
            }
        };
        AuditEvent event = new AuditEvent("device:" + command.deviceId(), "command." + parsed.type(),
                Commands.TARGET, command.id().toString(), null, null)
                .detail("kind=" + command.kind() + (answer == null ? "" : " answer=" + answer)
                        + (resultJson != null && answer == null ? " " + resultJson : "") + " digest=" + digest);
        commands.auditLog().record(session, event);
        if (moved) {
            commands.changed(session, command);
        }
        return new ReceiptResult.Accepted(result(row), false);
    }

    private static Parsed parse(byte[] body) throws Refused {
        if (body.length > MAX_BODY) {
            throw invalid("", "a receipt may be at most " + MAX_BODY + " bytes");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw invalid("", "is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw invalid("", "must be a JSON object");
        }
        JsonNode type = json.get("type");
        if (type == null || !type.isTextual() || !List.of("started", "completed", "failed").contains(type.asText())) {
            throw invalid("/type", "must be started, completed or failed");
        }
        JsonNode nonce = json.get("nonce");
        if (nonce == null || !nonce.isTextual() || nonce.asText().isEmpty()) {
            throw invalid("/nonce", "must be the nonce of the signed command");
        }
        return new Parsed(type.asText(), nonce.asText(), json);
    }

    private static String countsJson(JsonNode counts) throws Refused {
        if (counts == null || !counts.isObject() || counts.size() > 20) {
            throw invalid("/counts", "must be an object of at most 20 counts of what was deleted");
        }
        ObjectNode clean = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = counts.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!COUNT_NAME.matcher(field.getKey()).matches() || !field.getValue().canConvertToLong()
                    || !field.getValue().isIntegralNumber() || field.getValue().asLong() < 0) {
                throw invalid("/counts/" + field.getKey(), "must be a whole number of at least 0 under a name of"
                        + " 1..40 letters, digits, _ or -");
            }
            clean.put(field.getKey(), field.getValue().asLong());
        }
        ObjectNode result = JSON.createObjectNode();
        result.set("counts", clean);
        return result.toString();
    }

    private static Answer answer(JsonNode node) throws Refused {
        if (node != null && node.isTextual()) {
            if (node.asText().equals("approve")) {
                return Answer.APPROVED;
            }
            if (node.asText().equals("refuse")) {
                return Answer.REFUSED;
            }
        }
        throw invalid("/answer", "must be approve or refuse");
    }

    private static String text(JsonNode node, String pointer, Pattern pattern, String rule) throws Refused {
        if (!node.isTextual() || !pattern.matcher(node.asText()).matches()) {
            throw invalid(pointer, rule);
        }
        return node.asText();
    }

    private static Refused invalid(String pointer, String detail) {
        return new Refused(new ReceiptResult.Invalid(pointer, detail));
    }

    /** The answer to a receipt, made only from the stored row, so a repeat gets exactly the same. */
    private static Map<String, Object> result(CommandReceipt receipt) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("commandId", receipt.commandId().toString());
        result.put("receipt", receipt.type());
        result.put("receivedAt", receipt.receivedAt().toString());
        result.put("bodyDigest", receipt.bodyDigest());
        return result;
    }

}
