-- Staff accounts of the manager dashboard (see manager/AccountService.java).
-- Emails and display names are staff data; the audit log refers to accounts by id only.
CREATE TABLE staff_account (
    id                  UUID                     NOT NULL PRIMARY KEY,
    email               VARCHAR(254)             NOT NULL,
    display_name        VARCHAR(100)             NOT NULL,
    role                VARCHAR(20)              NOT NULL,
    -- Argon2id in PHC string form; NULL until the account's one-time setup link is used.
    password_hash       VARCHAR(200),
    -- TOTP secret, AES-256-GCM encrypted with the portal's data-encryption key.
    totp_secret         VARCHAR(200),
    -- Highest TOTP time step accepted so far: a code is never accepted twice (RFC 6238 section 5.2).
    totp_last_step      BIGINT                   NOT NULL,
    disabled            BOOLEAN                  NOT NULL,
    -- Sessions signed in before this instant are no longer valid (disable, reset).
    sessions_valid_from TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT staff_account_email UNIQUE (email)
);

-- One-time recovery codes, SHA-256 of the code (each code carries 50 random bits).
CREATE TABLE staff_recovery_code (
    id         UUID                     NOT NULL PRIMARY KEY,
    account_id UUID                     NOT NULL REFERENCES staff_account (id),
    code_hash  VARCHAR(64)              NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX staff_recovery_code_account ON staff_recovery_code (account_id);

-- One-time setup links (first run, invitation, reset), stored as SHA-256 of the token.
CREATE TABLE staff_setup_link (
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    purpose    VARCHAR(20)              NOT NULL,
    account_id UUID REFERENCES staff_account (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);

-- Failed sign-ins per account (keyed by a hash of the email, whether or not the account
-- exists) and per client address; rows expire, so the slow-down is shared by every node.
CREATE TABLE sign_in_throttle (
    throttle_key    VARCHAR(100)             NOT NULL PRIMARY KEY,
    failures        INTEGER                  NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sign_in_throttle_expires ON sign_in_throttle (expires_at);
