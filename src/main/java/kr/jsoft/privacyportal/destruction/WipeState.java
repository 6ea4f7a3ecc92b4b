package kr.jsoft.privacyportal.destruction;

/**
 * A device's part in a request as stored: {@code PENDING} until approval, {@code QUEUED} once its
 * WIPE_APP_DATA is queued (the finer states — woken, wiping, waiting for the device — are read
 * from the command itself), {@code WIPED} with a verified COMPLETED receipt, {@code NOT_CONFIRMED}
 * when its command expired or failed.
 */
enum WipeState {
    PENDING, QUEUED, WIPED, NOT_CONFIRMED;

    boolean isFinal() {
        return this == WIPED || this == NOT_CONFIRMED;
    }
}
