package kr.jsoft.privacyportal.breach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import kr.jsoft.privacyportal.policy.PolicyMetadata;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Messages;

/**
 * The notice to the people affected, in one language, with every item PIPA Art. 34(1) requires:
 * 1 the items leaked, 2 when and how, 3 what the person can do to reduce the harm, 4 what jsoft has
 * done and the remedies, 5 whom to contact. The manager wrote 2-4 ({@link NoticeParts}); the portal
 * adds the items, the times, the privacy officer's contact and where to seek redress from the privacy
 * policy in force. The same text goes to the website, the mails and, shortened, to the devices.
 */
record BreachNotice(Lang lang, String title, List<Section> sections) {
    /** The device command carries at most 500 characters; longer notices link to the full text. */
    static final int DEVICE_MAX = 500;

    record Section(String heading, String body) {
    }

    /** What the portal fills in: the facts of the incident and the contact from the policy in force. */
    record Facts(Instant discoveredAt, Instant windowFrom, Instant windowTo, List<LeakedItem> items,
                 PolicyMetadata.PrivacyOfficer officer, List<PolicyMetadata.OutsideOrganisation> organisations) {
    }

    static BreachNotice compose(Lang lang, Facts facts, NoticeParts parts) {
        boolean ko = lang == Lang.KO;
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(null, m(lang, "breach.notice.intro")));
        sections.add(new Section(m(lang, "breach.notice.items"), items(lang, facts.items())));
        StringBuilder when = new StringBuilder(m(lang, "breach.notice.discovered",
                Dates.dateTime(facts.discoveredAt(), lang)));
        if (facts.windowFrom() != null) {
            when.append('\n').append(m(lang, "breach.notice.window", Dates.dateTime(facts.windowFrom(), lang),
                    Dates.dateTime(facts.windowTo(), lang)));
        }
        when.append("\n\n").append(ko ? parts.circumstancesKo() : parts.circumstancesEn());
        sections.add(new Section(m(lang, "breach.notice.when"), when.toString()));
        sections.add(new Section(m(lang, "breach.notice.what-to-do"), ko ? parts.whatToDoKo() : parts.whatToDoEn()));
        String remedies = facts.organisations().stream()
                .map(o -> "- " + o.name().in(lang) + (o.phone() == null ? "" : " " + o.phone())
                        + (o.website() == null ? "" : " " + o.website()))
                .collect(Collectors.joining("\n"));
        sections.add(new Section(m(lang, "breach.notice.measures"), (ko ? parts.measuresKo() : parts.measuresEn())
                + (remedies.isEmpty() ? "" : "\n\n" + m(lang, "breach.notice.redress") + "\n" + remedies)));
        sections.add(new Section(m(lang, "breach.notice.contact"), contact(lang, facts.officer())));
        return new BreachNotice(lang, m(lang, "breach.notice.title", Dates.date(facts.discoveredAt(), lang)),
                List.copyOf(sections));
    }

    static String items(Lang lang, List<LeakedItem> items) {
        return items.stream().map(i -> m(lang, i.key())).collect(Collectors.joining(", "));
    }

    private static String contact(Lang lang, PolicyMetadata.PrivacyOfficer officer) {
        return m(lang, "breach.notice.officer", officer.position().in(lang), officer.name().in(lang),
                officer.phone(), officer.email());
    }

    /** The text as mails and the notice page show it: headed sections, blank lines between. */
    String text() {
        return sections.stream().map(s -> s.heading() == null ? s.body() : "■ " + s.heading() + "\n" + s.body())
                .collect(Collectors.joining("\n\n"));
    }

    /** The same text for the Notices section, which renders Markdown. */
    static String markdown(String text) {
        return text.lines().map(line -> line.startsWith("■ ") ? "### " + line.substring(2) : line + "  ")
                .collect(Collectors.joining("\n"));
    }

    /**
     * What the device shows (the command's text, fetched over the signed API; never through a push
     * service): both languages' summaries, each with the address of the full notice.
     */
    static String deviceMessage(Instant discoveredAt, List<LeakedItem> items, String koUrl, String enUrl) {
        for (int shown = items.size(); shown >= 1; shown--) {
            String message = summary(Lang.KO, discoveredAt, items, shown, koUrl) + "\n\n"
                    + summary(Lang.EN, discoveredAt, items, shown, enUrl);
            if (message.length() <= DEVICE_MAX) {
                return message;
            }
        }
        String koOnly = summary(Lang.KO, discoveredAt, items, 1, koUrl);
        if (koOnly.length() <= DEVICE_MAX) {
            return koOnly;
        }
        throw new IllegalStateException("the notice address is too long for a device message");
    }

    private static String summary(Lang lang, Instant discoveredAt, List<LeakedItem> items, int shown, String url) {
        String listed = items(lang, items.subList(0, shown));
        if (shown < items.size()) {
            listed = m(lang, "breach.device.more", listed, items.size() - shown);
        }
        return m(lang, "breach.device.message", Dates.dateTime(discoveredAt, lang), listed, url);
    }

    static String m(Lang lang, String key, Object... args) {
        String text = Messages.resolve(lang.locale(), key, args);
        if (text == null) {
            throw new IllegalStateException("missing message " + key + " for " + lang);
        }
        return text;
    }
}
