-- The hourly command-history purge finds finished commands by when they finished.
CREATE INDEX device_command_finished ON device_command (finished_at);
