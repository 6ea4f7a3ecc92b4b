-- The Notices section (notice/Notice.java): posted once, never edited or deleted.
CREATE TABLE notice (
    id            UUID                     NOT NULL PRIMARY KEY,
    kind          VARCHAR(20)              NOT NULL,
    version_label VARCHAR(100),
    posted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    title_ko      VARCHAR(300)             NOT NULL,
    title_en      VARCHAR(300)             NOT NULL,
    body_ko       VARCHAR(100000)          NOT NULL,
    body_en       VARCHAR(100000)          NOT NULL
);
CREATE INDEX notice_posted_at ON notice (posted_at);
