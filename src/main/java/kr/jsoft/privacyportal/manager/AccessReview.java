package kr.jsoft.privacyportal.manager;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reviewed month of staff access records: who reviewed it (account id), when, and the findings. */
@Entity
@Table(name = "access_review")
class AccessReview {
    @Id
    @Column(name = "review_month", length = 7)
    private String month;
    @Column(name = "reviewed_by", nullable = false, length = 36)
    private String reviewedBy;
    @Column(name = "reviewed_at", nullable = false)
    private Instant reviewedAt;
    @Column(nullable = false, length = 2000)
    private String findings;

    protected AccessReview() {
    }

    AccessReview(String month, String reviewedBy, Instant reviewedAt, String findings) {
        this.month = month;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
        this.findings = findings;
    }

    String month() { return month; }
    String reviewedBy() { return reviewedBy; }
    Instant reviewedAt() { return reviewedAt; }
    String findings() { return findings; }
}
