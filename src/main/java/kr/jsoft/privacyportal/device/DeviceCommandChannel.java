package kr.jsoft.privacyportal.device;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The device API's door to the command channel (the {@code command} package implements it; the
 * interface lives here so that the device feature does not depend on the feature built on it).
 * Both calls come from devices whose {@code Device-Signature} has already been verified (key,
 * request, time and a fresh nonce).
 */
public interface DeviceCommandChannel {

    /**
     * The device's unfinished, unexpired commands as compact JWS signed by the portal, oldest first;
     * those not delivered before become {@code FETCHED}. Called by every check-in and by the fetch route.
     */
    List<String> deliverPending(UUID deviceId);

    /** A receipt (STARTED, COMPLETED or FAILED) the device signed; stored once, repeats answered alike. */
    ReceiptResult acceptReceipt(UUID deviceId, UUID commandId, SignedReceipt receipt);

    /**
     * A receipt as it arrived.
     *
     * @param deviceSignature the request's verified {@code Device-Signature} JWS (binds method, path, body digest)
     * @param body            the exact body bytes the signature covers
     * @param deviceKey       the device's registered public key (JWK JSON), kept so the receipt stays verifiable
     */
    record SignedReceipt(String deviceSignature, byte[] body, String deviceKey) {
    }

    /** What became of a receipt. */
    sealed interface ReceiptResult {
        /** Stored now ({@code repeat} false) or earlier ({@code repeat} true); {@code result} is the stored answer. */
        record Accepted(Map<String, Object> result, boolean repeat) implements ReceiptResult { }
        /** A field is wrong; {@code pointer} is its JSON pointer. */
        record Invalid(String pointer, String detail) implements ReceiptResult { }
        /** It contradicts what was stored (another answer, a finished or expired command). */
        record Conflict(String detail) implements ReceiptResult { }
        /** No such command for this device. */
        record UnknownCommand() implements ReceiptResult { }
    }
}
