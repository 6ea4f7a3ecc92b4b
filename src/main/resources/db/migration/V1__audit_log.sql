-- The append-only, hash-chained audit log (see audit/AuditLog.java).
CREATE TABLE audit_entry (
    seq            BIGINT                   NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(100)             NOT NULL,
    action         VARCHAR(100)             NOT NULL,
    target_type    VARCHAR(50),
    target_id      VARCHAR(100),
    client_address VARCHAR(64),
    detail         VARCHAR(500),
    prev_hash      VARCHAR(64)              NOT NULL,
    hash           VARCHAR(64)              NOT NULL
);
CREATE INDEX audit_entry_occurred_at ON audit_entry (occurred_at);
CREATE INDEX audit_entry_target ON audit_entry (target_type, target_id);

-- One row; writers lock it so sequence numbers and hashes form a single chain.
CREATE TABLE audit_chain_head (
    id        INTEGER     NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_chain_head_single CHECK (id = 1)
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
