package kr.jsoft.privacyportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.TestDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SMS abuse limits: per number, per device key, per client address, and the portal's daily budget. */
class SmsLimitsIT {
    private PortalFixture portal;

    private PortalFixture start(Map<String, String> settings) throws Exception {
        PortalFixture.Builder builder = PortalFixture.builder();
        settings.forEach(builder::setting);
        portal = builder.build();
        portal.start();
        return portal;
    }

    @AfterEach
    void stop() {
        if (portal != null) {
            portal.stop();
        }
    }

    private TestDevice device() {
        return new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.ED25519, "android");
    }

    private int smsSent() {
        return portal.server().devices().smsInbox().orElseThrow().recent().size();
    }

    private static void assertTooMany(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(TestDevice.read(response.body()).get("detail").asText()).contains(detail);
    }

    @Test
    void oneNumberGetsAtMostTheHourlyLimitOfCodesWhoeverAsks() throws Exception {
        start(Map.of("PORTAL_SMS_LIMIT_PER_NUMBER", "2"));
        assertThat(device().startRegistration("010-2000-0001").statusCode()).isEqualTo(201);
        assertThat(device().startRegistration("+82 10 2000 0001").statusCode()).isEqualTo(201);

        HttpResponse<String> third = device().startRegistration("01020000001");

        assertTooMany(third, "this phone number");
        assertThat(smsSent()).isEqualTo(2);
        assertThat(device().startRegistration("010-2000-0002").statusCode()).as("another number").isEqualTo(201);
        portal.clock().advance(Duration.ofHours(1));
        assertThat(device().startRegistration("010-2000-0001").statusCode()).isEqualTo(201);
    }

    @Test
    void oneDeviceKeyGetsAtMostTheHourlyLimitOfCodes() throws Exception {
        start(Map.of("PORTAL_SMS_LIMIT_PER_DEVICE", "2"));
        TestDevice device = device();
        assertThat(device.startRegistration("010-2100-0001").statusCode()).isEqualTo(201);
        assertThat(device.startRegistration("010-2100-0002").statusCode()).isEqualTo(201);

        assertTooMany(device.startRegistration("010-2100-0003"), "this device");
        assertThat(smsSent()).isEqualTo(2);
    }

    @Test
    void oneClientAddressGetsAtMostTheHourlyLimitOfCodes() throws Exception {
        start(Map.of("PORTAL_SMS_LIMIT_PER_ADDRESS", "3"));
        for (int i = 1; i <= 3; i++) {
            assertThat(device().startRegistration("010-2200-000" + i).statusCode()).isEqualTo(201);
        }

        assertTooMany(device().startRegistration("010-2200-0009"), "this network address");
        assertThat(smsSent()).isEqualTo(3);
    }

    @Test
    void thePortalsDailyBudgetHoldsAcrossNumbersDevicesAndAddresses() throws Exception {
        start(Map.of("PORTAL_SMS_DAILY_BUDGET", "3"));
        for (int i = 1; i <= 3; i++) {
            assertThat(device().startRegistration("010-2300-000" + i).statusCode()).isEqualTo(201);
        }

        HttpResponse<String> over = device().startRegistration("010-2300-0009");

        assertTooMany(over, "as many codes as it may today");
        assertThat(Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow()))
                .isEqualTo(Duration.ofDays(1).toSeconds());
        assertThat(smsSent()).isEqualTo(3);
        portal.clock().advance(Duration.ofDays(1));
        assertThat(device().startRegistration("010-2300-0009").statusCode()).isEqualTo(201);
    }

    @Test
    void aRefusedRequestRegistersNothing() throws Exception {
        start(Map.of("PORTAL_SMS_DAILY_BUDGET", "1"));
        device().startRegistration("010-2400-0001");

        device().startRegistration("010-2400-0002");

        assertThat(portal.server().devices().reports()
                .lookUpByPhoneNumber("010-2400-0002", "staff", "127.0.0.1")).isEmpty();
    }
}
