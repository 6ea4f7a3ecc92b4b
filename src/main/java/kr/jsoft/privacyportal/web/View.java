package kr.jsoft.privacyportal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The portal's one Thymeleaf engine, built once. Templates live in
 * {@code src/main/webapp/WEB-INF/templates/<feature>/}; pages render with the request's
 * {@link WebContext}, mails and cached pages with {@link #renderToString}.
 */
public final class View {
    private final TemplateEngine engine;
    private volatile JakartaServletWebApplication application;

    public View(boolean cacheTemplates) {
        // Plain-text templates (the text part of mails) are named with their ".txt" suffix.
        ClassLoaderTemplateResolver text = new ClassLoaderTemplateResolver(View.class.getClassLoader());
        text.setPrefix("webapp/WEB-INF/templates/");
        text.setResolvablePatterns(java.util.Set.of("*.txt"));
        text.setTemplateMode(TemplateMode.TEXT);
        text.setCharacterEncoding("UTF-8");
        text.setCacheable(cacheTemplates);
        text.setOrder(1);
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(View.class.getClassLoader());
        resolver.setPrefix("webapp/WEB-INF/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(cacheTemplates);
        resolver.setOrder(2);
        engine = new TemplateEngine();
        engine.addTemplateResolver(text);
        engine.addTemplateResolver(resolver);
        engine.setMessageResolver(new Messages());
    }

    /** Renders {@code template} as the whole response (200, HTML, not cacheable by proxies). */
    public void render(HttpServletRequest request, HttpServletResponse response, String template,
                       Map<String, Object> model) throws IOException {
        String html = renderToString(request, response, template, model);
        response.setContentType("text/html;charset=UTF-8");
        if (response.getHeader("Cache-Control") == null) {
            response.setHeader("Cache-Control", "no-store");
        }
        response.getWriter().write(html);
    }

    public String renderToString(HttpServletRequest request, HttpServletResponse response, String template,
                                 Map<String, Object> model) {
        WebContext context = new WebContext(application(request).buildExchange(request, response),
                Lang.of(request).locale(), Map.copyOf(model));
        context.setVariable("lang", Lang.of(request).code());
        context.setVariable("path", request.getRequestURI());
        Object csrf = request.getAttribute(CsrfTokens.REQUEST_ATTRIBUTE);
        if (csrf != null) {
            context.setVariable("csrf", csrf);
        }
        String query = request.getQueryString();
        context.setVariable("pathAndQuery", query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query);
        if (!model.containsKey("resultMessage")) {
            Flash flash = Flash.take(request);
            if (flash != null) {
                context.setVariable("resultMessage", flash);
            }
        }
        return engine.process(template, context);
    }

    /**
     * Renders outside a request (mails): links must be absolute, built from the base URL.
     * A template named {@code x.txt} renders as plain text, any other as HTML.
     */
    public String renderToString(String template, Locale locale, Map<String, Object> model) {
        return engine.process(template, new Context(locale, Map.copyOf(model)));
    }

    private JakartaServletWebApplication application(HttpServletRequest request) {
        JakartaServletWebApplication current = application;
        if (current == null) {
            synchronized (this) {
                if (application == null) {
                    application = JakartaServletWebApplication.buildApplication(request.getServletContext());
                }
                current = application;
            }
        }
        return current;
    }

    public TemplateEngine engine() {
        return engine;
    }
}
