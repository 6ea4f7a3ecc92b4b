package kr.jsoft.privacyportal.remedy;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kr.jsoft.privacyportal.mail.OutgoingMail;
import kr.jsoft.privacyportal.web.Lang;

/**
 * What every refusal or postponement tells the person (PIPA Art. 38(5) and Enforcement Decree
 * Arts. 41-44): the grounds, how to object to jsoft itself (reply, or write to the privacy manager,
 * who decides within {@link #OBJECTION_DAYS} days) and, separately, the outside organisations.
 */
public final class Remedies {
    /** The privacy manager answers an objection within the same 10 days the Decree gives a request. */
    public static final int OBJECTION_DAYS = 10;

    private final Supplier<Optional<PrivacyManagerContact>> privacyManager;

    public Remedies(Supplier<Optional<PrivacyManagerContact>> privacyManager) {
        this.privacyManager = privacyManager;
    }

    /** One outside organisation in the reader's language. */
    public record Organisation(String name, String website, String websiteUrl, String phone) {
    }

    /**
     * A refusal's remedies as a page renders them ({@code remedy/remedies :: page(remedy)});
     * {@code email}/{@code phone} null when no policy names the privacy manager.
     */
    public record Remedy(String grounds, String email, String phone, int days, List<Organisation> organisations) {
    }

    /** The current outside organisations in {@code lang}. */
    public List<Organisation> organisations(Lang lang) {
        return OutsideOrganisations.CURRENT.stream()
                .map(o -> new Organisation(o.name(lang), o.website(), o.websiteUrl(), o.phone())).toList();
    }

    /** The remedies of a refusal on {@code grounds} (null: none to repeat), for a page in {@code lang}. */
    public Remedy remedy(String grounds, Lang lang) {
        Optional<PrivacyManagerContact> contact = privacyManager.get();
        return new Remedy(grounds, contact.map(PrivacyManagerContact::email).orElse(null),
                contact.map(PrivacyManagerContact::phone).orElse(null), OBJECTION_DAYS, organisations(lang));
    }

    /**
     * Adds the remedies to a mail as the mail fragments read them: {@code grounds},
     * {@code objectionEmail}, {@code objectionPhone}, {@code objectionDays} and
     * {@code outsideOrganisations} (one organisation a line: name · phone · website). Mails keep plain
     * strings, so the list travels as lines.
     */
    public OutgoingMail addTo(OutgoingMail mail, String grounds) {
        Remedy remedy = remedy(grounds, mail.lang());
        return mail.with("grounds", grounds == null ? "" : grounds)
                .with("objectionEmail", remedy.email() == null ? "" : remedy.email())
                .with("objectionPhone", remedy.phone() == null ? "" : remedy.phone())
                .with("objectionDays", String.valueOf(remedy.days()))
                .with("outsideOrganisations", remedy.organisations().stream()
                        .map(o -> o.name() + " · " + o.phone() + " · " + o.websiteUrl())
                        .collect(Collectors.joining("\n")));
    }
}
