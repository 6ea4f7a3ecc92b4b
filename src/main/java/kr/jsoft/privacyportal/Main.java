package kr.jsoft.privacyportal;

import kr.jsoft.privacyportal.config.SettingsException;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import java.io.PrintStream;
import kr.jsoft.privacyportal.manager.ManagerCli;
import kr.jsoft.privacyportal.manager.ManagerFeature;
import kr.jsoft.privacyportal.persistence.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/**
 * Starts the portal ({@code java -jar privacy-portal.jar}) or runs a command-line task
 * ({@code java -jar privacy-portal.jar keys generate}). A bad setting stops start-up with
 * one line naming it.
 */
public final class Main {
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    Main(Map<String, String> environment, PrintStream err) {
        this(environment, System.out, err);
    }

    Main(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws Exception {
        int status = new Main(System.getenv(), System.out, System.err).run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    int run(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.fromEnvironment(environment);
        } catch (SettingsException e) {
            err.println("Cannot start: " + e.getMessage());
            return 2;
        }
        if (args.length > 0) {
            return task(settings, args);
        }
        PortalServer portal;
        try {
            portal = PortalServer.create(settings, Clock.systemUTC());
        } catch (SettingsException e) {
            err.println("Cannot start: " + e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(portal::stop, "portal-shutdown"));
        portal.start();
        portal.join();
        return 0;
    }

    private int task(Settings settings, String[] args) throws Exception {
        if (args[0].equals("backup") || args[0].equals("restore")) {
            return backupTask(settings, args);
        }
        String name = String.join(" ", Arrays.copyOf(args, Math.min(2, args.length)));
        switch (name) {
            case "keys generate" -> {
                Path file = PortalKeys.generate(settings.keyDir());
                err.println("New portal keys written to " + file + " (readable only by this user).");
                return 0;
            }
            case "manager create", "manager reset" -> {
                return manager(settings, Arrays.copyOfRange(args, 1, args.length));
            }
            default -> {
                err.println("Unknown task '" + name
                        + "'. Tasks: keys generate, manager create, manager reset, backup <file>, restore <file>");
                return 64;
            }
        }
    }

    /** {@code backup <file.zip>} (online, H2) and {@code restore <file.zip>} (portal stopped, empty data directory). */
    private int backupTask(Settings settings, String[] args) {
        if (args.length != 2) {
            err.println("Usage: " + args[0] + " <file.zip>");
            return 64;
        }
        Path file = Path.of(args[1]);
        try {
            if (args[0].equals("backup")) {
                kr.jsoft.privacyportal.backup.H2Backup.backup(settings.database(), file);
                err.println("Database backed up to " + file + " (keys and the erasure journal are not in it).");
            } else {
                if (!settings.database().url().equals(Settings.defaultH2Url(settings.dataDir()))) {
                    err.println("restore is for the default H2 database in PORTAL_DATA_DIR; "
                            + "restore PostgreSQL with pg_restore (README: Backup and restore)");
                    return 64;
                }
                kr.jsoft.privacyportal.backup.H2Backup.restore(file, settings.dataDir());
                err.println("Database restored into " + settings.dataDir()
                        + "; the next start erases again what the erasure journal lists.");
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("Cannot " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    /** Account tasks open the same database as the portal, also while it runs (H2 AUTO_SERVER). */
    private int manager(Settings settings, String[] args) {
        PortalKeys keys = PortalKeys.load(settings.mode(), settings.keyDir(), settings.inlineKeys());
        try (Database database = Database.open(settings.database(), PortalCores.entities())) {
            var accounts = ManagerFeature.accountsForCommandLine(database, Clock.systemUTC(), keys,
                    () -> settings.baseUrl(settings.port() == 0 ? 8080 : settings.port()), settings.dataDir());
            return new ManagerCli(accounts, out, err).run(args);
        }
    }
}
