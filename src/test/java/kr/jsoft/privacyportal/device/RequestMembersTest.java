package kr.jsoft.privacyportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every operation with a body, against its schema in the served OpenAPI document, both ways. */
class RequestMembersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RequestMembers members = RequestMembers.fromServedDocument();

    private static final Map<DeviceApiRoute, String> VALID = Map.of(
            DeviceApiRoute.START_REGISTRATION, """
                    {"phoneNumber":"010-1234-5678","platform":"web","appVersion":"1.0",
                     "pushAddress":{"type":"webpush","endpoint":"https://push.example/x","keys":{"p256dh":"a","auth":"b"}},
                     "publicKey":{"kty":"OKP","crv":"Ed25519","x":"abc"}}""",
            DeviceApiRoute.CONFIRM_REGISTRATION, """
                    {"code":"123456"}""",
            DeviceApiRoute.REFRESH_PUSH_ADDRESS, """
                    {"pushAddress":{"type":"fcm","token":"t"}}""",
            DeviceApiRoute.CHECK_IN, """
                    {"appVersion":"1.0"}""",
            DeviceApiRoute.POST_RECEIPT, """
                    {"type":"completed","nonce":"n","counts":{"contacts":3,"cardImages":1}}""",
            DeviceApiRoute.REQUEST_DESTRUCTION, """
                    {"email":"a@example.com","lang":"ko"}""");

    @Test
    void everyRequestSchemaOfTheDocumentIsClosed() {
        for (DeviceApiRoute route : VALID.keySet()) {
            JsonNode schema = members.schemaOf(route);
            assertThat(schema.path("additionalProperties").asBoolean(true)).as(route.name()).isFalse();
        }
    }

    @Test
    void validBodiesOfEveryOperationHaveNoUnknownMembers() throws Exception {
        for (var example : VALID.entrySet()) {
            assertThat(members.unknown(example.getKey(), JSON.readTree(example.getValue()))).as(example.getKey().name())
                    .isEmpty();
        }
    }

    @Test
    void anUnknownTopLevelMemberIsNamedForEveryOperation() throws Exception {
        for (var example : VALID.entrySet()) {
            ObjectNode body = (ObjectNode) JSON.readTree(example.getValue());
            body.put("foo", 1);
            assertThat(members.unknown(example.getKey(), body)).as(example.getKey().name()).containsExactly("foo");
        }
    }

    @Test
    void unknownMembersInsideNestedObjectsAreNamedByTheirPath() throws Exception {
        ObjectNode registration = (ObjectNode) JSON.readTree(VALID.get(DeviceApiRoute.START_REGISTRATION));
        ((ObjectNode) registration.get("pushAddress").get("keys")).put("extra", true);
        ((ObjectNode) registration.get("publicKey")).put("use", "sig");
        assertThat(members.unknown(DeviceApiRoute.START_REGISTRATION, registration))
                .containsExactlyInAnyOrder("pushAddress.keys.extra", "publicKey.use");

        ObjectNode refresh = (ObjectNode) JSON.readTree(VALID.get(DeviceApiRoute.REFRESH_PUSH_ADDRESS));
        ((ObjectNode) refresh.get("pushAddress")).put("endpoint", "https://x");
        assertThat(members.unknown(DeviceApiRoute.REFRESH_PUSH_ADDRESS, refresh)).containsExactly("pushAddress.endpoint");
    }

    @Test
    void receiptCountsTakeAnyKindNameAsTheSchemaAllows() throws Exception {
        assertThat(members.unknown(DeviceApiRoute.POST_RECEIPT,
                JSON.readTree("{\"type\":\"completed\",\"nonce\":\"n\",\"counts\":{\"anything\":1}}"))).isEmpty();
    }
}
