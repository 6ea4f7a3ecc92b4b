-- Every posted notice (a schedule, a withdrawal) is its own fan-out, keyed "label@date#<notice id>":
-- re-scheduling a version for the same date, or withdrawing it a second time, mails subscribers again.
ALTER TABLE notice_fanout ALTER COLUMN revision_id SET DATA TYPE VARCHAR(200);
