package kr.jsoft.privacyportal.destruction;

/**
 * A destruction request's life. From a device at hand: {@code SUBMITTED} (the row is written; the
 * background step has not yet looked up the devices) → {@code AWAITING_APPROVAL} (APPROVE_REQUEST
 * sent to every device found, possibly none) → {@code DESTROYING} (approved: WIPE_APP_DATA queued)
 * → {@code COMPLETED}; or {@code CANCELLED} (refused, or not approved in time). From outside,
 * SUBMITTED and AWAITING_APPROVAL look the same.
 *
 * <p>Without the device: {@code PROVING} (an SMS code was sent to the number) or
 * {@code REVIEW} (no access to the number: the privacy manager decides) → {@code WAITING_PERIOD}
 * (the devices are told and may cancel until the window ends) → {@code DESTROYING}; or
 * {@code CANCELLED} (code wrong or expired, or cancelled on a device) / {@code REFUSED}.
 */
public enum RequestState {
    SUBMITTED, AWAITING_APPROVAL, PROVING, REVIEW, WAITING_PERIOD, DESTROYING, COMPLETED, CANCELLED, REFUSED;

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED || this == REFUSED;
    }

    /** What the requester sees: "awaiting" hides whether devices were found yet. */
    public String key() {
        return switch (this) {
            case SUBMITTED, AWAITING_APPROVAL -> "destruction.state.awaiting";
            case PROVING -> "destruction.state.proving";
            case REVIEW -> "destruction.state.review";
            case WAITING_PERIOD -> "destruction.state.waiting";
            case DESTROYING -> "destruction.state.destroying";
            case COMPLETED -> "destruction.state.completed";
            case CANCELLED -> "destruction.state.cancelled";
            case REFUSED -> "destruction.state.refused";
        };
    }
}
