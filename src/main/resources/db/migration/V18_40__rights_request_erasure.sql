-- A decided or cancelled rights request keeps the requester's personal data only for the retention
-- period (PORTAL_RIGHTS_RETENTION); then authority, details, email, number hash, grounds and the
-- status link are erased and this marks when, leaving the anonymous record (reference, kind,
-- channel, dates, outcome) that shows how requests were handled.
ALTER TABLE rights_request ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX rights_request_state_received ON rights_request (state, received_at);
