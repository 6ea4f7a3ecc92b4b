package kr.jsoft.privacyportal.web;

import javax.sql.DataSource;
import org.eclipse.jetty.ee11.servlet.SessionHandler;
import org.eclipse.jetty.session.DatabaseAdaptor;
import org.eclipse.jetty.session.JDBCSessionDataStore;
import org.eclipse.jetty.session.JDBCSessionDataStoreFactory;
import org.eclipse.jetty.session.NullSessionCacheFactory;
import org.eclipse.jetty.session.SessionCache;

/**
 * HTTP sessions kept in the portal's database (Jetty's JDBC session store, table
 * {@code jetty_session} made by Flyway migration V12_2), so a signed-in manager's next request
 * may land on any instance: the load balancer needs no sticky sessions.
 *
 * <p>No instance keeps sessions in memory ({@code NullSessionCache}): each request reads its
 * session from the table, so a change made on one instance (sign-in, sign-out) is
 * what the next request sees on another. A changed session is written before the response
 * leaves ({@code flushOnResponseCommit}), so the redirect after sign-in cannot overtake it.
 * Sessions hold only small serializable values (ids, times, tokens; anything secret sealed).
 */
public final class SessionStore {
    /** The table and its columns, as V12_2__http_sessions.sql creates them. */
    static final String TABLE = "jetty_session";
    /** An unchanged session's access time is written at most this often (seconds). */
    static final int SAVE_PERIOD_SECONDS = 60;

    private SessionStore() {
    }

    /** Makes {@code sessions} keep its sessions in {@code dataSource}'s {@code jetty_session} table. */
    public static void useDatabase(SessionHandler sessions, DataSource dataSource) {
        DatabaseAdaptor adaptor = new DatabaseAdaptor();
        adaptor.setDatasource(dataSource);
        JDBCSessionDataStoreFactory stores = new JDBCSessionDataStoreFactory();
        stores.setDatabaseAdaptor(adaptor);
        stores.setSessionTableSchema(schema());
        stores.setSavePeriodSec(SAVE_PERIOD_SECONDS);
        NullSessionCacheFactory caches = new NullSessionCacheFactory();
        caches.setFlushOnResponseCommit(true);
        caches.setSaveOnCreate(true);
        caches.setRemoveUnloadableSessions(true);
        SessionCache cache = caches.getSessionCache(sessions);
        cache.setSessionDataStore(stores.getSessionDataStore(sessions));
        sessions.setSessionCache(cache);
    }

    private static JDBCSessionDataStore.SessionTableSchema schema() {
        JDBCSessionDataStore.SessionTableSchema schema = new JDBCSessionDataStore.SessionTableSchema();
        // The connection's own schema (PostgreSQL's search path, H2's PUBLIC).
        schema.setSchemaName(JDBCSessionDataStore.SessionTableSchema.INFERRED);
        schema.setTableName(TABLE);
        schema.setIdColumn("session_id");
        schema.setContextPathColumn("context_path");
        schema.setVirtualHostColumn("virtual_host");
        schema.setLastNodeColumn("last_node");
        schema.setAccessTimeColumn("access_time");
        schema.setLastAccessTimeColumn("last_access_time");
        schema.setCreateTimeColumn("create_time");
        schema.setCookieTimeColumn("cookie_time");
        schema.setLastSavedTimeColumn("last_saved_time");
        schema.setExpiryTimeColumn("expiry_time");
        schema.setMaxIntervalColumn("max_interval");
        schema.setMapColumn("map_data");
        return schema;
    }
}
