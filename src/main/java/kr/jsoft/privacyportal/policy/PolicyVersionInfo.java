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
        Instant importedAt) {

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

    /** Effective at {@code now}: not withdrawn and its effective time has come. */
    public boolean hasTakenEffect(Instant now) {
        return effectiveAt != null && withdrawnAt == null && !effectiveAt.isAfter(now);
    }

    public boolean isReferenceTranslation(Lang lang) {
        return metadata.isReferenceTranslation(lang);
    }

    public String summary(Lang lang) {
        return metadata.summary().in(lang);
    }
}
