package kr.jsoft.privacyportal.notice;

import java.time.Instant;
import java.util.Objects;

/**
 * A notice to post: both languages, bodies in Markdown; {@code versionLabel} for revisions and withdrawals.
 * {@code shownUntil} (or null: for good) ends a notice's time on the site, for notices the law asks to be
 * posted for a period (a breach notice: at least 30 days) rather than kept as the policy's public record.
 */
public record NewNotice(NoticeKind kind, String versionLabel, String titleKo, String titleEn, String bodyKo,
                        String bodyEn, Instant shownUntil) {
    /** A notice that stays on the site for good. */
    public NewNotice(NoticeKind kind, String versionLabel, String titleKo, String titleEn, String bodyKo,
                     String bodyEn) {
        this(kind, versionLabel, titleKo, titleEn, bodyKo, bodyEn, null);
    }

    public NewNotice {
        Objects.requireNonNull(kind, "kind");
        requireText(titleKo, "titleKo", 300);
        requireText(titleEn, "titleEn", 300);
        requireText(bodyKo, "bodyKo", 100_000);
        requireText(bodyEn, "bodyEn", 100_000);
        if (kind != NoticeKind.GENERAL && (versionLabel == null || versionLabel.isBlank())) {
            throw new IllegalArgumentException("a " + kind + " notice names its policy version");
        }
        if (shownUntil != null && kind != NoticeKind.GENERAL) {
            throw new IllegalArgumentException("only general notices leave the site; revisions stay for good");
        }
    }

    private static void requireText(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
    }
}
