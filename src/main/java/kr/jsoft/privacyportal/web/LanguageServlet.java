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
    private static final Pattern LOCAL_PAGE = Pattern.compile("^/(ko|en)(/.*)?$");
    private static final Pattern DASHBOARD_PAGE = Pattern.compile("^/manager(/.*)?$");
    /** Path characters of the portal's own addresses; no ';' (path parameters), no control characters. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._~!$&'()*+,=:@%/-]*");
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");
    /**
     * A '%' that is not the escape of a non-ASCII byte: the portal's paths never need an encoded ASCII
     * character, and one ({@code %2f}, {@code %0d}, {@code %2e}) is how a redirect is bent off-site.
     */
    private static final Pattern ENCODED_ASCII = Pattern.compile("%(?![89a-fA-F][0-9a-fA-F])");
    private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();
    private final boolean secureCookies;

    public LanguageServlet(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /**
     * Only a relative address of this site's pages: a path under {@code /ko}, {@code /en} or
     * {@code /manager} that {@link PathRule} would let through, without encoded ASCII, and a
     * plain query. Everything else (another host, {@code //evil}, CR/LF, dot segments) is a 400.
     */
    static boolean sameSitePage(String to) {
        if (to == null) {
            return false;
        }
        String path = path(to);
        String query = to.length() > path.length() ? to.substring(path.length() + 1) : "";
        return PATH.matcher(path).matches() && PathRule.acceptable(path) && !ENCODED_ASCII.matcher(path).find()
                && QUERY.matcher(query).matches() && !ENCODED_ASCII.matcher(query).find()
                && (LOCAL_PAGE.matcher(path).matches() || DASHBOARD_PAGE.matcher(path).matches());
    }

    private static String path(String to) {
        int query = to.indexOf('?');
        return query < 0 ? to : to.substring(0, query);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (SWITCH_PATH.equals(RequestPath.of(request))) {
            String to = request.getParameter("to");
            Lang chosen;
            if (!sameSitePage(to)) {
                throw new BadRequestException("Parameter 'to' must be a page of this site under /ko/, /en/ or /manager.");
            }
            if (DASHBOARD_PAGE.matcher(path(to)).matches()) {
                chosen = Lang.parse(request.getParameter("set")).orElseThrow(() ->
                        new BadRequestException("Parameter 'set' must be ko or en."));
            } else if (LOCAL_PAGE.matcher(path(to)).matches()) {
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
