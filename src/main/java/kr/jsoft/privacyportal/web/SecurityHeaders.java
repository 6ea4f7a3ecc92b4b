package kr.jsoft.privacyportal.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Security headers on every response of the public connector, error pages included: set by the
 * handler around the whole web context, before any filter or servlet runs, so no code path can
 * forget them.
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
    private final boolean httpsBaseUrl;

    public SecurityHeaders(Handler handler, boolean httpsBaseUrl) {
        super(handler);
        this.httpsBaseUrl = httpsBaseUrl;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        apply(response.getHeaders(), request.isSecure() || httpsBaseUrl);
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
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (https) {
            headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
