-- The notice rule of V6_1 could be bypassed by direct SQL. These constraints close the ways
-- both databases can refuse; PostgreSQL adds triggers (db/vendor/postgresql/V18_21) and the
-- portal's start-up integrity check (policy/PolicyIntegrity.java) detects the rest.

-- A version's notice date is the notice row's own: notice_id, notice_posted_at and the label
-- form one foreign key into the Notices section, so the date cannot be backdated, cannot
-- differ from the posted notice, and the notice must announce this very version. Posted
-- notices that a version points at can neither be deleted nor have their date edited.
ALTER TABLE notice ADD CONSTRAINT notice_announces UNIQUE (id, posted_at, version_label);
ALTER TABLE policy_version ADD COLUMN notice_id UUID;
UPDATE policy_version SET notice_id = (
    SELECT n.id FROM notice n
    WHERE n.kind = 'REVISION' AND n.version_label = policy_version.label
      AND n.posted_at = policy_version.notice_posted_at)
WHERE notice_posted_at IS NOT NULL;
ALTER TABLE policy_version ADD CONSTRAINT policy_version_notice FOREIGN KEY (notice_id, notice_posted_at, label)
    REFERENCES notice (id, posted_at, version_label);
ALTER TABLE policy_version ADD CONSTRAINT policy_version_notice_row CHECK (
    (notice_id IS NULL AND notice_posted_at IS NULL) OR (notice_id IS NOT NULL AND notice_posted_at IS NOT NULL));

-- One baseline at most: a second row with baseline = TRUE (in force at once, without notice)
-- collides on baseline_slot. Unique constraints allow any number of NULLs on both databases.
ALTER TABLE policy_version ADD COLUMN baseline_slot BOOLEAN;
UPDATE policy_version SET baseline_slot = TRUE WHERE baseline;
-- Written without a NULL result: a CHECK that evaluates to NULL passes.
ALTER TABLE policy_version ADD CONSTRAINT policy_version_baseline_slot CHECK (
    COALESCE(baseline_slot, FALSE) = baseline AND (baseline_slot IS NULL OR baseline_slot));
ALTER TABLE policy_version ADD CONSTRAINT policy_version_one_baseline UNIQUE (baseline_slot);

-- Optimistic version: the importer's update of a draft fails rather than overwrite a schedule
-- that another instance committed meanwhile.
ALTER TABLE policy_version ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
