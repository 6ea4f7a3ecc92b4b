-- Complaints to the privacy manager (complaint/Complaints.java). Name, email, phone and every
-- message body are sealed (AES-GCM); the email is found by a keyed hash, the status link by the
-- SHA-256 of its token. After the retention period a closed case keeps only the anonymous part.
CREATE TABLE complaint (
    id                 UUID                     NOT NULL PRIMARY KEY,
    reference          VARCHAR(20)              NOT NULL,
    category           VARCHAR(30)              NOT NULL,
    state              VARCHAR(20)              NOT NULL,
    lang               VARCHAR(2)               NOT NULL,
    name_sealed        VARCHAR(2000),
    email_sealed       VARCHAR(2000),
    phone_sealed       VARCHAR(1000),
    email_hash         VARCHAR(64),
    status_token_hash  VARCHAR(64),
    assignee_id        UUID,
    assignee_name      VARCHAR(100),
    refusal_policy     VARCHAR(100),
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    first_answered_at  TIMESTAMP WITH TIME ZONE,
    closed_at          TIMESTAMP WITH TIME ZONE,
    erased_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT complaint_reference UNIQUE (reference),
    CONSTRAINT complaint_status_token UNIQUE (status_token_hash)
);
CREATE INDEX complaint_state_due ON complaint (state, due_at);
CREATE INDEX complaint_closed ON complaint (closed_at);

-- The case's timeline: the complainant's messages, replies, internal notes, assignments.
CREATE TABLE complaint_entry (
    id            UUID                     NOT NULL PRIMARY KEY,
    complaint_id  UUID                     NOT NULL REFERENCES complaint (id),
    kind          VARCHAR(20)              NOT NULL,
    author_name   VARCHAR(100),
    body_sealed   VARCHAR(40000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX complaint_entry_case ON complaint_entry (complaint_id, created_at);

-- Per-year reference numbers: the year's row is locked FOR UPDATE while the next number is taken.
CREATE TABLE complaint_counter (
    counter_year  INTEGER NOT NULL PRIMARY KEY,
    last_value    BIGINT  NOT NULL
);

-- One row per Seoul day on which the deadline digest was mailed: it is sent once a day.
CREATE TABLE complaint_digest (
    digest_day  VARCHAR(10)              NOT NULL PRIMARY KEY,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
