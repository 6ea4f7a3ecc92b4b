package kr.jsoft.privacyportal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Language without a page of its own. A bare address ({@code /policy}, {@code /notices/…},
 * {@code /contact}) redirects to the visitor's language ({@link Lang#preferred}). The
 * language switch link, {@code /lang?to=/en/policy}, remembers the choice in the {@code lang}
 * cookie and goes to the page: only local {@code /ko/…} or {@code /en/…} addresses. The staff
 * dashboard has no language in its addresses: {@code /lang?set=en&to=/manager/complaints} stores
 * the choice and returns to the same dashboard page, so the switch never leaves the dashboard.
 */
public final class LanguageServlet extends HttpServlet {
    public static final String SWITCH_PATH = "/lang";
    private static final Pattern LOCAL_PAGE = Pattern.compile("^/(ko|en)(/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?$");
    private static final Pattern DASHBOARD_PAGE = Pattern.compile("^/manager(/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?$");
    private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();
    private final boolean secureCookies;

    public LanguageServlet(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (SWITCH_PATH.equals(path)) {
            String to = request.getParameter("to");
            Lang chosen;
            if (to != null && DASHBOARD_PAGE.matcher(to).matches() && !to.contains("//")) {
                chosen = Lang.parse(request.getParameter("set")).orElseThrow(() ->
                        new BadRequestException("Parameter 'set' must be ko or en."));
            } else if (to != null && LOCAL_PAGE.matcher(to).matches() && !to.contains("//")) {
                chosen = Lang.parse(to.substring(1, 3)).orElseThrow();
            } else {
                throw new BadRequestException("Parameter 'to' must be a page of this site under /ko/, /en/ or /manager.");
            }
            Cookie cookie = new Cookie(Lang.COOKIE, chosen.code());
            cookie.setPath("/");
            cookie.setMaxAge(ONE_YEAR);
            cookie.setHttpOnly(true);
            cookie.setSecure(secureCookies);
            // Not a secret, and a link from another site may carry the visitor's choice along.
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(to, HttpServletResponse.SC_SEE_OTHER);
            return;
        }
        String query = request.getQueryString();
        response.setHeader("Vary", "Accept-Language, Cookie");
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect("/" + Lang.preferred(request).code() + path + (query == null ? "" : "?" + query));
    }
}
