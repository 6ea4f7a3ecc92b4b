package kr.jsoft.privacyportal.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address as this server sees it. Used for rate limits (as a keyed hash) and,
 * for staff only, in the audit log. (Forwarded headers are not trusted: there is no trusted
 * proxy list yet.)
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
