package kr.jsoft.privacyportal.notice;

import java.util.Objects;

/** A notice to post: both languages, bodies in Markdown; {@code versionLabel} for revisions and withdrawals. */
public record NewNotice(NoticeKind kind, String versionLabel, String titleKo, String titleEn, String bodyKo,
                        String bodyEn) {
    public NewNotice {
        Objects.requireNonNull(kind, "kind");
        requireText(titleKo, "titleKo", 300);
        requireText(titleEn, "titleEn", 300);
        requireText(bodyKo, "bodyKo", 100_000);
        requireText(bodyEn, "bodyEn", 100_000);
        if (kind != NoticeKind.GENERAL && (versionLabel == null || versionLabel.isBlank())) {
            throw new IllegalArgumentException("a " + kind + " notice names its policy version");
        }
    }

    private static void requireText(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
    }
}
