package kr.jsoft.privacyportal.device;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device API's route table: the one list the servlet dispatches by and the OpenAPI document
 * ({@code openapi/device-api.json}) is checked against.
 */
enum DeviceApiRoute {
    START_REGISTRATION("POST", "/api/v1/devices", Signing.NONE),
    CONFIRM_REGISTRATION("POST", "/api/v1/devices/{deviceId}/confirmation", Signing.REGISTERED_KEY),
    REFRESH_PUSH_ADDRESS("PUT", "/api/v1/devices/{deviceId}/push-address", Signing.ACTIVE_KEY),
    CHECK_IN("POST", "/api/v1/devices/{deviceId}/check-ins", Signing.ACTIVE_KEY),
    FETCH_COMMANDS("GET", "/api/v1/devices/{deviceId}/commands", Signing.ACTIVE_KEY),
    POST_RECEIPT("POST", "/api/v1/devices/{deviceId}/commands/{commandId}/receipts", Signing.ACTIVE_KEY),
    UNREGISTER("DELETE", "/api/v1/devices/{deviceId}", Signing.ACTIVE_KEY),
    REQUEST_DESTRUCTION("POST", "/api/v1/devices/{deviceId}/destruction-requests", Signing.ACTIVE_KEY);

    /** Whether a route needs a Device-Signature, and which devices' keys may sign it. */
    enum Signing {
        NONE,
        /** A pending device signs its own confirmation: proof that it holds the key it registered. */
        REGISTERED_KEY,
        ACTIVE_KEY
    }

    /** The servlet mappings that cover every route. */
    static final List<String> SERVLET_MAPPINGS = List.of("/api/v1/devices", "/api/v1/devices/*");
    private static final String UUID_PATTERN = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";

    final String method;
    final String template;
    final Signing signing;
    private final Pattern pattern;

    DeviceApiRoute(String method, String template, Signing signing) {
        this.method = method;
        this.template = template;
        this.signing = signing;
        this.pattern = Pattern.compile(Pattern.quote(template)
                .replace("{deviceId}", "\\E" + UUID_PATTERN + "\\Q")
                .replace("{commandId}", "\\E" + UUID_PATTERN + "\\Q"));
    }

    /** The ids a matching path names: the device (all routes but registration start), the command. */
    record Match(Optional<UUID> deviceId, Optional<UUID> commandId) {
    }

    /** The ids named in {@code path} if this route's template matches it. */
    Optional<Match> match(String path) {
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Match(group(matcher, 1), group(matcher, 2)));
    }

    private static Optional<UUID> group(Matcher matcher, int group) {
        return matcher.groupCount() < group ? Optional.empty() : Optional.of(UUID.fromString(matcher.group(group)));
    }
}
