-- A complainant's phone number as a keyed hash of its own purpose, so the person's rights page
-- (access, correction) finds the open complaints filed with their number. Filled when a complaint
-- is filed with a Korean mobile number; erased with the rest of the case.
ALTER TABLE complaint ADD COLUMN phone_hash VARCHAR(64);
CREATE INDEX complaint_phone_hash ON complaint (phone_hash);

-- A person proving their number for the rights page (rights/RightsProof.java): by approval on a
-- registered device (number matching) or an SMS code. Once proven, the page behind the secret
-- link (SHA-256 of its token) lives 30 minutes. The number itself is never stored.
CREATE TABLE rights_proof (
    id                    UUID                     NOT NULL PRIMARY KEY,
    lang                  VARCHAR(2)               NOT NULL,
    way                   VARCHAR(10)              NOT NULL,
    state                 VARCHAR(20)              NOT NULL,
    phone_hash            VARCHAR(64),
    complaint_phone_hash  VARCHAR(64),
    approval_number       VARCHAR(6)               NOT NULL,
    token_hash            VARCHAR(64)              NOT NULL,
    code_hash             VARCHAR(128),
    code_attempts         INTEGER                  NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    proof_due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    proven_at             TIMESTAMP WITH TIME ZONE,
    page_expires_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT rights_proof_token UNIQUE (token_hash)
);
CREATE INDEX rights_proof_due ON rights_proof (proof_due_at);

-- Rights requests recorded by staff (made by phone, mail or through an agent): the kind, who
-- asked and on what authority (sealed), the 10-day clock, and the structured outcome with its
-- grounds (sealed), delivered by mail and on the status page (SHA-256 of the link's token).
CREATE TABLE rights_request (
    id                 UUID                     NOT NULL PRIMARY KEY,
    reference          VARCHAR(20)              NOT NULL,
    kind               VARCHAR(20)              NOT NULL,
    channel            VARCHAR(20)              NOT NULL,
    requester          VARCHAR(30)              NOT NULL,
    authority_sealed   VARCHAR(4000),
    details_sealed     VARCHAR(8000),
    lang               VARCHAR(2)               NOT NULL,
    phone_hash         VARCHAR(64),
    email_sealed       VARCHAR(2000),
    state              VARCHAR(20)              NOT NULL,
    code_hash          VARCHAR(128),
    code_expires_at    TIMESTAMP WITH TIME ZONE,
    code_attempts      INTEGER                  NOT NULL,
    status_token_hash  VARCHAR(64),
    outcome            VARCHAR(20),
    grounds_sealed     VARCHAR(8000),
    postponed_until    TIMESTAMP WITH TIME ZONE,
    recorded_by        VARCHAR(100)             NOT NULL,
    decided_by         VARCHAR(100),
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    proven_at          TIMESTAMP WITH TIME ZONE,
    decided_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT rights_request_reference UNIQUE (reference),
    CONSTRAINT rights_request_status_token UNIQUE (status_token_hash)
);
CREATE INDEX rights_request_state_due ON rights_request (state, due_at);
CREATE INDEX rights_request_phone ON rights_request (phone_hash);

CREATE TABLE rights_counter (
    counter_year  INTEGER NOT NULL PRIMARY KEY,
    last_value    BIGINT  NOT NULL
);
