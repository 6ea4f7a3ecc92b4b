package kr.jsoft.privacyportal.device;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the device API's OpenAPI 3 document, kept in the repository at {@code openapi/device-api.json}. */
final class OpenApiServlet extends HttpServlet {
    /** Where the document is served. */
    public static final String PATH = "/api/v1/openapi.json";
    static final String RESOURCE = "/openapi/device-api.json";
    private final byte[] document;

    public OpenApiServlet() {
        try (InputStream in = OpenApiServlet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
