package kr.jsoft.privacyportal.policy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.PageCache;
import kr.jsoft.privacyportal.web.View;

/** {@code /{lang}/contact}: the privacy manager and outside organisations, from the version in force's metadata. */
final class ContactServlet extends HttpServlet {
    static final String TEMPLATE = "policy/contact";
    private final PolicyPages pages;
    private final PageCache cache;
    private final View view;

    public ContactServlet(PolicyPages pages, PageCache cache, View view) {
        this.pages = pages;
        this.cache = cache;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Lang lang = Lang.of(request);
        cache.serve(request, response, "text/html;charset=UTF-8",
                () -> view.renderToString(request, response, TEMPLATE, PolicyServlet.withoutNulls(pages.contact(lang))));
    }
}
