-- The device registry (device/). Phone numbers are stored only as a keyed hash (HMAC-SHA-256,
-- key outside the database); the push address and its keys only sealed with AES-256-GCM.
-- A row is PENDING until its SMS code is confirmed, then ACTIVE; unregistering or inactivity
-- deletes the row (the audit log keeps only the opaque id).
CREATE TABLE device (
    id                  UUID                     NOT NULL PRIMARY KEY,
    phone_hash          VARCHAR(64)              NOT NULL,
    platform            VARCHAR(10)              NOT NULL,
    state               VARCHAR(10)              NOT NULL,
    app_version         VARCHAR(40)              NOT NULL,
    public_key          VARCHAR(400)             NOT NULL,
    key_thumbprint      VARCHAR(64)              NOT NULL,
    push_kind           VARCHAR(10)              NOT NULL,
    push_address        VARCHAR(8000)            NOT NULL,
    code_hash           VARCHAR(64),
    code_expires_at     TIMESTAMP WITH TIME ZONE,
    code_attempts       INTEGER                  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at        TIMESTAMP WITH TIME ZONE,
    last_check_in_at    TIMESTAMP WITH TIME ZONE,
    push_updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT device_key_thumbprint_unique UNIQUE (key_thumbprint)
);
CREATE INDEX device_phone_hash ON device (phone_hash, state);
CREATE INDEX device_last_check_in ON device (state, last_check_in_at);

-- Nonces (jti) of accepted signed device requests, kept until their signature could no longer
-- pass the clock-skew check; the primary key makes a replay fail atomically.
CREATE TABLE device_nonce (
    nonce_key  VARCHAR(200)             NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX device_nonce_expires ON device_nonce (expires_at);
