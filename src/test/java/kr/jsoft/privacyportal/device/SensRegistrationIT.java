package kr.jsoft.privacyportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import kr.jsoft.privacyportal.testing.FakeSensServer;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.TestDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registration with PORTAL_SMS_PROVIDER=sens against a local fake of SENS that checks every signature. */
class SensRegistrationIT {
    private static final String SERVICE_ID = "ncp:sms:kr:263017321234:portal-test";
    private static final String ACCESS_KEY = "test-access-key";
    private static final String SECRET_KEY = "test-secret-key";
    private static final String FROM = "0212345678";

    /** The fake checks timestamps against the portal's own test clock. */
    private static final Clock PORTAL_CLOCK = new Clock() {
        @Override
        public Instant instant() {
            return portal == null ? PortalFixture.START : portal.clock().instant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    };
    private static final FakeSensServer SENS = newFake();

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_SMS_PROVIDER", "sens")
            .setting("PORTAL_SENS_BASE_URL", SENS.baseUrl().toString())
            .setting("PORTAL_SENS_SERVICE_ID", SERVICE_ID)
            .setting("PORTAL_SENS_ACCESS_KEY", ACCESS_KEY)
            .setting("PORTAL_SENS_SECRET_KEY", SECRET_KEY)
            .setting("PORTAL_SENS_FROM", "02-1234-5678")
            .build();

    private static FakeSensServer newFake() {
        try {
            return new FakeSensServer(SERVICE_ID, ACCESS_KEY, SECRET_KEY, FROM, PORTAL_CLOCK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopFake() {
        SENS.close();
    }

    private TestDevice device() {
        return new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.EC_P256, "android");
    }

    private static FakeSensServer.Received last() {
        var received = SENS.received();
        return received.get(received.size() - 1);
    }

    @Test
    void theCodeTravelsThroughSensInASignedRequestAndActivatesTheDevice() {
        int before = SENS.received().size();
        TestDevice phone = device();

        HttpResponse<String> started = phone.startRegistration("+82 10-3000-0001");

        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(SENS.received()).hasSize(before + 1);
        FakeSensServer.Received request = last();
        assertThat(request.answeredStatus()).as("the fake accepted the signature and body").isEqualTo(202);
        assertThat(request.rawPath()).isEqualTo("/sms/v2/services/" + SERVICE_ID + "/messages");
        assertThat(request.header("x-ncp-apigw-timestamp")).isEqualTo(Long.toString(portal.clock().millis()));
        var body = TestDevice.read(new String(request.body(), StandardCharsets.UTF_8));
        assertThat(body.get("messages").get(0).get("to").asText()).isEqualTo("01030000001");
        assertThat(body.get("from").asText()).isEqualTo(FROM);
        String code = TestDevice.codeIn(body.get("content").asText());

        assertThat(phone.confirm(code).statusCode()).isEqualTo(200);
        assertThat(portal.server().devices().smsInbox()).as("no development inbox with SENS").isEmpty();
    }

    @Test
    void whenSensFailsNothingIsRegisteredAndTheDeviceIsToldToTryLater() {
        SENS.answerNext(503, "30");
        TestDevice phone = device();

        HttpResponse<String> started = phone.startRegistration("010-3000-0002");

        assertThat(started.statusCode()).isEqualTo(503);
        assertThat(started.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(TestDevice.read(started.body()).get("detail").asText()).contains("nothing was registered");
        assertThat(portal.server().devices().reports().lookUpByPhoneNumber("010-3000-0002", "staff", "127.0.0.1"))
                .isEmpty();
        assertThat(phone.startRegistration("010-3000-0002").statusCode()).as("the same key may try again")
                .isEqualTo(201);
    }
}
