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
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.isSecure() || httpsBaseUrl) {
            headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        return super.handle(request, response, callback);
    }
}
