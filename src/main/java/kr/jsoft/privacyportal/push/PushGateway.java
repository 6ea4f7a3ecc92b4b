package kr.jsoft.privacyportal.push;

/**
 * Sends a content-free wake-up ({@code {"t":"sync"}}) to one device address. The device then
 * fetches its queued commands over its own authenticated channel; the push carries nothing else.
 *
 * <p>Implementations never throw for delivery problems: every failure is classified into a
 * {@link PushOutcome}. They are thread-safe.
 */
public interface PushGateway {

    /** The only payload any gateway ever sends. */
    String WAKE_UP_PAYLOAD = "{\"t\":\"sync\"}";

    PushOutcome send(PushAddress address, WakeUp wakeUp);

    /** A gateway for a channel that is not configured: every send is a {@code CONFIG_ERROR}. */
    static PushGateway notConfigured(String channel) {
        String detail = channel + " push is not configured";
        return (address, wakeUp) -> PushOutcome.configError(detail);
    }
}
