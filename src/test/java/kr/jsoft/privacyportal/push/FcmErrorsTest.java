package kr.jsoft.privacyportal.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import kr.jsoft.privacyportal.testing.FakeFcmServer;
import org.junit.jupiter.api.Test;

class FcmErrorsTest {

    private final ObjectMapper json = new ObjectMapper();

    private PushOutcome.Kind classify(FakeFcmServer.Reply reply) {
        return FcmErrors.classify(reply.status(), FcmErrors.parse(json, reply.body()), Optional.empty()).kind();
    }

    @Test
    void documentedFcmErrorsAreClassified() {
        assertThat(classify(FakeFcmServer.Reply.ok())).isEqualTo(PushOutcome.Kind.DELIVERED);
        assertThat(classify(FakeFcmServer.Reply.unregistered())).isEqualTo(PushOutcome.Kind.DEAD_ADDRESS);
        assertThat(classify(FakeFcmServer.Reply.senderIdMismatch())).isEqualTo(PushOutcome.Kind.DEAD_ADDRESS);
        assertThat(classify(FakeFcmServer.Reply.invalidToken())).isEqualTo(PushOutcome.Kind.DEAD_ADDRESS);
        assertThat(classify(FakeFcmServer.Reply.invalidTokenFieldViolation())).isEqualTo(PushOutcome.Kind.DEAD_ADDRESS);
        assertThat(classify(FakeFcmServer.Reply.badRequest())).isEqualTo(PushOutcome.Kind.BUG);
        assertThat(classify(FakeFcmServer.Reply.thirdPartyAuthError())).isEqualTo(PushOutcome.Kind.CONFIG_ERROR);
        assertThat(classify(FakeFcmServer.Reply.unauthenticated())).isEqualTo(PushOutcome.Kind.CONFIG_ERROR);
        assertThat(classify(FakeFcmServer.Reply.quotaExceeded("1"))).isEqualTo(PushOutcome.Kind.RETRY);
        assertThat(classify(FakeFcmServer.Reply.unavailable())).isEqualTo(PushOutcome.Kind.RETRY);
        assertThat(classify(FakeFcmServer.Reply.internal())).isEqualTo(PushOutcome.Kind.RETRY);
    }

    @Test
    void fcmErrorPlusForeignFieldViolationIsOurBugNotADeadToken() {
        String body = "{\"error\":{\"code\":400,\"status\":\"INVALID_ARGUMENT\",\"details\":["
                + "{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"INVALID_ARGUMENT\"},"
                + "{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":[{\"field\":\"message.data[0].value\"}]}]}}";

        assertThat(FcmErrors.classify(400, FcmErrors.parse(json, body), Optional.empty()).kind())
                .isEqualTo(PushOutcome.Kind.BUG);
    }

    @Test
    void bareStatusesWithoutErrorBodyNeverDropTokens() {
        assertThat(FcmErrors.classify(404, FcmErrors.parse(json, "<html>"), Optional.empty()).kind())
                .isEqualTo(PushOutcome.Kind.CONFIG_ERROR);
        assertThat(FcmErrors.classify(403, FcmErrors.parse(json, ""), Optional.empty()).kind())
                .isEqualTo(PushOutcome.Kind.CONFIG_ERROR);
        assertThat(FcmErrors.classify(400, FcmErrors.parse(json, null), Optional.empty()).kind())
                .isEqualTo(PushOutcome.Kind.BUG);
        assertThat(FcmErrors.classify(502, FcmErrors.parse(json, ""), Optional.of(Duration.ofSeconds(7))))
                .extracting(PushOutcome::kind, PushOutcome::retryAfter)
                .containsExactly(PushOutcome.Kind.RETRY, Optional.of(Duration.ofSeconds(7)));
    }

    @Test
    void unexpectedErrorCodesAreNotEchoed() {
        String body = "{\"error\":{\"code\":400,\"status\":\"token abc\",\"details\":[]}}";

        assertThat(FcmErrors.classify(400, FcmErrors.parse(json, body), Optional.empty()).detail()).doesNotContain("abc");
    }
}
