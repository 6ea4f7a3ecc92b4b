package kr.jsoft.privacyportal.policy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Messages;
import kr.jsoft.privacyportal.web.PageCache;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /{lang}/policy} (the version in force), {@code /{lang}/policy/versions} (the archive),
 * {@code /{lang}/policy/compare?from=…&to=…} (a redline) and {@code /{lang}/policy/{label}}
 * (every published version at a stable address). Pages come from the {@link PageCache}.
 */
final class PolicyServlet extends HttpServlet {
    static final String PAGE = "policy/page";
    static final String VERSIONS = "policy/versions";
    static final String COMPARE = "policy/compare";
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final PolicyPages pages;
    private final PageCache cache;
    private final View view;

    public PolicyServlet(PolicyPages pages, PageCache cache, View view) {
        this.pages = pages;
        this.cache = cache;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Lang lang = Lang.of(request);
        String rest = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (rest.equals("/")) {
            response.sendRedirect("/" + lang.code() + "/policy");
            return;
        }
        switch (rest) {
            case "" -> serve(request, response, PAGE, () -> pages.current(lang));
            case "/versions" -> serve(request, response, VERSIONS, () -> pages.versions(lang));
            case "/compare" -> {
                PolicyVersionInfo from = pages.published(label(request, "from", lang), "from", lang);
                PolicyVersionInfo to = pages.published(label(request, "to", lang), "to", lang);
                serve(request, response, COMPARE, () -> pages.compare(from, to, lang));
            }
            default -> {
                String label = rest.substring(1);
                if (!LABEL.matcher(label).matches()) {
                    throw new BadRequestException(404, Messages.resolve(lang.locale(), "policy.unknown", label));
                }
                PolicyVersionInfo version = pages.published(label, null, lang);
                serve(request, response, PAGE, () -> pages.version(version, lang));
            }
        }
    }

    /** A version label parameter: present and well-formed, else the 400 page naming the parameter. */
    private static String label(HttpServletRequest request, String parameter, Lang lang) {
        String value = request.getParameter(parameter);
        if (value == null || value.isBlank()) {
            throw new BadRequestException(Messages.resolve(lang.locale(), "policy.compare.missing", parameter));
        }
        if (!LABEL.matcher(value).matches()) {
            throw new BadRequestException(Messages.resolve(lang.locale(), "policy.compare.unknown", parameter, value));
        }
        return value;
    }

    /** Absent entries read as null in templates; the view takes no null values. */
    static Map<String, Object> withoutNulls(Map<String, Object> model) {
        Map<String, Object> copy = new HashMap<>(model);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, String template,
                       java.util.function.Supplier<Map<String, Object>> model) throws IOException {
        cache.serve(request, response, "text/html;charset=UTF-8",
                () -> view.renderToString(request, response, template, withoutNulls(model.get())));
    }
}
