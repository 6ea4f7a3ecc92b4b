-- Several instances on one database share one first-run link: the row says which instance wrote it
-- and where (host and file), so the others point there instead of revoking it with a link of their own.
ALTER TABLE staff_setup_link ADD COLUMN issued_by VARCHAR(50);
ALTER TABLE staff_setup_link ADD COLUMN issued_where VARCHAR(600);
