-- The marks lose their (claim, mail) key. H2 writes every page a commit changed, and the marks of one
-- commit come from as many batches as connections are sending, each under its own random claim token:
-- each landed in another leaf of the key's index, so most of a mark commit's bytes and CPU went into
-- rewriting index pages. Without a key H2 appends the marks to the table's last page. The table only
-- ever holds the marks of batches in flight (a batch's end deletes its own), so reading it whole to
-- find a claim's marks is cheap. PostgreSQL, where an index entry costs little and a deleted row stays
-- until vacuum, gets the key back (db/vendor/postgresql).
CREATE TABLE mail_sent_mark_new (
    claim_token UUID                     NOT NULL,
    mail_id     UUID                     NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO mail_sent_mark_new (claim_token, mail_id, sent_at) SELECT claim_token, mail_id, sent_at FROM mail_sent_mark;
DROP TABLE mail_sent_mark;
ALTER TABLE mail_sent_mark_new RENAME TO mail_sent_mark;
