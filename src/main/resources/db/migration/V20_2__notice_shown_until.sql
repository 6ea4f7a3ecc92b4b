-- A breach notice stays on the public Notices section for at least 30 days (Decree Art. 39) and
-- leaves the list once its period ends; other notices (shown_until NULL) stay for good.
ALTER TABLE notice ADD COLUMN shown_until TIMESTAMP WITH TIME ZONE;
