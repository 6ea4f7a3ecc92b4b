-- Personal-information breach incidents (breach/): the register the privacy manager keeps under
-- PIPA Art. 34 and Enforcement Decree Arts. 39-40. An incident holds no personal data: device ids
-- are the registry's opaque ids, complaint references are the complaint desk's own references, and
-- the texts are what the notice itself tells every person affected.
CREATE TABLE breach_incident (
    id                   UUID                     NOT NULL PRIMARY KEY,
    reference            VARCHAR(20)              NOT NULL,
    discovered_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    what_happened        VARCHAR(4000)            NOT NULL,
    items                VARCHAR(1000)            NOT NULL,
    scope                VARCHAR(20)              NOT NULL,
    window_from          TIMESTAMP WITH TIME ZONE,
    window_to            TIMESTAMP WITH TIME ZONE,
    listed_devices       VARCHAR(100000),
    complaint_references VARCHAR(2000),
    outside_hacking      BOOLEAN                  NOT NULL,
    sensitive            BOOLEAN                  NOT NULL,
    estimated_people     INTEGER,
    circumstances_ko     VARCHAR(4000),
    circumstances_en     VARCHAR(4000),
    what_to_do_ko        VARCHAR(4000),
    what_to_do_en        VARCHAR(4000),
    measures_ko          VARCHAR(4000),
    measures_en          VARCHAR(4000),
    notice_ko            VARCHAR(30000),
    notice_en            VARCHAR(30000),
    notice_sent_at       TIMESTAMP WITH TIME ZONE,
    devices_at_notice    INTEGER,
    devices_done_at      TIMESTAMP WITH TIME ZONE,
    devices_after        UUID,
    complainant_mails    INTEGER                  NOT NULL,
    public_notice_id     UUID,
    public_notice_until  TIMESTAMP WITH TIME ZONE,
    report_submitted_at  TIMESTAMP WITH TIME ZONE,
    report_submitted_to  VARCHAR(10),
    CONSTRAINT breach_incident_reference UNIQUE (reference),
    CONSTRAINT breach_incident_window CHECK (scope <> 'WINDOW'
        OR (window_from IS NOT NULL AND window_to IS NOT NULL AND window_from <= window_to))
);
CREATE INDEX breach_incident_discovered ON breach_incident (discovered_at);
