package kr.jsoft.privacyportal.destruction;

/**
 * How a request ended. {@code COMPLETED}: every device confirmed its wipe with a signed receipt;
 * {@code PARTIAL}: at least one device never confirmed (its command expired or failed) and the
 * certificate says so by position, never silently "done"; {@code CANCELLED}: refused on a device
 * or not approved in time (deliberately one outcome: the page must not tell which), or for a request
 * without the device, cancelled from a registered device or the code never proven;
 * {@code REFUSED}: the privacy manager refused it, with grounds.
 */
public enum Outcome {
    COMPLETED, PARTIAL, CANCELLED, REFUSED
}
