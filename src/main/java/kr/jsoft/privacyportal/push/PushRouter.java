package kr.jsoft.privacyportal.push;

import java.util.Objects;

/**
 * Picks the gateway by the address type. Use {@link PushGateway#notConfigured(String)} for a
 * channel the installation does not offer.
 */
public final class PushRouter implements PushGateway {

    private final PushGateway fcm;
    private final PushGateway webPush;

    public PushRouter(PushGateway fcm, PushGateway webPush) {
        this.fcm = Objects.requireNonNull(fcm, "fcm");
        this.webPush = Objects.requireNonNull(webPush, "webPush");
    }

    @Override
    public PushOutcome send(PushAddress address, WakeUp wakeUp) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(wakeUp, "wakeUp");
        if (address instanceof PushAddress.FcmToken) {
            return fcm.send(address, wakeUp);
        }
        if (address instanceof PushAddress.WebPushSubscription) {
            return webPush.send(address, wakeUp);
        }
        throw new IllegalArgumentException("unknown address type");
    }
}
