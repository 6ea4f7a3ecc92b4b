-- Several portal instances on one database (issue 12).

-- Leases for background jobs that must not run on two instances at once (jobs/JobLeases.java):
-- the holder is the instance id, and the lease ends by itself if that instance dies.
CREATE TABLE job_lease (
    job_name    VARCHAR(100)             NOT NULL PRIMARY KEY,
    holder      VARCHAR(100),
    lease_until TIMESTAMP WITH TIME ZONE
);

-- One row per Seoul day whose audit-chain head was signed (audit/AuditHeads.java): inserted in the
-- same transaction as the audit entry and the mail, its primary key makes the daily signature
-- happen once however many instances run the job. signed_by names the instance that holds the
-- day's .jws file.
CREATE TABLE audit_head (
    head_day  VARCHAR(10)              NOT NULL PRIMARY KEY,
    seq       BIGINT                   NOT NULL,
    hash      VARCHAR(64)              NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_by VARCHAR(100)             NOT NULL
);
