package kr.jsoft.privacyportal;

import kr.jsoft.privacyportal.config.Env;
import kr.jsoft.privacyportal.config.Mode;
import kr.jsoft.privacyportal.config.SettingsException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import kr.jsoft.privacyportal.crypto.KeyedHash;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import kr.jsoft.privacyportal.persistence.H2Durability;
import kr.jsoft.privacyportal.complaint.ComplaintSettings;
import kr.jsoft.privacyportal.destruction.DestructionSettings;
import kr.jsoft.privacyportal.device.DeviceSettings;
import kr.jsoft.privacyportal.mail.MailSettings;
import kr.jsoft.privacyportal.metrics.MetricsSettings;
import kr.jsoft.privacyportal.persistence.DatabaseSettings;
import kr.jsoft.privacyportal.push.PushSettings;
import kr.jsoft.privacyportal.rights.RightsSettings;
import kr.jsoft.privacyportal.sms.SmsSettings;
import kr.jsoft.privacyportal.web.ClientAddress;

/**
 * Every setting of the portal, read once from environment variables and validated
 * before anything starts. README's settings table lists the same names and defaults.
 */
public record Settings(
        Mode mode,
        String host,
        int port,
        Optional<URI> configuredBaseUrl,
        Path dataDir,
        Path keyDir,
        DatabaseSettings database,
        Optional<String> inlineKeys,
        Duration shutdownTimeout,
        SmsSettings sms,
        DeviceSettings devices,
        Path policiesDir,
        Duration sessionIdle,
        Duration sessionMax,
        MailSettings mail,
        PushSettings push,
        ComplaintSettings complaints,
        Path erasureJournalDir,
        Duration backupRetention,
        DestructionSettings destruction,
        MetricsSettings operations,
        String instanceId,
        Duration lease,
        List<String> trustedProxies,
        ClientAddress.Header forwardedHeader,
        RightsSettings rights) {

    /** An instance id names this process in leases and sessions: letters, digits, '-' and '_'. */
    /** The keyed hash's purpose that derives a development H2 password; no other hash ever has it. */
    private static final String DATABASE_PASSWORD_PURPOSE = "h2-database-password";
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9_-]{1,50}");

    public static Settings fromEnvironment(Map<String, String> variables) {
        Env env = new Env(variables);
        Mode mode = env.enumValue("PORTAL_MODE", Mode.class, Mode.DEVELOPMENT);
        String host = env.string("PORTAL_HOST", "127.0.0.1");
        int port = env.integer("PORTAL_PORT", 8080, 0, 65535);
        Optional<URI> baseUrl = env.httpUrl("PORTAL_BASE_URL");
        Path dataDir = env.path("PORTAL_DATA_DIR", Path.of("data"));
        Path keyDir = env.path("PORTAL_KEY_DIR", Path.of("keys"));
        if (keyDir.startsWith(dataDir)) {
            // Keys must never travel with a backup of the data they protect.
            throw new SettingsException("PORTAL_KEY_DIR", "must be outside PORTAL_DATA_DIR (" + dataDir + ")");
        }
        String dbUrl = env.jdbcUrl("PORTAL_DB_URL", defaultH2Url(dataDir));
        String dbUser = env.string("PORTAL_DB_USER", dbUrl.startsWith("jdbc:h2:") ? "sa" : "");
        String dbPassword = env.string("PORTAL_DB_PASSWORD", "");
        boolean h2 = dbUrl.startsWith("jdbc:h2:");
        if (h2 && H2Durability.opensServer(dbUrl)) {
            throw new SettingsException("PORTAL_DB_URL", "must not set AUTO_SERVER=TRUE: it opens a database socket"
                    + " every local user can reach (the command-line tasks need none; see README, Security)");
        }
        // H2's TCP server for a developer's SQL tool: loopback only, never in production.
        boolean h2Server = env.bool("PORTAL_H2_SERVER", false);
        int h2ServerPort = env.integer("PORTAL_H2_SERVER_PORT", 9092, 1, 65535);
        if (h2Server && !h2) {
            throw new SettingsException("PORTAL_H2_SERVER", "needs the H2 database (PORTAL_DB_URL is not jdbc:h2:)");
        }
        // At least 2: the start-up policy import holds a lock on one connection while it works on another.
        int poolSize = env.integer("PORTAL_DB_POOL_SIZE", 10, 2, 200);
        Duration connectTimeout = env.duration("PORTAL_DB_CONNECT_TIMEOUT", Duration.ofSeconds(5));
        Optional<String> inlineKeys = env.optional("PORTAL_KEYS");
        Duration shutdownTimeout = env.duration("PORTAL_SHUTDOWN_TIMEOUT", Duration.ofSeconds(30));
        // erasure: the journal of destroyed records lives outside the data (and its backups), beside the keys.
        Path erasureJournalDir = env.path("PORTAL_ERASURE_JOURNAL_DIR",
                keyDir.toAbsolutePath().resolveSibling("erasure-journal"));
        if (erasureJournalDir.toAbsolutePath().startsWith(dataDir.toAbsolutePath())) {
            throw new SettingsException("PORTAL_ERASURE_JOURNAL_DIR", "must be outside PORTAL_DATA_DIR (" + dataDir + ")");
        }
        Duration backupRetention = env.duration("PORTAL_BACKUP_RETENTION", Duration.ofDays(35));
        // policy: the folder of policy versions imported at start-up (policies/README.md).
        Path policiesDir = env.path("PORTAL_POLICIES_DIR", Path.of("policies"));
        Duration sessionIdle = env.duration("PORTAL_SESSION_IDLE", Duration.ofMinutes(30));
        Duration sessionMax = env.duration("PORTAL_SESSION_MAX", Duration.ofHours(8));
        if (sessionIdle.compareTo(sessionMax) > 0) {
            throw new SettingsException("PORTAL_SESSION_IDLE", "must not be longer than PORTAL_SESSION_MAX (" + sessionMax + ")");
        }

        if (mode.isProduction()) {
            URI url = baseUrl.orElseThrow(() -> new SettingsException("PORTAL_BASE_URL",
                    "is required in production mode (the public https:// address of the portal)"));
            if (!"https".equals(url.getScheme())) {
                throw new SettingsException("PORTAL_BASE_URL", "must be an https:// URL in production mode");
            }
        }
        DatabaseSettings database = new DatabaseSettings(dbUrl, dbUser, dbPassword, poolSize, connectTimeout,
                h2Server ? OptionalInt.of(h2ServerPort) : OptionalInt.empty());
        SmsSettings sms = SmsSettings.fromEnvironment(env, mode);
        DeviceSettings devices = DeviceSettings.fromEnvironment(env, mode);
        MailSettings mail = MailSettings.fromEnvironment(env, mode);
        PushSettings push = PushSettings.fromEnvironment(env, mode);
        // Several instances on one database: who this instance is (job leases, audit heads), and which peers
        // may tell us the client's address.
        String instanceId = env.string("PORTAL_INSTANCE_ID", defaultInstanceId(env.string("HOSTNAME", "portal")));
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            throw new SettingsException("PORTAL_INSTANCE_ID", "must be 1 to 50 letters, digits, '-' or '_'");
        }
        // How long a dead instance's claims (mail batches, fan-outs, wake-ups, exclusive jobs) block the others.
        Duration lease = env.duration("PORTAL_LEASE", kr.jsoft.privacyportal.jobs.JobLeases.DEFAULT_LEASE);
        if (lease.compareTo(Duration.ofSeconds(3)) < 0 || lease.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new SettingsException("PORTAL_LEASE", "must be between 3s and 10m");
        }
        List<String> trustedProxies = Arrays.stream(env.string("PORTAL_TRUSTED_PROXIES", "").split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
        ClientAddress.Header forwardedHeader = env.enumValue("PORTAL_FORWARDED_HEADER", ClientAddress.Header.class,
                ClientAddress.Header.X_FORWARDED_FOR);
        try {
            new ClientAddress(trustedProxies, forwardedHeader);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("PORTAL_TRUSTED_PROXIES", e.getMessage());
        }
        if (h2Server && mode.isProduction()) {
            throw new SettingsException("PORTAL_H2_SERVER", "is for development only (production opens no database socket)");
        }
        if (h2 && dbPassword.isEmpty() && mode.isProduction()) {
            throw new SettingsException("PORTAL_DB_PASSWORD", "is required for H2 in production mode"
                    + " (the database is opened only with it)");
        }
        return new Settings(mode, host, port, baseUrl, dataDir, keyDir, database, inlineKeys, shutdownTimeout,
                sms, devices, policiesDir, sessionIdle, sessionMax, mail, push,
                ComplaintSettings.fromEnvironment(env), erasureJournalDir, backupRetention,
                DestructionSettings.fromEnvironment(env),
                // the metrics endpoint and the log format.
                MetricsSettings.fromEnvironment(env), instanceId, lease, trustedProxies, forwardedHeader,
                RightsSettings.fromEnvironment(env));
    }

    /** The host name (cut to what an id allows) and a random suffix, so two processes on one host differ. */
    static String defaultInstanceId(String host) {
        String clean = host.replaceAll("[^A-Za-z0-9_-]", "-");
        String suffix = HexFormat.of().toHexDigits((short) new SecureRandom().nextInt());
        return (clean.length() > 40 ? clean.substring(0, 40) : clean) + "-" + suffix;
    }

    /**
     * H2 in a file under the data directory, opened by this process only: no server socket (the command-line
     * tasks reach a running portal through its task socket, {@code TaskSocket}).
     */
    static String defaultH2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("portal").toString().replace('\\', '/');
    }

    /**
     * The database settings the portal opens with. H2 without PORTAL_DB_PASSWORD (development only): a password
     * derived from the key set, so it lives wherever the keys live (PORTAL_KEY_DIR or PORTAL_KEYS) and never in
     * the data directory or its backups.
     */
    public DatabaseSettings database(PortalKeys keys) {
        if (!isH2() || !database.password().isEmpty()) {
            return database;
        }
        return database.withPassword(new KeyedHash(keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256"))
                .hash(DATABASE_PASSWORD_PURPOSE));
    }

    /** As {@link #database(PortalKeys)} with the keys loaded from these settings (the tasks, the tests). */
    public DatabaseSettings openingDatabase() {
        return database(PortalKeys.load(mode, keyDir, inlineKeys));
    }

    /** The public address: PORTAL_BASE_URL, else http://localhost:{@code port}. */
    public URI baseUrl(int actualPort) {
        return configuredBaseUrl.orElse(URI.create("http://localhost:" + actualPort));
    }

    public boolean isH2() {
        return database.url().startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        // Never print secrets (database password, inline keys).
        return "Settings[mode=" + mode + ", host=" + host + ", port=" + port + ", baseUrl=" + configuredBaseUrl
                + ", dataDir=" + dataDir + ", keyDir=" + keyDir + ", database=" + database + ", sms=" + sms
                + ", policiesDir=" + policiesDir + ", erasureJournalDir=" + erasureJournalDir + ", mail=" + mail
                + ", push=" + push + ", instanceId=" + instanceId + ", lease=" + lease + ", trustedProxies=" + trustedProxies
                + ", forwardedHeader=" + forwardedHeader + "]";
    }
}
