-- Recovery codes at rest become an HMAC (the portal's lookup key, kept outside the database) over their
-- SHA-256, so a copy of the database no longer lets anyone test the ~50-bit codes offline. The key is not
-- in the database, so this migration cannot re-wrap the stored hashes itself: it marks them unkeyed, and the
-- portal re-wraps every unkeyed row once at start-up (manager.RecoveryCodeHash). New rows are keyed.
ALTER TABLE staff_recovery_code ADD COLUMN keyed BOOLEAN DEFAULT FALSE NOT NULL;
