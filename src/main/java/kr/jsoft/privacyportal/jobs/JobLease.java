package kr.jsoft.privacyportal.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which instance runs a job that must not run on two at once, and until when its claim holds. */
@Entity
@Table(name = "job_lease")
class JobLease {
    @Id
    @Column(name = "job_name", length = 100)
    private String name;
    @Column(length = 100)
    private String holder;
    @Column(name = "lease_until")
    private Instant leaseUntil;

    protected JobLease() {
    }
}
