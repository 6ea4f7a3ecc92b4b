package kr.jsoft.privacyportal;

import kr.jsoft.privacyportal.config.SettingsException;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import java.io.PrintStream;
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
        if (Tasks.handles(args)) {
            return new Tasks(settings, out, err).run(args);
        }
        String name = String.join(" ", Arrays.copyOf(args, Math.min(2, args.length)));
        if (name.equals("keys generate")) {
            Path file = PortalKeys.generate(settings.keyDir());
            err.println("New portal keys written to " + file + " (readable only by this user).");
            return 0;
        }
        err.println("Unknown task '" + name
                + "'. Tasks: keys generate, manager create, manager reset, backup <file>, restore <file>");
        return 64;
    }
}
