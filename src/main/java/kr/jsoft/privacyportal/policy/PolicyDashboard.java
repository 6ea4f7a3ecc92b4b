package kr.jsoft.privacyportal.policy;

import java.util.Optional;
import kr.jsoft.privacyportal.manager.Access;
import kr.jsoft.privacyportal.manager.ManagerArea;
import kr.jsoft.privacyportal.manager.NavGroup;
import kr.jsoft.privacyportal.manager.PanelItem;
import kr.jsoft.privacyportal.manager.Role;
import kr.jsoft.privacyportal.web.View;

/**
 * The lifecycle's dashboard pages as {@code PortalServer} wires them: every role may look
 * (versions, preview, redline, checklist), only the privacy manager may act (schedule,
 * withdraw, postpone, rescan, upload).
 */
public final class PolicyDashboard {
    /** Upload limits: a policy text is some tens of KB; three files of at most 512 KB. */
    static final long MAX_FILE_BYTES = 512 * 1024;
    static final long MAX_REQUEST_BYTES = 3 * MAX_FILE_BYTES + 64 * 1024;
    /** Everything stays in memory (threshold = request limit); nothing is written to disk. */
    static final jakarta.servlet.MultipartConfigElement MULTIPART = new jakarta.servlet.MultipartConfigElement(
            System.getProperty("java.io.tmpdir"), MAX_FILE_BYTES, MAX_REQUEST_BYTES, (int) MAX_REQUEST_BYTES);

    static final String UPLOAD_PATH = "/manager/policies/upload";

    private PolicyDashboard() {
    }

    public static void register(ManagerArea area, PolicyLifecycle lifecycle, PolicyService policies, View view) {
        Access access = Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER);
        PolicyVersionsServlet versions = new PolicyVersionsServlet(lifecycle, policies, view);
        PolicyUploadServlet upload = new PolicyUploadServlet(lifecycle, versions);
        area.page("/manager/policies/*", versions, access, "policy.manage.nav", NavGroup.POLICY);
        area.work(new PolicyWork(lifecycle));
        area.page(UPLOAD_PATH, upload, access);
        area.panel(viewer -> viewer.role() != Role.PRIVACY_MANAGER ? Optional.empty()
                : Optional.of(lifecycle.overview().stream().filter(r -> r.state() == VersionState.DRAFT).count())
                        .filter(n -> n > 0)
                        .map(n -> new PanelItem("policy.manage.attention.drafts", n, "/manager/policies")));
    }
}
