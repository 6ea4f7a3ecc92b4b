-- A mail the relay accepted is recorded here at once, one narrow row, and folded into mail_outbox
-- (state SENT) at the end of its batch. On H2 every commit rewrites the pages it changed; marking
-- mail_outbox itself changed its wide row and three index entries per mail (state, claim,
-- finished), which made the per-mail commit the largest cost of sending. No foreign key: it would
-- add an index to write on every mark. A dead instance's marks are folded by the next claim of
-- those mails (its claim token is the key), so they are not sent again.
CREATE TABLE mail_sent_mark (
    claim_token UUID                     NOT NULL,
    mail_id     UUID                     NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (claim_token, mail_id)
);
