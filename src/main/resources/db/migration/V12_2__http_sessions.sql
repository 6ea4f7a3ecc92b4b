-- Manager sessions shared by every portal instance: Jetty's JDBCSessionDataStore over the portal's
-- own database (PortalServer.newContext), with the table and column names set in SessionStore.
-- Jetty would create this table itself; Flyway does it instead, like every other table. The index
-- name is the one Jetty looks for ("idx_" + table + "_expiry"), so it creates nothing.
-- Times are milliseconds since the epoch (Jetty's own), map_data the serialised attributes
-- (BYTEA: PostgreSQL's binary type, which H2 also accepts and Jetty reads on both).
CREATE TABLE jetty_session (
    session_id       VARCHAR(120) NOT NULL,
    context_path     VARCHAR(60)  NOT NULL,
    virtual_host     VARCHAR(60)  NOT NULL,
    last_node        VARCHAR(60),
    access_time      BIGINT,
    last_access_time BIGINT,
    create_time      BIGINT,
    cookie_time      BIGINT,
    last_saved_time  BIGINT,
    expiry_time      BIGINT,
    max_interval     BIGINT       NOT NULL DEFAULT -999,
    map_data         BYTEA,
    PRIMARY KEY (session_id, context_path, virtual_host)
);
CREATE INDEX idx_jetty_session_expiry ON jetty_session (expiry_time);
