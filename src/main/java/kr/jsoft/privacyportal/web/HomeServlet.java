package kr.jsoft.privacyportal.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The home page, {@code /ko/} and {@code /en/}; {@code /} redirects to the visitor's language. */
public final class HomeServlet extends HttpServlet {
    private final View view;

    public HomeServlet(View view) {
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if ("/".equals(path)) {
            response.setHeader("Vary", "Accept-Language, Cookie");
            response.sendRedirect("/" + Lang.preferred(request).code() + "/");
            return;
        }
        if (path.equals("/ko") || path.equals("/en")) {
            response.sendRedirect(path + "/");
            return;
        }
        if (!path.equals("/ko/") && !path.equals("/en/")) {
            response.sendError(404);
            return;
        }
        view.render(request, response, "home/index", Map.of());
    }
}
