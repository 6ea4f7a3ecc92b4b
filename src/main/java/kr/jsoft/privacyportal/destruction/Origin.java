package kr.jsoft.privacyportal.destruction;

/**
 * Where a request came from: the website (approved on a device), the app (the device's signature
 * approves), the website without the device, the number proven by an SMS code ({@code SMS}), or
 * without access to the number, decided by the privacy manager ({@code REVIEW}).
 */
public enum Origin {
    WEB, APP, SMS, REVIEW
}
