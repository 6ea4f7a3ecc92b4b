package kr.jsoft.privacyportal.staff;

import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;

/**
 * The dashboard's table of routes. Every feature registers its {@code /manager} pages here
 * (never directly on the servlet context), with who may view and who may act on them;
 * the dashboard's gate (manager feature) checks every request against this table, so a page that is not
 * registered here answers 404 and a page registered here is never reachable without the
 * right role. Features also add their "what needs attention" panel to the home page.
 *
 * <pre>{@code
 * managerArea.page("/manager/devices", new DevicesServlet(...),
 *         Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF), "device.nav");
 * managerArea.page("/manager/devices/*", new DeviceServlet(...), Access.view(Access.ALL_ROLES).act(Role.STAFF), null);
 * managerArea.panel(viewer -> devices.awaitingApproval(viewer));
 * }</pre>
 */
public final class ManagerArea {
    /** Sign-in, sign-out and setup: reachable without a signed-in session. */
    static final List<String> PUBLIC_PATHS = List.of("/manager/sign-in", "/manager/sign-in/code", "/manager/setup",
            "/manager/setup/*");

    private final ServletContextHandler context;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<DashboardPanel> panels = new CopyOnWriteArrayList<>();

    /**
     * A registered dashboard route. {@code path} is a servlet mapping: exact
     * ({@code /manager/audit}) or a prefix ({@code /manager/audit/*}).
     * {@code navLabelKey} names its navigation entry, or is null for pages without one.
     */
    public record Route(String path, Access access, String navLabelKey) {
        public boolean matches(String requestPath) {
            if (path.endsWith("/*")) {
                String prefix = path.substring(0, path.length() - 2);
                return requestPath.equals(prefix) || requestPath.startsWith(prefix + "/");
            }
            return requestPath.equals(path);
        }

        /** A concrete address under this route (prefix routes get a placeholder id). */
        public String samplePath() {
            return path.endsWith("/*") ? path.substring(0, path.length() - 1) + "00000000-0000-0000-0000-000000000000"
                    : path;
        }

        /** Where the navigation entry points. */
        public String href() {
            return path.endsWith("/*") ? path.substring(0, path.length() - 2) : path;
        }
    }

    public ManagerArea(ServletContextHandler context) {
        this.context = context;
    }

    /** Registers a dashboard page; {@code navLabelKey} may be null (no navigation entry). */
    public void page(String path, HttpServlet servlet, Access access, String navLabelKey) {
        if (!path.equals("/manager") && !path.startsWith("/manager/")) {
            throw new IllegalArgumentException("dashboard routes live under /manager: " + path);
        }
        if (PUBLIC_PATHS.contains(path) || routes.stream().anyMatch(r -> r.path().equals(path))) {
            throw new IllegalArgumentException("route registered twice: " + path);
        }
        routes.add(new Route(path, access, navLabelKey));
        register(servlet, path);
    }

    /** Registers a page without a navigation entry. */
    public void page(String path, HttpServlet servlet, Access access) {
        page(path, servlet, access, null);
    }

    /** Adds a "what needs attention" panel to the {@code /manager} home page. */
    public void panel(DashboardPanel panel) {
        panels.add(panel);
    }

    /** Sign-in and setup pages: open to anonymous visitors (the manager feature registers them). */
    public void publicPage(String path, HttpServlet servlet) {
        if (!PUBLIC_PATHS.contains(path)) {
            throw new IllegalArgumentException("not a public dashboard path: " + path);
        }
        register(servlet, path);
    }

    private void register(HttpServlet servlet, String path) {
        String name = servlet.getClass().getSimpleName() + "@" + path;
        context.getServletHandler().addServletWithMapping(new ServletHolder(name, servlet), path);
    }

    /** Every registered (role-protected) route, for the gate and the route-collecting test. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The route serving {@code requestPath}: an exact route wins over the longest prefix route. */
    public Optional<Route> match(String requestPath) {
        return routes.stream().filter(r -> r.matches(requestPath))
                .max(Comparator.comparing((Route r) -> !r.path().endsWith("/*")).thenComparing(r -> r.path().length()));
    }

    public static boolean isPublic(String requestPath) {
        return PUBLIC_PATHS.stream().anyMatch(p -> new Route(p, null, null).matches(requestPath));
    }

    /** Navigation entries this role may view, in registration order. */
    public List<Route> navigation(Role role) {
        List<Route> entries = new ArrayList<>();
        for (Route route : routes) {
            if (route.navLabelKey() != null && route.access().mayView(role)) {
                entries.add(route);
            }
        }
        return entries;
    }

    public List<DashboardPanel> panels() {
        return List.copyOf(panels);
    }
}
