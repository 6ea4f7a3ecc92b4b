package kr.jsoft.privacyportal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.jsoft.privacyportal.backup.H2Backup;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import kr.jsoft.privacyportal.manager.AccountService;
import kr.jsoft.privacyportal.manager.ManagerCli;
import kr.jsoft.privacyportal.manager.ManagerFeature;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.platform.TaskSocket;

/**
 * The database tasks ({@code manager create|reset}, {@code backup}, {@code restore}). While the portal runs it
 * holds the H2 file alone (no database socket), so a task asks it through its {@link TaskSocket} and the portal
 * runs the task on its own database; when no portal answers, the task opens the database itself.
 */
final class Tasks {
    private final Settings settings;
    private final PrintStream out;
    private final PrintStream err;

    Tasks(Settings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /** True for the tasks this class runs. */
    static boolean handles(String[] args) {
        return args[0].equals("backup") || args[0].equals("restore") || args[0].equals("manager");
    }

    /** Runs the task in the running portal if one answers on its socket, else on the database directly. */
    int run(String[] args) throws IOException {
        if ((args[0].equals("backup") || args[0].equals("restore")) && args.length != 2) {
            err.println("Usage: " + args[0] + " <file.zip>");
            return 64;
        }
        List<String> request = new ArrayList<>(List.of(args));
        if (!args[0].equals("manager")) {
            // The portal runs in its own working directory: it gets the file's full path.
            request.set(1, Path.of(args[1]).toAbsolutePath().toString());
        }
        Optional<TaskSocket.Reply> reply;
        try {
            reply = TaskSocket.send(settings.dataDir(), request);
        } catch (IOException e) {
            err.println("Cannot reach the running portal through " + settings.dataDir().resolve(TaskSocket.FILE_NAME)
                    + ": " + e.getMessage());
            return 1;
        }
        if (reply.isPresent()) {
            out.print(reply.get().out());
            err.print(reply.get().err());
            return reply.get().status();
        }
        try {
            return standalone(args[0], request);
        } catch (IllegalStateException e) {
            // Typically H2's "already in use": a portal holds the file but takes no tasks (its log says why).
            err.println("Cannot " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    /** No portal answered: the task opens the database itself. */
    private int standalone(String task, List<String> request) {
        return switch (task) {
            case "manager" -> {
                PortalKeys keys = PortalKeys.load(settings.mode(), settings.keyDir(), settings.inlineKeys());
                try (Database database = Database.open(settings.database(keys), PortalCores.entities())) {
                    var accounts = ManagerFeature.accountsForCommandLine(database, Clock.systemUTC(), keys,
                            () -> settings.baseUrl(settings.port() == 0 ? 8080 : settings.port()), settings.dataDir());
                    yield manager(request, accounts);
                }
            }
            case "backup" -> backup(Path.of(request.get(1)),
                    file -> H2Backup.backup(settings.openingDatabase(), file));
            default -> restore(Path.of(request.get(1)));
        };
    }

    /** The task as the running portal runs it when a task asks through its socket. */
    static TaskSocket.Reply inPortal(List<String> args, Settings settings, AccountService accounts, Database database) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Tasks tasks = new Tasks(settings, outStream, errStream);
        int status = switch (args.get(0)) {
            case "manager" -> tasks.manager(args, accounts);
            case "backup" -> args.size() != 2 ? 64 : tasks.backup(Path.of(args.get(1)), file -> {
                try (Connection connection = database.dataSource().getConnection()) {
                    H2Backup.backup(connection, file);
                } catch (SQLException e) {
                    throw new IllegalStateException("H2 backup failed: " + e.getMessage(), e);
                }
            });
            case "restore" -> {
                errStream.println("Cannot restore: the portal is running on this data directory. Stop it first;"
                        + " restore only fills a data directory without a database.");
                yield 1;
            }
            default -> {
                errStream.println("Unknown task '" + args.get(0) + "'.");
                yield 64;
            }
        };
        return new TaskSocket.Reply(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private int manager(List<String> args, AccountService accounts) {
        return new ManagerCli(accounts, out, err).run(args.subList(1, args.size()).toArray(String[]::new));
    }

    private interface Backup {
        void to(Path file);
    }

    /** {@code backup <file.zip>}: H2 only; keys and the erasure journal stay out of it. */
    private int backup(Path file, Backup backup) {
        if (!settings.isH2()) {
            err.println("Cannot backup: the backup task is for H2; back up PostgreSQL with pg_dump -Fc"
                    + " (docs/operations.md: Backup and restore)");
            return 64;
        }
        try {
            backup.to(file);
            err.println("Database backed up to " + file + " (keys and the erasure journal are not in it).");
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("Cannot backup: " + e.getMessage());
            return 1;
        }
    }

    /** {@code restore <file.zip>}: the portal stopped, into a data directory without a database. */
    private int restore(Path file) {
        if (!settings.database().url().equals(Settings.defaultH2Url(settings.dataDir()))) {
            err.println("restore is for the default H2 database in PORTAL_DATA_DIR; "
                    + "restore PostgreSQL with pg_restore (docs/operations.md: Backup and restore)");
            return 64;
        }
        try {
            H2Backup.restore(file, settings.dataDir(), settings.openingDatabase());
            err.println("Database restored into " + settings.dataDir() + "; every session in it has ended,"
                    + " and the next start erases again what the erasure journal lists.");
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("Cannot restore: " + e.getMessage());
            return 1;
        }
    }
}
