package kr.jsoft.privacyportal.web;

import org.eclipse.jetty.ee11.servlet.ErrorPageErrorHandler;

/**
 * The container's error pages: JSPs under {@code WEB-INF/jsp/}, so they render even when
 * the application's own view layer fails. Every method gets a page (Jetty's default is
 * GET, POST and HEAD only), and stack traces are never shown.
 */
public final class ErrorPages extends ErrorPageErrorHandler {
    public ErrorPages() {
        addErrorPage(400, "/WEB-INF/jsp/400.jsp");
        addErrorPage(403, "/WEB-INF/jsp/403.jsp");
        addErrorPage(404, "/WEB-INF/jsp/404.jsp");
        addErrorPage(405, 428, "/WEB-INF/jsp/400.jsp");
        addErrorPage(429, "/WEB-INF/jsp/429.jsp");
        addErrorPage(503, "/WEB-INF/jsp/503.jsp");
        addErrorPage(Throwable.class, "/WEB-INF/jsp/500.jsp");
        addErrorPage(GLOBAL_ERROR_PAGE, "/WEB-INF/jsp/500.jsp");
        setShowStacks(false);
        setShowMessageInTitle(false);
        setShowOrigin(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }
}
