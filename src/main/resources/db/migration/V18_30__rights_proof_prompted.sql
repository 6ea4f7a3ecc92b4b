-- When the rights worker prompted the number's devices for a device proof: the prompting left the
-- request path (its time told whether the number has devices), and this marks it done.
ALTER TABLE rights_proof ADD COLUMN prompted_at TIMESTAMP WITH TIME ZONE;
