-- Policy versions (policy/PolicyVersion.java). The version in force is never stored: it is
-- the newest non-withdrawn version whose effective_at has passed, computed from the clock.
CREATE TABLE policy_version (
    id                      UUID                     NOT NULL PRIMARY KEY,
    label                   VARCHAR(100)             NOT NULL,
    effective_at            TIMESTAMP WITH TIME ZONE,
    notice_posted_at        TIMESTAMP WITH TIME ZONE,
    baseline                BOOLEAN                  NOT NULL,
    withdrawn_at            TIMESTAMP WITH TIME ZONE,
    authoritative_language  VARCHAR(2)               NOT NULL,
    reference_translations  VARCHAR(20)              NOT NULL,
    unfavourable            BOOLEAN                  NOT NULL,
    summary_ko              VARCHAR(8000)            NOT NULL,
    summary_en              VARCHAR(8000)            NOT NULL,
    metadata_json           VARCHAR(1000000)         NOT NULL,
    metadata_sha256         VARCHAR(64)              NOT NULL,
    imported_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT policy_version_label UNIQUE (label)
);
CREATE INDEX policy_version_effective_at ON policy_version (effective_at);

-- The text of a version per language, with the SHA-256 of the file it was imported from.
CREATE TABLE policy_text (
    id         UUID             NOT NULL PRIMARY KEY,
    version_id UUID             NOT NULL REFERENCES policy_version (id),
    lang       VARCHAR(2)       NOT NULL,
    markdown   VARCHAR(1000000) NOT NULL,
    sha256     VARCHAR(64)      NOT NULL,
    CONSTRAINT policy_text_version_lang UNIQUE (version_id, lang)
);
