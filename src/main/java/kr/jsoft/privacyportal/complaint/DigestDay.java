package kr.jsoft.privacyportal.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The Seoul day on which the deadline digest went out: its primary key makes the mail once a day. */
@Entity
@Table(name = "complaint_digest")
class DigestDay {
    @Id
    @Column(name = "digest_day", length = 10)
    private String day;
    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected DigestDay() {
    }
}
