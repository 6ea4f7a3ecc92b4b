package kr.jsoft.privacyportal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.TestDevice;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * Property-based hostile input against the real server: every public form (found on the public
 * pages, with a valid CSRF token and the visitor's cookies) and every device API operation (signed
 * where the API wants a signature) gets malformed, oversized and hostile values: any code point
 * including controls and lone surrogates, invalid percent-encoding and raw bytes that are not
 * UTF-8, 300 KB values, thousands of fields, wrong types, unknown members, deep nesting. Nothing
 * may answer 5xx, and input the portal refuses (4xx) leaves every table a visitor or device can
 * write exactly as it was. Tries are bounded so the suite stays within its CI budget.
 */
class HostileInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The tables public forms and the device API write to. */
    private static final List<String> TABLES = List.of("complaint", "complaint_entry", "notice_subscriber",
            "mail_outbox", "device", "destruction_request", "destruction_device", "device_command_receipt");
    private static final List<String> FORM_PAGES = List.of("/ko/complaints/new", "/en/complaints/status-link",
            "/ko/notices/subscribe", "/en/notices/subscribe/stop", "/ko/destruction", "/en/destruction/lost");

    private static PortalFixture portal;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static List<Form> forms;
    private static TestDevice device;

    /** A public form as its page offers it: where it posts, its fields, the token and cookies to send. */
    record Form(String action, List<String> fields, String token, String cookies) {
    }

    @BeforeContainer
    static void start() throws Exception {
        portal = PortalFixture.builder()
                .setting("PORTAL_COMPLAINT_LIMIT_PER_ADDRESS", "1000")
                .setting("PORTAL_COMPLAINT_LIMIT_PER_EMAIL", "1000")
                .setting("PORTAL_SMS_LIMIT_PER_ADDRESS", "10000")
                .setting("PORTAL_SMS_DAILY_BUDGET", "100000")
                .build();
        portal.start();
        forms = discoverForms();
        device = new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.EC_P256, "android")
                .register("010-5555-0101", number -> portal.server().devices().smsInbox().orElseThrow()
                        .latestTo(number).orElseThrow().text());
    }

    @AfterContainer
    static void stop() {
        portal.stop();
    }

    private static List<Form> discoverForms() throws IOException {
        List<Form> found = new ArrayList<>();
        try (WebClient browser = portal.browser()) {
            for (String path : FORM_PAGES) {
                HtmlPage page = browser.getPage(portal.url(path));
                for (HtmlForm form : page.getForms()) {
                    if (!"post".equalsIgnoreCase(form.getMethodAttribute())) {
                        continue;
                    }
                    List<String> fields = form.querySelectorAll("input[name], select[name], textarea[name]").stream()
                            .map(node -> ((HtmlElement) node).getAttribute("name"))
                            .filter(name -> !name.equals("_csrf")).distinct().toList();
                    HtmlElement token = form.querySelector("input[name=_csrf]");
                    String cookies = browser.getCookieManager().getCookies().stream()
                            .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
                    found.add(new Form(URI.create(portal.url(path)).resolve(form.getActionAttribute()).getPath(), fields,
                            token == null ? "" : token.getAttribute("value"), cookies));
                }
            }
        }
        assertThat(found).extracting(Form::action).contains("/ko/complaints/new", "/ko/notices/subscribe",
                "/ko/destruction");
        // Posted to without a form of their own on a public page: a status page's reply and a mail's link.
        Form any = found.get(0);
        found.add(new Form("/ko/complaints/status/AAAAAAAAAAAAAAAAAAAAAA", List.of("message"), any.token(), any.cookies()));
        found.add(new Form("/unsubscribe/not-a-real-token", List.of("List-Unsubscribe"), any.token(), any.cookies()));
        return found;
    }

    @Provide
    Arbitrary<String> hostileValue() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().all().ofMaxLength(120).map(HostileInputIT::encode)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars("\u0000\u0001\u0008\u000b\u001b\u007f\u0085"
                        + "\u2028\u202e\ufeff\ud800\udfff<>\"'&%;=+\\").ofMaxLength(60).map(HostileInputIT::encode)),
                // Not percent-encoding, or percent-encoding of bytes that are not UTF-8, or raw such bytes.
                net.jqwik.api.Tuple.of(2, Arbitraries.of("%", "%zz", "%G0", "a%2", "%C3%28", "%FF%FE%FD", "%ED%A0%80",
                        "%C0%AF", "%00", "\u00ff\u00fe", "\u00c3\u0028", "%E2%82")),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(20_000, 300_000).map("x"::repeat)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("<script>alert(1)</script>", "' OR '1'='1' --",
                        "../../../../etc/passwd", "${jndi:ldap://127.0.0.1/a}", "[[${T(java.lang.Runtime)}]]",
                        "__${7*7}__::.x", "010-0000-0000\r\nBcc: x@example.com", "a@b", "-1", "99999999999999999999")
                        .map(HostileInputIT::encode)));
    }

    /** What else is odd about a submission besides its values. */
    enum Shape { PLAIN, EVERY_FIELD_TWICE, THOUSANDS_OF_FIELDS, JSON_CONTENT_TYPE, NO_CONTENT_TYPE }

    @Provide
    Arbitrary<Map.Entry<Form, String>> submissions() {
        return Arbitraries.of(forms).flatMap(form -> hostileValue().list().ofSize(Math.max(1, form.fields().size()))
                .flatMap(values -> Arbitraries.of(Shape.values()).map(shape ->
                        Map.entry(form, shape + "\n" + body(form, values, shape)))));
    }

    private static String body(Form form, List<String> values, Shape shape) {
        StringBuilder body = new StringBuilder("_csrf=").append(encode(form.token()));
        int copies = shape == Shape.EVERY_FIELD_TWICE ? 2 : 1;
        for (int c = 0; c < copies; c++) {
            for (int i = 0; i < form.fields().size(); i++) {
                body.append('&').append(encode(form.fields().get(i))).append('=').append(values.get(i));
            }
        }
        if (shape == Shape.THOUSANDS_OF_FIELDS) {
            for (int i = 0; i < 2_000; i++) {
                body.append("&f").append(i).append('=').append(i);
            }
        }
        return body.toString();
    }

    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void noPublicFormAnswers5xxOrWritesAnythingItRefuses(@ForAll("submissions") Map.Entry<Form, String> submission)
            throws Exception {
        Form form = submission.getKey();
        String[] shapeAndBody = submission.getValue().split("\n", 2);
        Shape shape = Shape.valueOf(shapeAndBody[0]);
        Map<String, Long> before = rowCounts();

        HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri(form.action())).timeout(Duration.ofSeconds(60))
                // Latin-1 keeps the raw bytes a value holds (\u00ff is the byte 0xFF): not UTF-8 on purpose.
                .POST(HttpRequest.BodyPublishers.ofByteArray(shapeAndBody[1].getBytes(StandardCharsets.ISO_8859_1)))
                .header("Cookie", form.cookies());
        switch (shape) {
            case JSON_CONTENT_TYPE -> request.header("Content-Type", "application/json");
            case NO_CONTENT_TYPE -> { }
            default -> request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("%s %s", form.action(), shape).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(rowCounts()).as("refused %s %s wrote nothing", form.action(), shape).isEqualTo(before);
        }
    }

    @Example
    void aNulCharacterInAFormValueIsRefusedNotAnIncident() throws Exception {
        // PostgreSQL refuses NUL in any text parameter: the lookup failed with an incident before.
        Form statusLink = forms.stream().filter(f -> f.action().equals("/en/complaints/status-link")).findFirst()
                .orElseThrow();
        Map<String, Long> before = rowCounts();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(portal.uri(statusLink.action()))
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(statusLink.token())
                        + "&reference=C-2026-%00&email=a%40example.com"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", statusLink.cookies())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(rowCounts()).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<String> hostileJson() {
        Arbitrary<Object> oddValue = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80).map(s -> (Object) s),
                Arbitraries.integers().between(20_000, 200_000).map(n -> (Object) "y".repeat(n)),
                Arbitraries.of(-1, Long.MAX_VALUE, 1e308, true, false).map(v -> (Object) v),
                Arbitraries.just((Object) null),
                Arbitraries.just((Object) List.of(1, "two", Map.of("three", 3))),
                Arbitraries.just((Object) Map.of("nested", Map.of("deeper", List.of()))));
        Arbitrary<String> mutated = Arbitraries.of(validBodies()).flatMap(valid ->
                Arbitraries.oneOf(
                        // A member with the wrong type or a hostile value.
                        oddValue.flatMap(value -> Arbitraries.of(fieldsOf(valid)).map(field -> with(valid, field, value))),
                        // A member the schema does not know.
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).flatMap(name ->
                                oddValue.map(value -> with(valid, "x" + name, value)))));
        Arbitrary<String> broken = Arbitraries.oneOf(
                Arbitraries.integers().between(100, 20_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(100, 20_000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
                Arbitraries.of("", "{", "}", "null", "[]", "1", "\"text\"", "{\"a\":1,}", "{'a':1}", "{\"a\":1}{\"b\":2}",
                        "{\"code\":\"\u0000\"}", "\ufeff{}", "{\"a\":NaN}"),
                Arbitraries.strings().all().ofMaxLength(200));
        return Arbitraries.oneOf(mutated, broken);
    }

    private static List<String> validBodies() {
        return List.of("{\"code\":\"123456\"}", "{\"pushAddress\":{\"type\":\"fcm\",\"token\":\"t\"}}",
                "{\"appVersion\":\"1.0\"}", "{\"type\":\"completed\",\"nonce\":\"n\",\"counts\":{\"contacts\":3}}",
                "{\"email\":\"a@example.com\",\"lang\":\"ko\"}",
                "{\"phoneNumber\":\"010-1234-5678\",\"platform\":\"web\",\"appVersion\":\"1.0\",\"pushAddress\":"
                        + "{\"type\":\"webpush\",\"endpoint\":\"https://push.example/x\",\"keys\":{\"p256dh\":\"a\","
                        + "\"auth\":\"b\"}},\"publicKey\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"abc\"}}");
    }

    private static List<String> fieldsOf(String json) {
        try {
            List<String> names = new ArrayList<>();
            JSON.readTree(json).fieldNames().forEachRemaining(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String with(String json, String field, Object value) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(json);
            node.set(field, JSON.valueToTree(value));
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation of the device API; signed as the device when the operation needs it. */
    enum Operation {
        START_REGISTRATION("POST", "/api/v1/devices", false),
        CONFIRM_REGISTRATION("POST", "/api/v1/devices/{id}/confirmation", true),
        REFRESH_PUSH_ADDRESS("PUT", "/api/v1/devices/{id}/push-address", true),
        CHECK_IN("POST", "/api/v1/devices/{id}/check-ins", true),
        POST_RECEIPT("POST", "/api/v1/devices/{id}/commands/00000000-0000-0000-0000-000000000000/receipts", true),
        REQUEST_DESTRUCTION("POST", "/api/v1/devices/{id}/destruction-requests", true);

        final String method;
        final String path;
        final boolean signed;

        Operation(String method, String path, boolean signed) {
            this.method = method;
            this.path = path;
            this.signed = signed;
        }
    }

    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void noDeviceApiOperationAnswers5xxOrWritesAnythingItRefuses(@ForAll Operation operation,
                                                                @ForAll("hostileJson") String body) {
        String path = operation.path.replace("{id}", device.deviceId());
        Map<String, Long> before = rowCounts();

        HttpResponse<String> response = operation.signed ? device.signed(operation.method, path, body)
                : device.send(operation.method, path, body, null);

        assertThat(response.statusCode()).as("%s %s", operation, abbreviated(body)).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            assertThat(rowCounts()).as("refused %s wrote nothing", operation).isEqualTo(before);
        }
    }

    @Property(tries = 20, shrinking = ShrinkingMode.OFF)
    void aRegistrationWhoseBytesAreNotUtf8IsRefusedWithAProblem(@ForAll("notUtf8") byte[] body) throws Exception {
        Map<String, Long> before = rowCounts();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(portal.uri("/api/v1/devices"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Provide
    Arbitrary<byte[]> notUtf8() {
        return Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF})
                .map(bad -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes("{\"phoneNumber\":\"010-1234-5678\",\"platform\":\"".getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(bad);
                    out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
                    return out.toByteArray();
                });
    }

    private static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        portal.server().database().inTransaction(session -> {
            for (String table : TABLES) {
                counts.put(table, ((Number) session.createNativeQuery("select count(*) from " + table, Object.class)
                        .getSingleResult()).longValue());
            }
        });
        return counts;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "… (" + body.length() + " chars)";
    }
}
