package kr.jsoft.privacyportal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.jsoft.privacyportal.persistence.Database;

/**
 * {@code /healthz}: liveness, 200 while the process serves. {@code /readyz}: readiness,
 * 200 with the version when the database answers and every migration is applied, else 503; features'
 * {@link ReadinessDetails} follow (findings to see, not reasons to be unready).
 */
public final class HealthServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database database;
    private final String version;
    private final ReadinessDetails details;

    public HealthServlet(Database database, String version, ReadinessDetails details) {
        this.database = database;
        this.version = version;
        this.details = details;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        if ("/healthz".equals(request.getServletPath())) {
            response.getWriter().write("{\"status\":\"alive\"}");
            return;
        }
        Database.Readiness readiness = database.readiness(Duration.ofSeconds(2));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", readiness.ready() ? "ready" : "not ready");
        body.put("version", version);
        body.put("database", readiness.databaseReachable() ? "reachable" : "unreachable");
        body.put("migrations", readiness.migrationsApplied() ? "applied" : "pending or unknown");
        body.putAll(details.collect());
        response.setStatus(readiness.ready() ? 200 : 503);
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
