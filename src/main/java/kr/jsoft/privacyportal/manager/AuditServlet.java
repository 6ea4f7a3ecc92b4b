package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Staff;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.jsoft.privacyportal.audit.AuditFilter;
import kr.jsoft.privacyportal.audit.AuditHeads;
import kr.jsoft.privacyportal.audit.AuditRecord;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager/audit} (list with filters, 100 a page), {@code /manager/audit/export.csv}
 * (the same filters, audited as {@code audit.export}) and {@code /manager/audit/verify}
 * (checks the whole chain and the signed daily heads). Read-only: nothing here changes an entry.
 */
final class AuditServlet extends HttpServlet {
    private final AuditTrail trail;
    private final View view;

    AuditServlet(AuditTrail trail, View view) {
        this.trail = trail;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditFilter filter = filter(request);
        switch (request.getRequestURI()) {
            case "/manager/audit", "/manager/audit/" -> {
                Long before = request.getParameter("before") == null ? null : number(request, "before");
                List<AuditRecord> records = trail.search(filter, before, AuditTrail.PAGE_SIZE);
                Map<String, Object> model = new HashMap<>();
                model.put("records", records);
                model.put("filter", filterInput(request));
                model.put("query", queryString(request));
                if (records.size() == AuditTrail.PAGE_SIZE) {
                    model.put("older", records.get(records.size() - 1).seq());
                }
                view.render(request, response, "manager/audit", model);
            }
            case "/manager/audit/export.csv" -> {
                response.setContentType("text/csv;charset=UTF-8");
                response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
                response.setHeader("Cache-Control", "no-store");
                trail.exportCsv(filter, Staff.event(request, "audit.export"), response.getWriter());
            }
            case "/manager/audit/verify" -> view.render(request, response, "manager/audit-verify",
                    Map.of("result", trail.verify()));
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static AuditFilter filter(HttpServletRequest request) {
        return new AuditFilter(day(request, "from", 0), day(request, "to", 1), text(request, "actor"),
                text(request, "action"), text(request, "targetType"), text(request, "targetId"));
    }

    private static Map<String, String> filterInput(HttpServletRequest request) {
        Map<String, String> input = new HashMap<>();
        for (String name : List.of("from", "to", "actor", "action", "targetType", "targetId")) {
            String value = text(request, name);
            input.put(name, value == null ? "" : value);
        }
        return input;
    }

    private static String queryString(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? "" : query.replaceAll("(^|&)before=[^&]*", "");
    }

    /** A day in the portal's time zone; {@code to} is inclusive, so it ends at the next day's start. */
    private static Instant day(HttpServletRequest request, String name, int plusDays) {
        String value = text(request, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).plusDays(plusDays).atStartOfDay(AuditHeads.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Parameter '" + name + "': must be a date such as 2026-11-30.");
        }
    }

    private static long number(HttpServletRequest request, String name) {
        try {
            return Long.parseLong(request.getParameter(name));
        } catch (NumberFormatException e) {
            throw new BadRequestException("Parameter '" + name + "': must be a whole number.");
        }
    }

    private static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 100) {
            throw new BadRequestException("Parameter '" + name + "': at most 100 characters.");
        }
        return value.strip();
    }
}
