package kr.jsoft.privacyportal.destruction;

/** Where a request came from: the website (approved on a device) or the app (the device's signature approves). */
public enum Origin {
    WEB, APP
}
