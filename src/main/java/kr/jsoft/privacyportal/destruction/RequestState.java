package kr.jsoft.privacyportal.destruction;

/**
 * A destruction request's life: {@code SUBMITTED} (the row is written; the background step has
 * not yet looked up the devices) → {@code AWAITING_APPROVAL} (APPROVE_REQUEST sent to every device
 * found, possibly none) → {@code DESTROYING} (approved: WIPE_APP_DATA queued) → {@code COMPLETED};
 * or {@code CANCELLED} (refused, or not approved within the approval window). From outside,
 * SUBMITTED and AWAITING_APPROVAL look the same.
 */
public enum RequestState {
    SUBMITTED, AWAITING_APPROVAL, DESTROYING, COMPLETED, CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }

    /** What the requester sees: "awaiting" hides whether devices were found yet. */
    public String key() {
        return switch (this) {
            case SUBMITTED, AWAITING_APPROVAL -> "destruction.state.awaiting";
            case DESTROYING -> "destruction.state.destroying";
            case COMPLETED -> "destruction.state.completed";
            case CANCELLED -> "destruction.state.cancelled";
        };
    }
}
