-- Destruction requests (destruction/): a request on the website or in the app, approval on the
-- user's own device, WIPE_APP_DATA on every device of the number, a signed certificate.
--
-- phone_hash (the registry's keyed hash) is kept only until the background step has looked up
-- the devices; email_sealed only until the certificate mail is queued (the outbox row's copy is
-- erased once sent). What remains afterwards is the minimal record: reference, times, counts,
-- outcome, certificate. The status link is kept as a SHA-256 of its random token.
CREATE TABLE destruction_request (
    id                   UUID                     NOT NULL PRIMARY KEY,
    reference            VARCHAR(20)              NOT NULL,
    origin               VARCHAR(10)              NOT NULL,
    lang                 VARCHAR(2)               NOT NULL,
    state                VARCHAR(20)              NOT NULL,
    outcome              VARCHAR(20),
    phone_hash           VARCHAR(64),
    approval_number      VARCHAR(2)               NOT NULL,
    status_token_hash    VARCHAR(64)              NOT NULL,
    email_sealed         VARCHAR(1000),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    approval_due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    devices_looked_up_at TIMESTAMP WITH TIME ZONE,
    approved_at          TIMESTAMP WITH TIME ZONE,
    finished_at          TIMESTAMP WITH TIME ZONE,
    device_count         INTEGER                  NOT NULL,
    wiped_count          INTEGER                  NOT NULL,
    certificate          VARCHAR(8000),
    certificate_mail_id  UUID,
    email_erased_at      TIMESTAMP WITH TIME ZONE,
    promise_missed_at    TIMESTAMP WITH TIME ZONE,
    claimed_by           VARCHAR(36),
    lease_until          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT destruction_request_reference UNIQUE (reference),
    CONSTRAINT destruction_request_token UNIQUE (status_token_hash)
);
CREATE INDEX destruction_request_state ON destruction_request (state, created_at);

-- One row per device of the request. device_id is opaque (the device row itself is erased);
-- position is the "device N" the status page and the certificate speak of.
CREATE TABLE destruction_device (
    id                   UUID                     NOT NULL PRIMARY KEY,
    request_id           UUID                     NOT NULL REFERENCES destruction_request (id),
    device_id            UUID                     NOT NULL,
    position             INTEGER                  NOT NULL,
    approve_command_id   UUID,
    wipe_command_id      UUID,
    answer               VARCHAR(10),
    wipe_state           VARCHAR(20)              NOT NULL,
    receipt_digest       VARCHAR(43),
    wipe_counts          VARCHAR(1000),
    wiped_at             TIMESTAMP WITH TIME ZONE,
    device_erased_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT destruction_device_position UNIQUE (request_id, position)
);
CREATE INDEX destruction_device_request ON destruction_device (request_id);
CREATE INDEX destruction_device_erasure ON destruction_device (device_erased_at, wipe_state);

-- References D-2026-000123: the Seoul year and a per-year number, taken under a row lock.
CREATE TABLE destruction_counter (
    counter_year INTEGER NOT NULL PRIMARY KEY,
    last_number  INTEGER NOT NULL
);
