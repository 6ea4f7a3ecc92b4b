package kr.jsoft.privacyportal.subscription;

import java.time.LocalDate;
import java.util.Map;
import kr.jsoft.privacyportal.web.Lang;

/**
 * What subscribers are told about a policy revision, in both languages. Links are paths on
 * the portal ({@code /ko/policy/2027-01-portal}); mails make them absolute.
 *
 * @param revisionId  the revision's opaque id (one notice of each kind per revision)
 * @param effectiveDate the date the revision takes effect (Asia/Seoul)
 */
public record RevisionNotice(String revisionId, LocalDate effectiveDate, Map<Lang, String> title,
                             Map<Lang, String> summary, Map<Lang, String> textPath, Map<Lang, String> redlinePath) {
    public RevisionNotice {
        if (revisionId == null || revisionId.isBlank() || revisionId.length() > 100) {
            throw new IllegalArgumentException("a revision id of 1 to 100 characters");
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
}
