-- A mail's claim token is only ever looked up together with its id (claiming, renewing a lease,
-- recording the result), so its index found nothing the primary key does not, and cost two index
-- entries per mail sent (set at the claim, cleared with the result): on H2 two more pages rewritten
-- per commit, on PostgreSQL a claim that could not be a heap-only update.
DROP INDEX mail_outbox_claim;
