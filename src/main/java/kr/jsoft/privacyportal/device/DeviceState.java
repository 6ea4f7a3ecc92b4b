package kr.jsoft.privacyportal.device;

/** {@code PENDING} until the phone number is proven by the SMS code, then {@code ACTIVE}. Erased devices have no row. */
public enum DeviceState {
    PENDING, ACTIVE
}
