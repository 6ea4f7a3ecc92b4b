package kr.jsoft.privacyportal.remedy;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outside organisations where a data subject can seek remedies, as they are today. Kept here,
 * not taken from the policy version in force: a published version cannot change, and the 2023 text
 * names bodies that no longer answer there. When one of these moves, change this list (and publish a
 * policy revision: the completeness check flags versions whose list differs).
 */
public final class OutsideOrganisations {
    private OutsideOrganisations() {
    }

    public static final List<OutsideOrganisation> CURRENT = List.of(
            new OutsideOrganisation("개인정보분쟁조정위원회", "Personal Information Dispute Mediation Committee",
                    "www.kopico.go.kr", "1833-6972"),
            new OutsideOrganisation("한국인터넷진흥원 개인정보침해신고센터",
                    "KISA Personal Information Infringement Report Center", "privacy.kisa.or.kr", "118"),
            new OutsideOrganisation("대검찰청", "Supreme Prosecutors' Office", "www.spo.go.kr", "1301"),
            new OutsideOrganisation("경찰청", "National Police Agency", "ecrm.police.go.kr", "182"));

    /** One organisation as a policy version lists it (website and phone as written there). */
    public record Listed(String website, String phone) {
    }

    /**
     * Whether a version's list sends people to the current organisations and no others: compared by
     * website host and phone digits, so spelling ({@code www.}, {@code https://}, hyphens) and the
     * wording of names do not count.
     */
    public static boolean isCurrent(Collection<Listed> listed) {
        return keys(listed).equals(keys(CURRENT.stream()
                .map(o -> new Listed(o.website(), o.phone())).toList()));
    }

    private static Set<String> keys(Collection<Listed> listed) {
        return listed.stream()
                .map(l -> OutsideOrganisation.host(l.website()) + " " + OutsideOrganisation.digits(l.phone()))
                .collect(Collectors.toSet());
    }
}
