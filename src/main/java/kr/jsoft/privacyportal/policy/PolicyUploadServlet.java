package kr.jsoft.privacyportal.policy;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import kr.jsoft.privacyportal.manager.Staff;
import kr.jsoft.privacyportal.web.Lang;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;

/**
 * {@code POST /manager/policies/upload}: the three files of one version (multipart:
 * {@code metadata}, {@code ko}, {@code en}) become a draft. The outcome or the validation error
 * is shown on the versions page.
 */
final class PolicyUploadServlet extends HttpServlet {
    private final PolicyLifecycle lifecycle;
    private final PolicyVersionsServlet versions;

    PolicyUploadServlet(PolicyLifecycle lifecycle, PolicyVersionsServlet versions) {
        this.lifecycle = lifecycle;
        this.versions = versions;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect("/manager/policies");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Lang lang = Lang.of(request);
        // Multipart is parsed here only, with this servlet's limits: the filters before it (CSRF)
        // see no body parameters, so the form carries its token in the query as well.
        request.setAttribute(ServletContextRequest.MULTIPART_CONFIG_ELEMENT, PolicyDashboard.MULTIPART);
        try {
            byte[] metadata = bytes(request, "metadata");
            Map<Lang, byte[]> texts = new EnumMap<>(Lang.class);
            for (Lang text : Lang.values()) {
                texts.put(text, bytes(request, text.code()));
            }
            ImportReport report = lifecycle.upload(metadata, texts, Staff.event(request, "policy.upload"));
            PolicyVersionsServlet.flash(request, kr.jsoft.privacyportal.web.Messages.resolve(lang.locale(),
                    "policy.manage.uploaded", PolicyVersionsServlet.names(report.imported(), lang),
                    PolicyVersionsServlet.names(report.draftsUpdated(), lang),
                    PolicyVersionsServlet.names(report.refusedFiles(), lang)));
            response.sendRedirect("/manager/policies");
        } catch (LifecycleException e) {
            versions.renderList(request, response, 422, Map.of("upload", e));
        } catch (IllegalStateException | ServletException e) {
            // Jetty refuses a part or a request over the limits while parsing.
            versions.renderList(request, response, 413, Map.of("upload", new LifecycleException("upload",
                    "policy.manage.upload.tooLarge", PolicyDashboard.MAX_FILE_BYTES / 1024)));
        }
    }

    private static byte[] bytes(HttpServletRequest request, String name) throws IOException, ServletException {
        Part part = request.getPart(name);
        if (part == null || part.getSize() == 0) {
            throw new LifecycleException(name, "policy.upload.invalid", name + ": the file is missing or empty");
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
