-- Destruction without the device (issue 11): the number proven by an SMS code, or the privacy
-- manager's review when the requester has no access to the number any more; a waiting period
-- during which a registered device can cancel; refusals with their grounds.
-- code_hash is a keyed hash bound to the request; explanation and decision are sealed (AES-GCM).
ALTER TABLE destruction_request ADD COLUMN code_hash VARCHAR(64);
ALTER TABLE destruction_request ADD COLUMN code_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE destruction_request ADD COLUMN code_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE destruction_request ADD COLUMN window_ends_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE destruction_request ADD COLUMN explanation_sealed VARCHAR(12000);
ALTER TABLE destruction_request ADD COLUMN decision_sealed VARCHAR(12000);
ALTER TABLE destruction_request ADD COLUMN decided_by VARCHAR(60);
ALTER TABLE destruction_request ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE destruction_request ADD COLUMN refusal_policy VARCHAR(40);
