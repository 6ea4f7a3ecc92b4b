-- Ten days on every path: every destruction request sends its requester a result by day 10 (done,
-- partly done with the wipes still queued, or postponed/refused with the objection route), and a
-- review still undecided is escalated to the privacy manager on day 7 and day 9. Each column is set
-- in the same transaction as the mail it records, so each mail goes out once, also after a crash.
ALTER TABLE destruction_request ADD COLUMN interim_result_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE destruction_request ADD COLUMN escalated_day7_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE destruction_request ADD COLUMN escalated_day9_at TIMESTAMP WITH TIME ZONE;
