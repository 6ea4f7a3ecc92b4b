-- Mail that could not be handed over because the SMTP relay was unreachable (mail/MailDispatcher.java).
-- Such a failure is not the mail's fault: it does not count an attempt, and the dispatcher's relay
-- probe makes every such mail due as soon as the relay answers again.
ALTER TABLE mail_outbox ADD COLUMN awaiting_relay BOOLEAN DEFAULT FALSE NOT NULL;
