package kr.jsoft.privacyportal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SensSignatureTest {

    private static final String PATH = "/sms/v2/services/ncp:sms:kr:123456789012:portal/messages";
    private static final long TIMESTAMP = 1_764_504_000_000L;
    private static final String ACCESS_KEY = "AKIDTEST0000EXAMPLE";
    private static final String SECRET_KEY = "test-secret-key-do-not-use";

    @Test
    void signatureMatchesAnIndependentHmacOverMethodPathTimestampAndAccessKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(
                ("POST " + PATH + "\n" + TIMESTAMP + "\n" + ACCESS_KEY).getBytes(StandardCharsets.UTF_8)));

        assertThat(SensSignature.sign("POST", PATH, TIMESTAMP, ACCESS_KEY, SECRET_KEY)).isEqualTo(expected);
    }

    @Test
    void signatureMatchesAKnownVector() {
        // computed once with: printf 'POST <path>\n1764504000000\nAKIDTEST0000EXAMPLE'
        //   | openssl dgst -sha256 -hmac 'test-secret-key-do-not-use' -binary | base64
        assertThat(SensSignature.sign("POST", PATH, TIMESTAMP, ACCESS_KEY, SECRET_KEY))
                .isEqualTo("tbWc6JcRkgjegPqOY6PzexvgwYms+1uA2c+kWiRuE68=");
    }

    @Test
    void signatureDependsOnEveryPart() {
        String base = SensSignature.sign("POST", PATH, TIMESTAMP, ACCESS_KEY, SECRET_KEY);
        assertThat(SensSignature.sign("POST", PATH + "x", TIMESTAMP, ACCESS_KEY, SECRET_KEY)).isNotEqualTo(base);
        assertThat(SensSignature.sign("POST", PATH, TIMESTAMP + 1, ACCESS_KEY, SECRET_KEY)).isNotEqualTo(base);
        assertThat(SensSignature.sign("POST", PATH, TIMESTAMP, ACCESS_KEY + "x", SECRET_KEY)).isNotEqualTo(base);
        assertThat(SensSignature.sign("POST", PATH, TIMESTAMP, ACCESS_KEY, SECRET_KEY + "x")).isNotEqualTo(base);
        assertThat(SensSignature.sign("GET", PATH, TIMESTAMP, ACCESS_KEY, SECRET_KEY)).isNotEqualTo(base);
    }
}
