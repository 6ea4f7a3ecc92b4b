package kr.jsoft.privacyportal.device;

import java.util.UUID;
import kr.jsoft.privacyportal.push.PushAddress;
import kr.jsoft.privacyportal.sms.DevelopmentSmsInbox;
import kr.jsoft.privacyportal.testing.TestDevice;

/**
 * Active devices for tests of other features that run without a server (the destruction steps):
 * the device feature's own registration, started and confirmed with the code its development SMS
 * inbox received, in process instead of over the signed device API. It lives in this package
 * because registration is package-private here; the feature hands it over package-privately.
 */
public final class RegisteredDevices {
    private final DeviceRegistration registration;
    private final DevelopmentSmsInbox inbox;

    /** The registration and SMS inbox of {@code devices} (which must run with the development SMS provider). */
    public RegisteredDevices(DeviceFeature devices) {
        this.registration = devices.registration();
        this.inbox = devices.smsInbox().orElseThrow(() -> new IllegalStateException(
                "test devices need the development SMS inbox (PORTAL_SMS_PROVIDER=development)"));
    }

    /** A new Android device with its own key, proven for {@code phoneNumber} and active; returns its id. */
    public UUID activate(String phoneNumber) {
        PublicJwk key = DeviceKeys.parsePublicKey(
                DeviceKeys.publicKeyOf(DeviceKeys.generatePrivateKey(PublicJwk.Type.EC_P256)));
        var request = new DeviceRegistration.Request(phoneNumber, DevicePlatform.ANDROID, "1.0.0",
                new PushAddress.FcmToken("fcm-" + UUID.randomUUID() + "-token"), key);
        if (!(registration.start(request, "192.0.2.1") instanceof DeviceRegistration.Started.CodeSent sent)) {
            throw new IllegalStateException("registration of a test device was not started");
        }
        String code = TestDevice.codeIn(inbox.latestTo(phoneNumber).orElseThrow().text());
        if (!(registration.confirm(sent.deviceId(), code) instanceof DeviceRegistration.Confirmed.Activated active)) {
            throw new IllegalStateException("registration of a test device was not confirmed");
        }
        return active.deviceId();
    }
}
