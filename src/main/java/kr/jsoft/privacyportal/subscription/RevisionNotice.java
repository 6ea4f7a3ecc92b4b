package kr.jsoft.privacyportal.subscription;

import java.time.LocalDate;
import java.util.Map;
import kr.jsoft.privacyportal.web.Lang;

/**
 * What subscribers are told about a policy revision, in both languages. Links are paths on
 * the portal ({@code /ko/policy/2027-01-portal}); mails make them absolute.
 *
 * @param revisionId  the notice's opaque key, {@code label@date#<notice id>} for the policy's revisions
 *                    (one fan-out of each kind per key; a withdrawal cancels the reminders of every key
 *                    with the same part before {@code #})
 * @param effectiveDate the date the revision takes effect (Asia/Seoul)
 */
public record RevisionNotice(String revisionId, LocalDate effectiveDate, Map<Lang, String> title,
                             Map<Lang, String> summary, Map<Lang, String> textPath, Map<Lang, String> redlinePath) {
    /** Separates the revision ({@code label@date}) from the notice that announced it in a key. */
    public static final String NOTICE_SEPARATOR = "#";
    static final int MAX_KEY_LENGTH = 200;

    public RevisionNotice {
        if (revisionId == null || revisionId.isBlank() || revisionId.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a revision id of 1 to " + MAX_KEY_LENGTH + " characters");
        }
        for (Map<Lang, String> texts : java.util.List.of(title, summary, textPath, redlinePath)) {
            for (Lang lang : Lang.values()) {
                if (texts.get(lang) == null) {
                    throw new IllegalArgumentException("every text of a notice in both languages");
                }
            }
        }
        title = Map.copyOf(title);
        summary = Map.copyOf(summary);
        textPath = Map.copyOf(textPath);
        redlinePath = Map.copyOf(redlinePath);
    }

    /** The revision this notice is about, without the notice: {@code label@date}. */
    String revision() {
        int separator = revisionId.lastIndexOf(NOTICE_SEPARATOR);
        return separator < 0 ? revisionId : revisionId.substring(0, separator);
    }
}
