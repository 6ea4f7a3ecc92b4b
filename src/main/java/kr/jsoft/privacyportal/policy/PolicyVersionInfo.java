package kr.jsoft.privacyportal.policy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kr.jsoft.privacyportal.web.Lang;

/**
 * A policy version as other features and the pages see it: the stored facts, the parsed
 * metadata and the SHA-256 of each text. {@code effectiveAt} is null for a draft.
 */
public record PolicyVersionInfo(
        UUID id,
        String label,
        Instant effectiveAt,
        Instant noticePostedAt,
        boolean baseline,
        Instant withdrawnAt,
        Lang authoritativeLanguage,
        boolean unfavourable,
        PolicyMetadata metadata,
        Map<Lang, String> textSha256,
        Instant importedAt,
        String checklistWaiver) {

    public PolicyVersionInfo {
        textSha256 = Map.copyOf(textSha256);
    }

    /** Shown to the public: in force, scheduled with its notice, or once so (drafts never are). */
    public boolean isPublished() {
        return effectiveAt != null || noticePostedAt != null;
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    /**
     * Effective at {@code now}: announced (or the baseline), not withdrawn, and its effective
     * time has come. A date without a notice never counts, whatever the row says.
     */
    public boolean hasTakenEffect(Instant now) {
        return effectiveAt != null && withdrawnAt == null && (baseline || noticePostedAt != null)
                && !effectiveAt.isAfter(now);
    }

    /** Scheduled at {@code now}: announced, not withdrawn, effective time still ahead. */
    public boolean isScheduled(Instant now) {
        return noticePostedAt != null && withdrawnAt == null && effectiveAt != null && effectiveAt.isAfter(now);
    }

    public boolean isDraft() {
        return !isPublished();
    }

    public boolean isReferenceTranslation(Lang lang) {
        return metadata.isReferenceTranslation(lang);
    }

    public String summary(Lang lang) {
        return metadata.summary().in(lang);
    }
}
