-- The monthly review of the staff's access records (Korea's standard for safety measures of
-- personal information, Art. 8(2): the records of staff who handle personal data are checked at
-- least once a month). One row per reviewed Seoul month: who reviewed it, when, what they found.
-- reviewed_by is the staff account's opaque id, like every actor in the audit log.
CREATE TABLE access_review (
    review_month VARCHAR(7)               NOT NULL PRIMARY KEY,
    reviewed_by  VARCHAR(36)              NOT NULL,
    reviewed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    findings     VARCHAR(2000)            NOT NULL
);
