-- Rate-limit counters shared by every portal instance; subjects are keyed hashes only.
CREATE TABLE rate_limit_bucket (
    bucket_key   VARCHAR(120)             NOT NULL PRIMARY KEY,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    hits         INTEGER                  NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
