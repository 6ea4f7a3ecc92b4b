-- The transactional outbox (mail/Outbox.java): one row per mail, written in the same
-- transaction as the event that causes it. Recipient and model are encrypted at rest
-- (FieldCipher) and erased after PORTAL_MAIL_RETENTION once the mail is finished,
-- leaving only the opaque metadata below.
CREATE TABLE mail_context (
    id         UUID                     NOT NULL PRIMARY KEY,
    model_json VARCHAR(100000)          NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE mail_outbox (
    id               UUID                     NOT NULL PRIMARY KEY,
    template         VARCHAR(100)             NOT NULL,
    lang             VARCHAR(2)               NOT NULL,
    state            VARCHAR(10)              NOT NULL,
    recipient_sealed VARCHAR(1000),
    model_sealed     VARCHAR(100000),
    context_id       UUID REFERENCES mail_context (id),
    attempts         INTEGER                  NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    claim_token      UUID,
    lease_until      TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    erased_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
CREATE INDEX mail_outbox_claim ON mail_outbox (claim_token);
CREATE INDEX mail_outbox_finished ON mail_outbox (finished_at);
