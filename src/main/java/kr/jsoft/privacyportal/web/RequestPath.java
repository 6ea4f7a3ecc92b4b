package kr.jsoft.privacyportal.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is served under, decoded and normalised exactly as the container matched
 * it to a servlet (servlet path + path info; the portal's context is the root). Every access
 * decision (the dashboard's gate, CSRF exemptions, API or page answers) compares this, never
 * {@link HttpServletRequest#getRequestURI()}, the raw path as sent: raw {@code /%6danager/…} is
 * the dashboard, raw {@code /unsubscribe/../manager/…} is not the unsubscribe page. {@link PathRule}
 * already refuses the ambiguous forms; this keeps the decisions right for the harmless ones.
 */
public final class RequestPath {
    private RequestPath() {
    }

    public static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** Whether {@code path} is {@code area} itself or below it ({@code area} given as {@code /api/}). */
    public static boolean under(String path, String area) {
        return path.startsWith(area) || path.equals(area.substring(0, area.length() - 1));
    }
}
