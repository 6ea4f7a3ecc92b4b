package kr.jsoft.privacyportal.command;

/**
 * A command's life on one device: {@code QUEUED → WOKEN → FETCHED → STARTED → COMPLETED}, or
 * {@code FAILED} (the device reported failure, or was erased first) / {@code EXPIRED} (no
 * completion before the expiry). The last three are final.
 */
public enum CommandState {
    /** Stored and signed; no push accepted yet. */
    QUEUED,
    /** A push service accepted a wake-up for the device. */
    WOKEN,
    /** The device has taken the signed command (check-in or fetch). */
    FETCHED,
    /** The device's signed STARTED receipt arrived (before it deletes anything). */
    STARTED,
    /** The device's signed COMPLETED receipt arrived (with counts or the answer). */
    COMPLETED,
    FAILED,
    EXPIRED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == EXPIRED;
    }
}
