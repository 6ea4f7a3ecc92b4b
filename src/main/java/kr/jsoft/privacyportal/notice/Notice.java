package kr.jsoft.privacyportal.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A posted notice. Notices are never edited or deleted: no setters, no such operation. A notice
 * posted for a period ({@code shownUntil}) stays in the table but leaves the site when it ends.
 */
@Entity
@Table(name = "notice")
class Notice {
    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private NoticeKind kind;
    @Column(name = "version_label", length = 100)
    private String versionLabel;
    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;
    @Column(name = "title_ko", nullable = false, length = 300)
    private String titleKo;
    @Column(name = "title_en", nullable = false, length = 300)
    private String titleEn;
    @Column(name = "body_ko", nullable = false, length = 100000)
    private String bodyKo;
    @Column(name = "body_en", nullable = false, length = 100000)
    private String bodyEn;
    @Column(name = "shown_until")
    private Instant shownUntil;

    protected Notice() {
    }

    Notice(UUID id, Instant postedAt, NewNotice notice) {
        this.id = id;
        this.kind = notice.kind();
        this.versionLabel = notice.versionLabel();
        this.postedAt = postedAt;
        this.titleKo = notice.titleKo();
        this.titleEn = notice.titleEn();
        this.bodyKo = notice.bodyKo();
        this.bodyEn = notice.bodyEn();
        this.shownUntil = notice.shownUntil();
    }

    boolean shownAt(Instant now) {
        return shownUntil == null || now.isBefore(shownUntil);
    }

    NoticeView view() {
        return new NoticeView(id, kind, versionLabel, postedAt, titleKo, titleEn, bodyKo, bodyEn);
    }
}
