package kr.jsoft.privacyportal.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Members of a request body that its schema in the OpenAPI document does not declare: every
 * request schema there says {@code additionalProperties: false}, and a signed request with a
 * member the app does not know of (a typo, a newer field, a probe) is refused with 400 naming
 * it, never half-understood. Read from the same document the portal serves, so the two cannot
 * drift apart.
 */
final class RequestMembers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode document;

    private RequestMembers(JsonNode document) {
        this.document = document;
    }

    static RequestMembers fromServedDocument() {
        try (InputStream in = RequestMembers.class.getResourceAsStream(OpenApiServlet.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + OpenApiServlet.RESOURCE);
            }
            return new RequestMembers(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request body's schema of {@code route}, or a missing node when it takes no body. */
    JsonNode schemaOf(DeviceApiRoute route) {
        return resolve(document.path("paths").path(route.template).path(route.method.toLowerCase(Locale.ROOT))
                .path("requestBody").path("content").path("application/json").path("schema"));
    }

    /** Paths ({@code pushAddress.keys.extra}) of the members of {@code body} that the route's schema forbids. */
    List<String> unknown(DeviceApiRoute route, JsonNode body) {
        List<String> unknown = new ArrayList<>();
        JsonNode schema = schemaOf(route);
        if (!schema.isMissingNode() && body != null && body.isObject()) {
            collect(schema, body, "", unknown);
        }
        return unknown;
    }

    private void collect(JsonNode schema, JsonNode value, String prefix, List<String> unknown) {
        schema = resolve(schema);
        if (schema.has("oneOf")) {
            schema = alternativeFor(schema.get("oneOf"), value);
            if (schema == null) {
                return;   // no alternative fits: the feature's own validation names what is wrong
            }
        }
        if (!value.isObject() || !schema.has("properties")) {
            return;
        }
        JsonNode properties = schema.get("properties");
        boolean closed = schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean();
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (properties.has(name)) {
                collect(properties.get(name), value.get(name), prefix + name + ".", unknown);
            } else if (closed) {
                unknown.add(prefix + name);
            }
        }
    }

    /** The alternative whose constant members ({@code "type": {"const": "fcm"}}) match {@code value}. */
    private JsonNode alternativeFor(JsonNode alternatives, JsonNode value) {
        for (JsonNode alternative : alternatives) {
            JsonNode resolved = resolve(alternative);
            boolean matches = true;
            for (Iterator<String> names = resolved.path("properties").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode constant = resolved.path("properties").path(name).get("const");
                if (constant != null && !constant.equals(value.get(name))) {
                    matches = false;
                }
            }
            if (matches) {
                return resolved;
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        // Local references only: "#/components/schemas/Name".
        return resolve(document.at(ref.asText().substring(1)));
    }
}
