package kr.jsoft.privacyportal.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

/**
 * The one database of the portal: a HikariCP pool, the schema migrated by Flyway, and one
 * Hibernate {@link SessionFactory} that validates its mapping against that schema.
 * Services run their work through {@link #inTransaction} and {@link #fromTransaction}.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Set<String> migrated;
    private final SessionFactory sessionFactory;
    private final StatementCounter statements;
    private final String url;
    private final Optional<H2Server> h2Server;
    /** H2 files only: rewrites what is left alive in old chunks, which H2 stops doing with a write delay of 0. */
    private final Optional<H2Housekeeping> housekeeping;

    private Database(HikariDataSource dataSource, Set<String> migrated, SessionFactory sessionFactory,
                     StatementCounter statements, String url, Optional<H2Server> h2Server,
                     Optional<H2Housekeeping> housekeeping) {
        this.dataSource = dataSource;
        this.migrated = migrated;
        this.sessionFactory = sessionFactory;
        this.statements = statements;
        this.url = url;
        this.h2Server = h2Server;
        this.housekeeping = housekeeping;
    }

    /** The common migrations, and PostgreSQL's own (H2 has none, so no empty folder is looked for). */
    static String[] locations(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:")
                ? new String[] {"classpath:db/migration", "classpath:db/vendor/postgresql"}
                : new String[] {"classpath:db/migration"};
    }

    public static Database open(DatabaseSettings settings, Collection<Class<?>> entities) {
        if (settings.h2ServerPort().isPresent()) {
            H2Server.bindToLoopback();
        }
        // An H2 file: held open (and re-keyed if an earlier release left it without a password) while the pool starts.
        Optional<Connection> first;
        try {
            first = H2Access.open(settings);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the database " + settings.url() + ": " + e.getMessage(), e);
        }
        try {
            return open(settings, entities, first);
        } finally {
            first.ifPresent(Database::closeQuietly);
        }
    }

    private static Database open(DatabaseSettings settings, Collection<Class<?>> entities, Optional<Connection> first) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(H2Durability.forPool(settings.url()));
        pool.setUsername(settings.user());
        pool.setPassword(settings.password());
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setConnectionTimeout(settings.connectTimeout().toMillis());
        pool.setValidationTimeout(Math.min(settings.connectTimeout().toMillis(), 5_000));
        pool.setPoolName("portal-db");
        pool.setAutoCommit(false);
        // Fail fast rather than hang start-up when the database is unreachable.
        pool.setInitializationFailTimeout(settings.connectTimeout().toMillis());
        HikariDataSource dataSource = new HikariDataSource(pool);
        StatementCounter statements = new StatementCounter();
        // The mapping is built (annotations bound, persisters and proxies generated: CPU work that needs no
        // schema) on a second thread while Flyway migrates on this one; it is validated against the schema
        // only once every migration is in. Start-up waits for both.
        CompletableFuture<SessionFactory> mapping = CompletableFuture.supplyAsync(
                () -> sessionFactory(dataSource, entities, statements),
                work -> new Thread(work, "portal-db-mapping").start());
        try {
            Set<String> migrated;
            try {
                Flyway flyway = Flyway.configure()
                        .dataSource(dataSource)
                        // db/vendor/<vendor>: what only one database can do (PostgreSQL's triggers); kept out
                        // of db/migration because Flyway scans a location's subfolders too, and named here
                        // because Flyway itself has no {vendor} placeholder (that is Spring Boot's).
                        .locations(locations(settings.url()))
                        .validateMigrationNaming(true)
                        // Each open issue owns a version range (ARCHITECTURE.md, Migrations), and a lower range may
                        // be released after a higher one: a database already past it still takes it.
                        .outOfOrder(true)
                        .load();
                H2Durability.duringMigrations(dataSource, settings.url(), flyway::migrate);
                migrated = appliedMigrations(dataSource);
            } catch (RuntimeException e) {
                mapping.handle((built, failed) -> built).thenAccept(Database::closeQuietly).join();
                throw e;
            }
            SessionFactory sessionFactory = joined(mapping);
            Optional<H2Housekeeping> housekeeping = Optional.empty();
            try {
                sessionFactory.getSchemaManager().validateMappedObjects();
                housekeeping = H2Housekeeping.start(dataSource, settings.url());
                Optional<H2Server> h2Server = settings.h2ServerPort().isPresent()
                        ? H2Access.databaseFile(settings.url()).map(file -> H2Server.start(file,
                                settings.h2ServerPort().getAsInt()))
                        : Optional.empty();
                return new Database(dataSource, migrated, sessionFactory, statements, settings.url(), h2Server,
                        housekeeping);
            } catch (RuntimeException e) {
                housekeeping.ifPresent(H2Housekeeping::close);
                sessionFactory.close();
                throw e;
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static SessionFactory sessionFactory(DataSource dataSource, Collection<Class<?>> entities,
                                                 StatementCounter statements) {
        return new HibernatePersistenceConfiguration("portal")
                .managedClasses(entities)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .property(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                .property(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.STATEMENT_INSPECTOR, statements)
                // Validated by open() after the migrations, not here while they may still run.
                .schemaToolingAction(Action.NONE)
                .createEntityManagerFactory();
    }

    /**
     * The result of work done on another thread (opening the database, building its mapping), with
     * the work's own runtime failure rethrown as it was, not wrapped.
     */
    public static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void closeQuietly(SessionFactory sessionFactory) {
        if (sessionFactory != null) {
            sessionFactory.close();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The pool holds the database open by now; this connection was only the first.
        }
    }

    /** Runs {@code work} in one transaction; rolls back if it throws. */
    public void inTransaction(Consumer<Session> work) {
        sessionFactory.inTransaction(work);
    }

    /** Runs {@code work} in one transaction and returns its (fully loaded) result. */
    public <R> R fromTransaction(Function<Session, R> work) {
        return sessionFactory.fromTransaction(work);
    }

    /** SQL statements prepared through Hibernate since start (for the metrics). */
    public long statementsPrepared() {
        return statements.prepared();
    }

    /**
     * The SQL statements {@code work} prepares on the calling thread, in order: lets a check show
     * that two inputs cost the database the same work (a number with devices and one without must
     * not differ in what, or how long, a request does).
     */
    public List<String> statementsPreparedBy(Runnable work) {
        return statements.watch(work);
    }

    /** The pool itself, for what must speak JDBC (Jetty's session store); everything else uses transactions. */
    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgreSql() {
        return dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    private static final String APPLIED_MIGRATIONS =
            "select \"version\" from \"flyway_schema_history\" where \"success\" = true and \"version\" is not null";

    /** The versions of the migrations the schema holds once this start migrated it. */
    private static Set<String> appliedMigrations(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return appliedMigrations(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the migration history: " + e.getMessage(), e);
        }
    }

    private static Set<String> appliedMigrations(Connection connection) throws SQLException {
        Set<String> versions = new HashSet<>();
        try (PreparedStatement history = connection.prepareStatement(APPLIED_MIGRATIONS);
             ResultSet rows = history.executeQuery()) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        } finally {
            connection.rollback();
        }
        return versions;
    }

    /**
     * Readiness: the database answers within {@code timeout} and still holds every migration it held
     * once this start migrated it (a database put back from an older copy does not). One read of
     * Flyway's history table: asking Flyway ({@code info()}) scans the whole class path for migrations
     * on every call, about 20 ms of CPU for each probe of a load balancer.
     */
    public Readiness readiness(Duration timeout) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid((int) Math.max(1, timeout.toSeconds()))) {
                return new Readiness(false, false);
            }
            try {
                return new Readiness(true, appliedMigrations(connection).containsAll(migrated));
            } catch (SQLException e) {
                return new Readiness(true, false);
            }
        } catch (SQLException | RuntimeException e) {
            return new Readiness(false, false);
        }
    }

    public record Readiness(boolean databaseReachable, boolean migrationsApplied) {
        public boolean ready() {
            return databaseReachable && migrationsApplied;
        }
    }

    @Override
    public void close() {
        housekeeping.ifPresent(H2Housekeeping::close);
        h2Server.ifPresent(H2Server::close);
        if (sessionFactory.isOpen()) {
            sessionFactory.close();
        }
        dataSource.close();
        // H2 may have written new files (trace, a compacted copy) meanwhile: they too are the owner's only.
        H2Access.restrictFiles(url);
    }
}
