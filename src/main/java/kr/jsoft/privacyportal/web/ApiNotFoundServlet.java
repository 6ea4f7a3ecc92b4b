package kr.jsoft.privacyportal.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The fallback under {@code /api/}: an unknown route is a 404 problem, not an HTML page. */
public final class ApiNotFoundServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(404, "No such API route: " + request.getMethod() + " " + request.getRequestURI());
    }
}
