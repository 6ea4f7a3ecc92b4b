package kr.jsoft.privacyportal.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the portal processes ({@link OwnProcessing}) that a version's facts do not disclose,
 * compared by content, not only by id: an item not listed, a purpose not listed, a retention
 * not stated or stated shorter, a consignee not named or named with another operator or country,
 * and an overseas transfer not disclosed with every item of PIPA Art. 28-8(2) or not covering
 * every item transferred.
 */
final class UndisclosedProcessing {
    private UndisclosedProcessing() {
    }

    enum Kind { ITEM, PURPOSE, RETENTION, CONSIGNEE, TRANSFER }

    /**
     * One undisclosed fact. {@code id} names it (its words are {@code policy.own.<id>});
     * {@code name} is the operator as configured (a proper name, shown as is), or null.
     */
    record Finding(Kind kind, String id, String name) {
        /** The message key of the dashboard line ({@code {0}} the item's words or the operator). */
        String messageKey() {
            return "policy.selfcheck.undisclosed." + kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** For the log and {@code /readyz}: kind and id, e.g. {@code consignee:smtp-relay}. */
        String code() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
        }
    }

    static List<Finding> between(OwnProcessing own, PolicyMetadata.Facts disclosed) {
        List<Finding> findings = new ArrayList<>();
        Set<String> items = disclosed.itemsCollected().stream().map(PolicyMetadata.Item::id).collect(Collectors.toSet());
        Map<String, PolicyMetadata.Retention> retention = new HashMap<>();
        disclosed.retention().forEach(r -> retention.merge(r.item(), r,
                (a, b) -> UnfavourableChanges.lengthened(a.maxDays(), b.maxDays()) ? b : a));
        for (PolicyMetadata.Retention item : own.items()) {
            if (!items.contains(item.item())) {
                findings.add(new Finding(Kind.ITEM, item.item(), null));
            } else if (!retention.containsKey(item.item())
                    || UnfavourableChanges.lengthened(retention.get(item.item()).maxDays(), item.maxDays())) {
                findings.add(new Finding(Kind.RETENTION, item.item(), null));
            }
        }
        Set<String> purposes = disclosed.purposes().stream().map(PolicyMetadata.Item::id).collect(Collectors.toSet());
        own.purposes().stream().filter(p -> !purposes.contains(p))
                .forEach(p -> findings.add(new Finding(Kind.PURPOSE, p, null)));
        for (PolicyMetadata.Consignee consignee : own.consignees()) {
            boolean named = consignee.name() != null && disclosed.consignees().stream().anyMatch(c ->
                    c.id().equals(consignee.id()) && consignee.name().equalsIgnoreCase(c.name())
                            && consignee.country().equalsIgnoreCase(Objects.requireNonNullElse(c.country(), "")));
            if (!named) {
                findings.add(new Finding(Kind.CONSIGNEE, consignee.id(), consignee.name()));
            }
        }
        for (OwnProcessing.Transfer transfer : own.transfers()) {
            boolean stated = disclosed.overseasTransfers().stream().anyMatch(t ->
                    t.id().equals(transfer.id()) && t.complete()
                            && transfer.country().equalsIgnoreCase(t.country())
                            && (transfer.recipient() == null || transfer.recipient().equalsIgnoreCase(t.recipient()))
                            && t.items().containsAll(transfer.items()));
            if (!stated) {
                findings.add(new Finding(Kind.TRANSFER, transfer.id(), transfer.recipient()));
            }
        }
        return List.copyOf(findings);
    }
}
