package kr.jsoft.privacyportal.device;

import java.util.Objects;

/**
 * A device request whose {@code Device-Signature} is missing or does not hold. The message is a
 * fixed text that never echoes the request and may be shown in an RFC 9457 problem body.
 */
final class DeviceSignatureException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the signature was refused. */
    public enum Reason {
        /** No {@code Device-Signature} header. */
        MISSING,
        /** Not a compact JWS of this scheme: bad syntax, {@code alg}, {@code typ}, {@code crit} or claims. */
        MALFORMED,
        /** {@code kid} names no registered device key. */
        UNKNOWN_KEY,
        /** The signature does not verify with the device's key, or {@code alg} does not fit the key. */
        BAD_SIGNATURE,
        /** {@code htm}, {@code htp} or {@code bd} differ from the request actually received. */
        WRONG_REQUEST,
        /** {@code iat} lies outside the allowed clock skew. */
        STALE,
        /** The {@code jti} was used before. */
        REPLAYED
    }

    private final Reason reason;

    DeviceSignatureException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
