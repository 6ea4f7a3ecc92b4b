package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Role;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.jsoft.privacyportal.audit.AuditRecord;
import kr.jsoft.privacyportal.web.Messages;

/**
 * The audit log as people read it. The log itself keeps opaque actors ({@code account:<uuid>},
 * {@code device:<uuid>}, {@code system}, {@code public}) so it holds no names; the page resolves
 * them here: staff by their current name and role, devices by a short id, the rest in words.
 * Actions are named in the reader's language where a label exists ({@code audit.action.*}), else
 * shown as their code.
 */
final class AuditLines {
    /** One entry as the page shows it. {@code actorId}: the opaque id behind the name (shown on demand). */
    record Line(AuditRecord record, Kind kind, String person, Role role, String actorId, String action,
                String detail, String targetType) {
    }

    /** Who acted. */
    enum Kind { STAFF, DEVICE, SYSTEM, PUBLIC, OTHER }

    private final Function<UUID, java.util.Optional<AccountService.AccountView>> accounts;

    AuditLines(Function<UUID, java.util.Optional<AccountService.AccountView>> accounts) {
        this.accounts = accounts;
    }

    List<Line> of(List<AuditRecord> records, Locale locale) {
        Map<String, java.util.Optional<AccountService.AccountView>> people = records.stream().map(AuditRecord::actor)
                .filter(a -> a.startsWith("account:")).distinct()
                .collect(Collectors.toMap(a -> a, a -> staff(a.substring("account:".length()))));
        return records.stream().map(r -> line(r, people, locale)).toList();
    }

    private java.util.Optional<AccountService.AccountView> staff(String id) {
        try {
            return accounts.apply(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static Line line(AuditRecord r, Map<String, java.util.Optional<AccountService.AccountView>> people,
                             Locale locale) {
        Line line = actorLine(r, people, locale);
        String target = r.targetType() == null ? null : Messages.resolve(locale, "audit.target." + r.targetType());
        return new Line(r, line.kind(), line.person(), line.role(), line.actorId(), line.action(),
                detail(r.detail(), locale), target == null ? r.targetType() : target);
    }

    /** The entry's detail with role codes ("role=STAFF", "STAFF -> AUDITOR") named in the reader's language. */
    static String detail(String detail, Locale locale) {
        if (detail == null) {
            return null;
        }
        String text = detail;
        for (Role role : Role.values()) {
            text = text.replaceAll("\\b" + role.name() + "\\b", Messages.resolve(locale, role.labelKey()));
        }
        return text.replace("role=", Messages.resolve(locale, "manager.field.role") + ": ");
    }

    private static Line actorLine(AuditRecord r, Map<String, java.util.Optional<AccountService.AccountView>> people,
                                  Locale locale) {
        String actor = r.actor();
        String action = label(r.action(), locale);
        if (actor.startsWith("account:")) {
            String id = actor.substring("account:".length());
            return people.get(actor).map(a -> new Line(r, Kind.STAFF, a.displayName(), a.role(), id, action, null, null))
                    .orElse(new Line(r, Kind.STAFF, null, null, id, action, null, null));
        }
        if (actor.startsWith("device:")) {
            return new Line(r, Kind.DEVICE, null, null, actor.substring("device:".length()), action, null, null);
        }
        return switch (actor) {
            case "system" -> new Line(r, Kind.SYSTEM, null, null, null, action, null, null);
            case "public" -> new Line(r, Kind.PUBLIC, null, null, null, action, null, null);
            default -> new Line(r, Kind.OTHER, java.util.Optional.ofNullable(Messages.resolve(locale,
                    "audit.actor." + actor)).orElse(actor), null, null, action, null, null);
        };
    }

    /** The action in words, or null when it has no label yet (the page then shows its code). */
    static String label(String action, Locale locale) {
        return Messages.resolve(locale, "audit.action." + action);
    }
}
