-- The notice period of policy revisions, enforced by the database as well as by the
-- lifecycle service (policy/PolicyLifecycle.java), so that not even a direct INSERT or UPDATE
-- can bring a version into force without its notice: the policy promises 7 days' notice in
-- the Notices section, 30 days for a revision unfavourable to users.
--
-- Hours, not days: PostgreSQL adds "days" in the session's time zone (23 or 25 hours across a
-- daylight-saving change); hours are exact on both databases.
--
-- unfavourable: marked in metadata.json, or detected by the lifecycle when it schedules the
-- version (it sets the column then; detection only ever raises the minimum).
-- The baseline (2023-09-01) predates the portal: it was already in force when imported, has no
-- notice of the portal's and can never be a version scheduled for the future.
ALTER TABLE policy_version ADD CONSTRAINT policy_version_notice_period CHECK (
    effective_at IS NULL
    OR baseline
    OR (notice_posted_at IS NOT NULL
        AND effective_at >= notice_posted_at + INTERVAL '168' HOUR
        AND (NOT unfavourable OR effective_at >= notice_posted_at + INTERVAL '720' HOUR)));

ALTER TABLE policy_version ADD CONSTRAINT policy_version_baseline CHECK (
    NOT baseline
    OR (notice_posted_at IS NULL AND effective_at IS NOT NULL AND effective_at <= imported_at));

-- A notice always comes with the date it announces; a withdrawal happens before that date.
ALTER TABLE policy_version ADD CONSTRAINT policy_version_notice_has_date CHECK (
    notice_posted_at IS NULL OR effective_at IS NOT NULL);
ALTER TABLE policy_version ADD CONSTRAINT policy_version_withdrawn_before_effect CHECK (
    withdrawn_at IS NULL
    OR (notice_posted_at IS NOT NULL AND effective_at IS NOT NULL AND withdrawn_at < effective_at));

-- The reason a privacy manager recorded for scheduling a version that lacks a legally
-- required section (PIPA Art. 30(1), Enforcement Decree Art. 31(1)); null when complete.
ALTER TABLE policy_version ADD COLUMN checklist_waiver VARCHAR(1000);
