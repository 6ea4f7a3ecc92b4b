package kr.jsoft.privacyportal.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.web.Lang;

/**
 * What a revision notice (or its withdrawal) says, for {@link RevisionAnnouncements}: everything
 * a mail needs. Links are absolute paths (prefix them with the portal's base URL).
 *
 * @param versionId       the policy version
 * @param label           its label, e.g. {@code 2027-01-portal}
 * @param noticeId        the notice just posted (revision or withdrawal)
 * @param noticePostedAt  when that notice was posted
 * @param effectiveDate   the Seoul date the revision takes (or would have taken) effect
 * @param effectiveAt     00:00 Asia/Seoul on {@code effectiveDate}
 * @param unfavourable    whether it needed the 30-day notice
 * @param summaryKo       what changes and why, in Korean
 * @param summaryEn       the same in English
 * @param inForceLabel    the version in force when the notice was posted (the redline's base), or null
 */
public record ScheduledRevision(UUID versionId, String label, UUID noticeId, Instant noticePostedAt,
                                LocalDate effectiveDate, Instant effectiveAt, boolean unfavourable,
                                String summaryKo, String summaryEn, String inForceLabel) {

    public String summary(Lang lang) {
        return lang == Lang.KO ? summaryKo : summaryEn;
    }

    /** The upcoming text: {@code /en/policy/2027-01-portal}. */
    public String textPath(Lang lang) {
        return "/" + lang.code() + "/policy/" + label;
    }

    /** The redline against the version in force: {@code /en/policy/compare?from=2023-09-01&to=2027-01-portal}. */
    public Optional<String> redlinePath(Lang lang) {
        return Optional.ofNullable(inForceLabel)
                .map(from -> "/" + lang.code() + "/policy/compare?from=" + from + "&to=" + label);
    }

    /** The notice: {@code /en/notices/<id>}. */
    public String noticePath(Lang lang) {
        return "/" + lang.code() + "/notices/" + noticeId;
    }
}
