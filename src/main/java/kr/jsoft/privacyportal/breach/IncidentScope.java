package kr.jsoft.privacyportal.breach;

/** Whom an incident concerns, as the privacy manager can tell it. */
enum IncidentScope {
    /** Every device registered now. */
    ALL_DEVICES,
    /** Devices registered or active within a period (the leak's window). */
    WINDOW,
    /** A list of the registry's opaque device ids (e.g. from the server's logs). */
    DEVICE_LIST,
    /** People the portal cannot reach individually (e.g. app users who never registered a device). */
    UNREACHABLE;

    public String key() {
        return "breach.scope." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
