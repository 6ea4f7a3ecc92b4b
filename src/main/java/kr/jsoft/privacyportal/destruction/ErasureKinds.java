package kr.jsoft.privacyportal.destruction;

/** The erasure-journal kinds a destruction writes; DestructionFeature registers an eraser for each. */
final class ErasureKinds {
    /** A request's phone-number hash and email (id: the request id). */
    public static final String REQUEST = "destruction-request";
    /** A device row with its key and push address (id: the device id); erased by the device registry. */
    public static final String DEVICE = kr.jsoft.privacyportal.device.DeviceRegistry.ERASURE_KIND;
    /** A device's commands' signed payloads (id: the device id); erased by the command channel. */
    public static final String DEVICE_COMMANDS = "device-commands";
    /** A mail's recipient and content (id: the outbox id); erased by the outbox. */
    public static final String MAIL = kr.jsoft.privacyportal.mail.Outbox.ERASURE_KIND;

    private ErasureKinds() {
    }
}
