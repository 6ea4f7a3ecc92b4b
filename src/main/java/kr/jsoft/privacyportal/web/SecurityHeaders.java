package kr.jsoft.privacyportal.web;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Security headers on every response of the public connector, error pages included: set by the
 * handler around the whole web context, before any filter or servlet runs, so no code path can
 * forget them. The header sets are built and encoded once ({@link PreEncodedHttpField}): each
 * request only appends the same field objects to its still empty response headers.
 */
public final class SecurityHeaders extends Handler.Wrapper {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    private static final List<HttpField> PLAIN = fields(false);
    private static final List<HttpField> HTTPS = fields(true);
    private final boolean httpsBaseUrl;

    public SecurityHeaders(Handler handler, boolean httpsBaseUrl) {
        super(handler);
        this.httpsBaseUrl = httpsBaseUrl;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // Nothing has set a response header yet: appending is enough (no search for one to replace).
        HttpFields.Mutable headers = response.getHeaders();
        for (HttpField field : request.isSecure() || httpsBaseUrl ? HTTPS : PLAIN) {
            headers.add(field);
        }
        if ("TRACE".equals(request.getMethod())) {
            // TRACE echoes the request, cookies included (cross-site tracing); no page of the portal answers it.
            response.getHeaders().put("Allow", "GET, HEAD, POST, OPTIONS");
            Response.writeError(request, response, callback, 405);
            return true;
        }
        return super.handle(request, response, callback);
    }

    /** The headers themselves; also what {@link ServerErrors} sets on answers Jetty gives before this handler runs. */
    static void apply(HttpFields.Mutable headers, boolean https) {
        for (HttpField field : https ? HTTPS : PLAIN) {
            headers.put(field);
        }
    }

    private static List<HttpField> fields(boolean https) {
        List<HttpField> fields = new ArrayList<>(List.of(
                new PreEncodedHttpField("Content-Security-Policy", CONTENT_SECURITY_POLICY),
                new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
                new PreEncodedHttpField("Referrer-Policy", "same-origin"),
                new PreEncodedHttpField("X-Frame-Options", "DENY"),
                new PreEncodedHttpField("Cross-Origin-Opener-Policy", "same-origin"),
                new PreEncodedHttpField("Permissions-Policy", "camera=(), microphone=(), geolocation=()")));
        if (https) {
            fields.add(new PreEncodedHttpField("Strict-Transport-Security", "max-age=31536000; includeSubDomains"));
        }
        return List.copyOf(fields);
    }
}
