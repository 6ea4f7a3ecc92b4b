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
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.web.Lang;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;

/**
 * {@code POST /manager/policies/upload}: the three files of one version (multipart:
 * {@code metadata}, {@code ko}, {@code en}) become a draft. The outcome or the validation error
 * is shown on the versions page.
 */
final class PolicyUploadServlet extends HttpServlet {
    static final String PATH = "/manager/policies/upload";
    /** Upload limits: a policy text is some tens of KB; three files of at most 512 KB. */
    static final long MAX_FILE_BYTES = 512 * 1024;
    static final long MAX_REQUEST_BYTES = 3 * MAX_FILE_BYTES + 64 * 1024;
    /** Everything stays in memory (threshold = request limit); nothing is written to disk. */
    static final jakarta.servlet.MultipartConfigElement MULTIPART = new jakarta.servlet.MultipartConfigElement(
            System.getProperty("java.io.tmpdir"), MAX_FILE_BYTES, MAX_REQUEST_BYTES, (int) MAX_REQUEST_BYTES);

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
        request.setAttribute(ServletContextRequest.MULTIPART_CONFIG_ELEMENT, MULTIPART);
        try {
            byte[] metadata = bytes(request, "metadata");
            Map<Lang, byte[]> texts = new EnumMap<>(Lang.class);
            for (Lang text : Lang.values()) {
                texts.put(text, bytes(request, text.code()));
            }
            ImportReport report = lifecycle.upload(metadata, texts, Staff.event(request, "policy.upload"));
            PolicyVersionsServlet.flash(request, kr.jsoft.privacyportal.web.Messages.resolve(lang.locale(),
                    "policy.manage.uploaded", report.imported(), report.draftsUpdated(), report.refusedFiles()));
            response.sendRedirect("/manager/policies");
        } catch (LifecycleException e) {
            versions.renderList(request, response, 422, Map.of("upload", e));
        } catch (IllegalStateException | ServletException e) {
            // Jetty refuses a part or a request over the limits while parsing.
            versions.renderList(request, response, 413, Map.of("upload", new LifecycleException("upload",
                    "policy.manage.upload.tooLarge", MAX_FILE_BYTES / 1024)));
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
