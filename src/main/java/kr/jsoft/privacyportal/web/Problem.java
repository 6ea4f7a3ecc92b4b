package kr.jsoft.privacyportal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.http.HttpStatus;

/** RFC 9457 problem details, the error body of everything under {@code /api/}. */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problem() {
    }

    public static void write(HttpServletResponse response, int status, String detail, String instance)
            throws IOException {
        write(response, status, detail, instance, java.util.Map.of());
    }

    /** With extension members (RFC 9457 §3.2), e.g. {@code errors} listing each invalid field. */
    public static void write(HttpServletResponse response, int status, String detail, String instance,
                             java.util.Map<String, ?> extensions) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.getMessage(status));
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        extensions.forEach((name, value) -> body.set(name, JSON.valueToTree(value)));
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
