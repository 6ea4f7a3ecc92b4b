-- PostgreSQL keeps the marks' key that the common migration before this one drops for H2: an index entry
-- costs PostgreSQL little, and without it a batch's end would scan every deleted mark not yet vacuumed.
ALTER TABLE mail_sent_mark ADD PRIMARY KEY (claim_token, mail_id);
