package kr.jsoft.privacyportal.breach;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.web.Dates;

/**
 * The "record an incident" form as typed (kept to re-render it on refusal) and its checks. Times are
 * entered as Korean local times ({@code datetime-local}, KST), as the manager reads them off the clock.
 */
record IncidentForm(String discoveredAt, String whatHappened, List<String> items, String scope, String windowFrom,
                    String windowTo, String listedDevices, String complaintReferences, boolean outsideHacking,
                    boolean sensitive, String estimatedPeople) {
    static final int TEXT_MAX = 4000;
    static final int MAX_LISTED_DEVICES = 2500;
    static final int MAX_COMPLAINTS = 100;

    IncidentForm {
        items = items == null ? List.of() : List.copyOf(items);
    }

    static IncidentForm empty() {
        return new IncidentForm("", "", List.of(), "", "", "", "", "", false, false, "");
    }

    /** The checked facts. */
    record Valid(Instant discoveredAt, String whatHappened, List<LeakedItem> items, IncidentScope scope,
                 Instant windowFrom, Instant windowTo, List<UUID> listedDevices, List<String> complaintReferences,
                 boolean outsideHacking, boolean sensitive, Integer estimatedPeople) {
    }

    /** The facts, or per field the message key of what is wrong. */
    record Checked(Optional<Valid> valid, Map<String, String> errors) {
    }

    Checked check(Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant discovered = time(discoveredAt, "discoveredAt", errors);
        if (discovered != null && discovered.isAfter(now)) {
            errors.put("discoveredAt", "breach.error.future");
        }
        String what = text(whatHappened);
        if (what.isEmpty()) {
            errors.put("whatHappened", "breach.error.required");
        } else if (what.length() > TEXT_MAX) {
            errors.put("whatHappened", "breach.error.too-long");
        }
        List<LeakedItem> chosen = items.stream().map(LeakedItem::parse).flatMap(Optional::stream).distinct().toList();
        if (chosen.isEmpty() || chosen.size() != items.stream().distinct().count()) {
            errors.put("items", "breach.error.items");
        }
        IncidentScope parsedScope = null;
        try {
            parsedScope = IncidentScope.valueOf(text(scope).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("scope", "breach.error.scope");
        }
        Instant from = null;
        Instant to = null;
        if (parsedScope == IncidentScope.WINDOW) {
            from = time(windowFrom, "windowFrom", errors);
            to = time(windowTo, "windowTo", errors);
            if (from != null && to != null && from.isAfter(to)) {
                errors.put("windowTo", "breach.error.window-order");
            }
        }
        List<UUID> devices = List.of();
        if (parsedScope == IncidentScope.DEVICE_LIST) {
            devices = deviceIds(errors);
        }
        List<String> complaints = new ArrayList<>(new LinkedHashSet<>(tokens(complaintReferences).stream()
                .map(r -> r.toUpperCase(Locale.ROOT)).toList()));
        if (complaints.size() > MAX_COMPLAINTS || complaints.stream().anyMatch(r -> !r.matches("C-\\d{4}-\\d{6}"))) {
            errors.put("complaintReferences", "breach.error.complaint-format");
        }
        Integer people = null;
        if (!text(estimatedPeople).isEmpty()) {
            try {
                people = Integer.valueOf(text(estimatedPeople).replace(",", ""));
                if (people < 0) {
                    errors.put("estimatedPeople", "breach.error.number");
                }
            } catch (NumberFormatException e) {
                errors.put("estimatedPeople", "breach.error.number");
            }
        }
        if (!errors.isEmpty()) {
            return new Checked(Optional.empty(), errors);
        }
        return new Checked(Optional.of(new Valid(discovered, what, chosen, parsedScope, from, to, devices, complaints,
                outsideHacking, sensitive, people)), errors);
    }

    private List<UUID> deviceIds(Map<String, String> errors) {
        List<String> tokens = tokens(listedDevices);
        if (tokens.isEmpty()) {
            errors.put("listedDevices", "breach.error.required");
            return List.of();
        }
        if (tokens.size() > MAX_LISTED_DEVICES) {
            errors.put("listedDevices", "breach.error.too-many-devices");
            return List.of();
        }
        LinkedHashSet<UUID> ids = new LinkedHashSet<>();
        for (String token : tokens) {
            try {
                ids.add(UUID.fromString(token));
            } catch (IllegalArgumentException e) {
                errors.put("listedDevices", "breach.error.device-id");
                return List.of();
            }
        }
        return List.copyOf(ids);
    }

    private static Instant time(String value, String field, Map<String, String> errors) {
        if (text(value).isEmpty()) {
            errors.put(field, "breach.error.required");
            return null;
        }
        try {
            return LocalDateTime.parse(text(value)).atZone(Dates.SEOUL).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "breach.error.time");
            return null;
        }
    }

    private static List<String> tokens(String value) {
        return text(value).isEmpty() ? List.of() : List.of(text(value).split("[\\s,;]+"));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
