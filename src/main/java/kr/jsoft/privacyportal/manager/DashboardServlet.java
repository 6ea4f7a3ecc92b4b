package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.ManagerArea;
import kr.jsoft.privacyportal.staff.PanelItem;
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.staff.StaffMember;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.jsoft.privacyportal.web.View;

/** {@code /manager}: what needs this staff member's attention, one line per feature panel. */
final class DashboardServlet extends HttpServlet {
    private final ManagerArea area;
    private final View view;

    DashboardServlet(ManagerArea area, View view) {
        this.area = area;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StaffMember viewer = Staff.current(request);
        List<PanelItem> items = area.panels().stream().map(panel -> panel.attention(viewer))
                .flatMap(Optional::stream).toList();
        view.render(request, response, "manager/home", Map.of("items", items));
    }
}
