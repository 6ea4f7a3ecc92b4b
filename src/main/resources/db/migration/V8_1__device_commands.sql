-- Device commands (command/): NOTIFY, APPROVE_REQUEST, WIPE_APP_DATA, each signed by the portal,
-- with its per-device state, its wake-up schedule and the device's signed receipts.

-- A push address the push service declared dead is dropped; the device, its key and its
-- pending commands stay until it checks in again or refreshes its address.
ALTER TABLE device ALTER COLUMN push_kind DROP NOT NULL;
ALTER TABLE device ALTER COLUMN push_address DROP NOT NULL;

-- One row per command and device. device_id is an opaque id, not a foreign key: the history
-- (states, times, receipts) outlives the device's erasure. next_wake_at is the wake-up schedule;
-- workers claim due rows with a lease (claimed_by, lease_until) by a conditional UPDATE.
CREATE TABLE device_command (
    id                 UUID                     NOT NULL PRIMARY KEY,
    device_id          UUID                     NOT NULL,
    kind               VARCHAR(20)              NOT NULL,
    reference          VARCHAR(100),
    nonce              VARCHAR(43)              NOT NULL,
    signed_command     VARCHAR(4000)            NOT NULL,
    state              VARCHAR(10)              NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    woken_at           TIMESTAMP WITH TIME ZONE,
    fetched_at         TIMESTAMP WITH TIME ZONE,
    started_at         TIMESTAMP WITH TIME ZONE,
    finished_at        TIMESTAMP WITH TIME ZONE,
    answer             VARCHAR(10),
    result             VARCHAR(1000),
    failure            VARCHAR(200),
    wake_slot          INTEGER                  NOT NULL,
    push_retries       INTEGER                  NOT NULL,
    wake_ups           INTEGER                  NOT NULL,
    next_wake_at       TIMESTAMP WITH TIME ZONE,
    last_push_outcome  VARCHAR(20),
    last_push_at       TIMESTAMP WITH TIME ZONE,
    claimed_by         VARCHAR(36),
    lease_until        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX device_command_due ON device_command (next_wake_at);
CREATE INDEX device_command_device ON device_command (device_id, created_at);
CREATE INDEX device_command_open ON device_command (state, expires_at);
CREATE INDEX device_command_claim ON device_command (claimed_by);
CREATE INDEX device_command_reference ON device_command (reference);

-- The device's receipts as signed: at most one of each type per command (repeats are answered
-- from the stored row).
CREATE TABLE device_command_receipt (
    id                UUID                     NOT NULL PRIMARY KEY,
    command_id        UUID                     NOT NULL REFERENCES device_command (id),
    type              VARCHAR(10)              NOT NULL,
    device_signature  VARCHAR(4096)            NOT NULL,
    body              VARCHAR(4000)            NOT NULL,
    body_digest       VARCHAR(43)              NOT NULL,
    device_key        VARCHAR(400)             NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT device_command_receipt_once UNIQUE (command_id, type)
);

-- Every wake-up attempt: its outcome (delivered, retry, dead address, no address, …) and the next try.
CREATE TABLE device_wake_up (
    id               UUID                     NOT NULL PRIMARY KEY,
    command_id       UUID                     NOT NULL REFERENCES device_command (id),
    device_id        UUID                     NOT NULL,
    attempted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome          VARCHAR(20)              NOT NULL,
    detail           VARCHAR(200)             NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX device_wake_up_command ON device_wake_up (command_id, attempted_at);
