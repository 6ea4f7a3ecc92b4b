package kr.jsoft.privacyportal.web;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names for requests that are safe to log and to use as metric labels: the route (the servlet
 * mapping that served the request, never the raw path with its ids and tokens) and the path
 * with its secret parts redacted.
 */
final class Routes {
    /** Path prefixes whose rest is a secret (status links, confirmation, unsubscribe and setup tokens). */
    static final Set<String> SECRET_PREFIXES = Set.of("/complaints/status/", "/notices/subscribe/confirm/",
            "/unsubscribe/", "/manager/setup/");
    static final String REDACTED = "[redacted]";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** The longest secret prefix, with room for a language before it: longer paths so far are past them all. */
    private static final int SECRET_PREFIX_REACH = 3 + SECRET_PREFIXES.stream().mapToInt(String::length).max().orElse(0);
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,15}");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private Routes() {
    }

    /**
     * The route label of a request being served: the servlet mapping's pattern with the
     * language folded ({@code /{lang}/complaints/*}); {@code /static/*} for static files and
     * {@code unmatched} for everything the default servlet answers with 404.
     */
    public static String of(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        if (mapping == null || mapping.getMappingMatch() == null) {
            return "unmatched";
        }
        if (mapping.getMappingMatch() == MappingMatch.DEFAULT) {
            String path = request.getRequestURI();
            return path.startsWith("/static/") ? "/static/*" : "unmatched";
        }
        if (mapping.getMappingMatch() == MappingMatch.CONTEXT_ROOT) {
            return "/";
        }
        return foldLanguage(mapping.getPattern());
    }

    static String foldLanguage(String pattern) {
        // "/ko", "/ko/" → "/{lang}"; "/ko/…", "/ko.…" → "/{lang}/…", "/{lang}.…"; without building the prefixes.
        if (pattern.length() < 3 || pattern.charAt(0) != '/' || Lang.parse(pattern.substring(1, 3)).isEmpty()) {
            return pattern;
        }
        if (pattern.length() == 3 || pattern.length() == 4 && pattern.charAt(3) == '/') {
            return "/{lang}";
        }
        char next = pattern.charAt(3);
        return next == '/' || next == '.' ? "/{lang}" + pattern.substring(3) : pattern;
    }

    /** A method name from a small fixed set (metric labels stay bounded). */
    public static String method(HttpServletRequest request) {
        return method(request.getMethod());
    }

    /** A method name for a log line or a metric: the known ones, else {@code OTHER}. */
    static String method(String name) {
        String method = name.toUpperCase(Locale.ROOT);
        return METHODS.contains(method) ? method : "OTHER";
    }

    /**
     * The path for a log line: after a secret prefix everything is {@code [redacted]}, and so
     * is every other segment that is not plainly harmless (UUIDs stay: they are opaque record
     * ids); a query string keeps only its parameter names, never values.
     */
    public static String loggable(String path, String query) {
        StringBuilder out = new StringBuilder();
        String[] segments = path.split("/", -1);
        boolean secretRest = false;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            out.append('/');
            if (secretRest && !segment.isEmpty()) {
                out.append(REDACTED);
                break;
            }
            out.append(segment.isEmpty() || plain(segment) || uuid(segment) ? segment : REDACTED);
            if (out.length() > SECRET_PREFIX_REACH) {
                secretRest = false;
                continue;
            }
            String soFar = out.toString();
            String withoutLanguage = soFar.length() > 3 && Lang.parse(segments[1]).isPresent()
                    ? soFar.substring(3) : soFar;
            secretRest = SECRET_PREFIXES.contains(withoutLanguage + "/");
        }
        if (out.length() == 0) {
            out.append('/');
        }
        if (query != null && !query.isEmpty()) {
            out.append('?');
            String[] parameters = query.split("&");
            for (int i = 0; i < parameters.length; i++) {
                String name = parameters[i].split("=", 2)[0];
                out.append(i == 0 ? "" : "&").append(PARAMETER_NAME.matcher(name).matches() ? name : REDACTED);
            }
        }
        return out.toString();
    }

    /**
     * A segment that cannot be a token, an address or a phone number: at most 15 plain
     * characters {@code [A-Za-z0-9._-]} (tokens are longer), so no '@' or '%', and fewer than 9
     * digits (numbers have 10+). A loop, not a pattern: it runs for every segment of every request.
     */
    static boolean plain(String segment) {
        int length = segment.length();
        if (length < 1 || length > 15) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < length; i++) {
            char c = segment.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return digits < 9;
    }

    private static boolean uuid(String segment) {
        return segment.length() == 36 && UUID.matcher(segment).matches();
    }
}
