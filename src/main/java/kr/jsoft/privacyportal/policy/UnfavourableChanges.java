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
 * metadata with the version in force (policies/README.md): an item collected, a purpose, a
 * third party or a consignee added, or a retention period lengthened (a larger {@code maxDays},
 * or a number becoming open-ended). The detection can only raise the notice period: a revision
 * marked unfavourable stays so even when nothing is found here.
 */
final class UnfavourableChanges {
    private UnfavourableChanges() {
    }

    /** Why a fact counts. */
    public enum Kind { ITEM_ADDED, PURPOSE_ADDED, THIRD_PARTY_ADDED, CONSIGNEE_ADDED, RETENTION_LENGTHENED }

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
