package kr.jsoft.privacyportal.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kr.jsoft.privacyportal.web.Lang;

/**
 * The facts that make a revision unfavourable to users, found by comparing its structured
 * metadata with the version in force (policies/README.md) by content, not only by id: an item
 * collected, a purpose, a third party or a consignee added, a consignee or third party that
 * keeps its id but changes operator or country, an overseas transfer added or widened, or a
 * retention period lengthened (a larger {@code maxDays}, or a number becoming open-ended). The detection can only raise the notice period: a revision
 * marked unfavourable stays so even when nothing is found here.
 */
final class UnfavourableChanges {
    private UnfavourableChanges() {
    }

    /** Why a fact counts. */
    public enum Kind {
        ITEM_ADDED, PURPOSE_ADDED, THIRD_PARTY_ADDED, CONSIGNEE_ADDED, RETENTION_LENGTHENED,
        /** Same id, another operator or country (e.g. KR → US: now an overseas transfer). */
        CONSIGNEE_CHANGED,
        /** Same id, another recipient. */
        THIRD_PARTY_CHANGED,
        /** An overseas transfer added, to another country or recipient, or of more items. */
        TRANSFER_ADDED
    }

    /** One fact that triggered the detection: what, its id, its label in both languages. */
    public record Change(Kind kind, String id, String en, String ko) {
        public String label(Lang lang) {
            return lang == Lang.KO ? ko : en;
        }

        /** Message key of the dashboard's explanation. */
        public String messageKey() {
            return "policy.unfavourable." + kind.name();
        }
    }

    /** The unfavourable changes from {@code inForce} to {@code revision}; empty when there is none. */
    public static List<Change> between(PolicyMetadata.Facts inForce, PolicyMetadata.Facts revision) {
        List<Change> changes = new ArrayList<>();
        Set<String> items = inForce.itemsCollected().stream().map(PolicyMetadata.Item::id).collect(Collectors.toSet());
        revision.itemsCollected().stream().filter(i -> !items.contains(i.id()))
                .forEach(i -> changes.add(new Change(Kind.ITEM_ADDED, i.id(), i.en(), i.ko())));
        Set<String> purposes = inForce.purposes().stream().map(PolicyMetadata.Item::id).collect(Collectors.toSet());
        revision.purposes().stream().filter(p -> !purposes.contains(p.id()))
                .forEach(p -> changes.add(new Change(Kind.PURPOSE_ADDED, p.id(), p.en(), p.ko())));
        Set<String> thirdParties = inForce.thirdParties().stream().map(PolicyMetadata.ThirdParty::id)
                .collect(Collectors.toSet());
        revision.thirdParties().stream().filter(t -> !thirdParties.contains(t.id()))
                .forEach(t -> changes.add(new Change(Kind.THIRD_PARTY_ADDED, t.id(), t.name() + ": " + t.en(),
                        t.name() + ": " + t.ko())));
        Set<String> consignees = inForce.consignees().stream().map(PolicyMetadata.Consignee::id)
                .collect(Collectors.toSet());
        revision.consignees().stream().filter(c -> !consignees.contains(c.id()))
                .forEach(c -> changes.add(new Change(Kind.CONSIGNEE_ADDED, c.id(), c.name() + ": " + c.en(),
                        c.name() + ": " + c.ko())));
        Map<String, PolicyMetadata.ThirdParty> thirdPartyBefore = new HashMap<>();
        inForce.thirdParties().forEach(t -> thirdPartyBefore.put(t.id(), t));
        revision.thirdParties().stream().filter(t -> thirdPartyBefore.containsKey(t.id())
                        && !same(thirdPartyBefore.get(t.id()).name(), t.name()))
                .forEach(t -> changes.add(new Change(Kind.THIRD_PARTY_CHANGED, t.id(),
                        thirdPartyBefore.get(t.id()).name() + " → " + t.name(),
                        thirdPartyBefore.get(t.id()).name() + " → " + t.name())));
        Map<String, PolicyMetadata.Consignee> consigneeBefore = new HashMap<>();
        inForce.consignees().forEach(c -> consigneeBefore.put(c.id(), c));
        for (PolicyMetadata.Consignee after : revision.consignees()) {
            PolicyMetadata.Consignee old = consigneeBefore.get(after.id());
            if (old != null && (!same(old.name(), after.name()) || !same(old.country(), after.country()))) {
                String change = old.name() + " (" + old.country() + ") → " + after.name() + " (" + after.country() + ")";
                changes.add(new Change(Kind.CONSIGNEE_CHANGED, after.id(), change, change));
            }
        }
        Map<String, PolicyMetadata.OverseasTransfer> transferBefore = new HashMap<>();
        inForce.overseasTransfers().forEach(t -> transferBefore.put(t.id(), t));
        for (PolicyMetadata.OverseasTransfer after : revision.overseasTransfers()) {
            PolicyMetadata.OverseasTransfer old = transferBefore.get(after.id());
            if (old == null || !same(old.country(), after.country()) || !same(old.recipient(), after.recipient())
                    || !old.items().containsAll(after.items())) {
                String what = after.recipient() + " (" + after.country() + "): " + after.items();
                changes.add(new Change(Kind.TRANSFER_ADDED, after.id(), what, what));
            }
        }
        Map<String, PolicyMetadata.Retention> before = new HashMap<>();
        inForce.retention().forEach(r -> before.merge(r.item(), r, UnfavourableChanges::longer));
        for (PolicyMetadata.Retention after : revision.retention()) {
            PolicyMetadata.Retention old = before.get(after.item());
            if (old != null && lengthened(old.maxDays(), after.maxDays())) {
                changes.add(new Change(Kind.RETENTION_LENGTHENED, after.item(),
                        after.item() + ": " + old.en() + " → " + after.en(),
                        after.item() + ": " + old.ko() + " → " + after.ko()));
            }
        }
        return List.copyOf(changes);
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    /** Null is open-ended: longer than any number of days. */
    static boolean lengthened(Integer before, Integer after) {
        if (before == null) {
            return false;
        }
        return after == null || after > before;
    }

    private static PolicyMetadata.Retention longer(PolicyMetadata.Retention a, PolicyMetadata.Retention b) {
        return lengthened(a.maxDays(), b.maxDays()) ? b : a;
    }
}
