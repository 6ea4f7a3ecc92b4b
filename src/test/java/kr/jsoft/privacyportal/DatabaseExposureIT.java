package kr.jsoft.privacyportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kr.jsoft.privacyportal.persistence.DatabaseSettings;
import kr.jsoft.privacyportal.persistence.H2Durability;
import kr.jsoft.privacyportal.platform.TaskSocket;
import kr.jsoft.privacyportal.testing.PortalProcess;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal as operators run it, with the default settings (H2 in the data directory), in a child process:
 * it opens no database socket, its files are its user's only, the database has a password, and the
 * command-line tasks still reach its data while it runs (through its task socket) and after it stopped (on the
 * file itself).
 */
class DatabaseExposureIT {
    @TempDir
    Path root;
    private Map<String, String> env;
    private final List<PortalProcess> processes = new ArrayList<>();

    @BeforeEach
    void prepare() {
        env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("PORTAL_PORT", "0");
        env.put("PORTAL_DATA_DIR", root.resolve("data").toString());
        env.put("PORTAL_KEY_DIR", root.resolve("keys").toString());
        env.put("PORTAL_ERASURE_JOURNAL_DIR", root.resolve("erasure-journal").toString());
        env.put("PORTAL_INSTANCE_ID", "exposure-test");
        // A relay that is not there instead of the development mailbox, whose own SMTP port would count as a socket.
        env.put("PORTAL_SMTP_HOST", "127.0.0.1");
        env.put("PORTAL_SMTP_PORT", "9");
        env.put("PORTAL_SMTP_SECURITY", "none");
        env.put("PORTAL_MANAGER_ALERT_EMAIL", "privacy-manager@jsoft.test");
    }

    @AfterEach
    void cleanUp() {
        processes.forEach(PortalProcess::close);
    }

    @Test
    void withDefaultsThePortalListensOnItsWebPortOnlyAndItsFilesAreItsUsersOnly() throws Exception {
        PortalProcess portal = start("portal.log");

        assertThat(listeningTcpPorts(portal.pid())).as("no database server socket, only the web port")
                .containsExactly(portal.port());
        assertOwnerOnly(root.resolve("data"));
        assertThat(mode(root.resolve("data").resolve(TaskSocket.FILE_NAME))).isEqualTo("rw-------");
        assertOwnerOnly(root.resolve("keys"));
        assertOwnerOnly(root.resolve("erasure-journal"));

        Path zip = root.resolve("backups").resolve("running.zip");
        Task backup = task("backup", zip.toString());
        assertThat(backup.status()).as(backup.err()).isZero();
        assertThat(mode(zip)).isEqualTo("rw-------");

        portal.terminate(Duration.ofSeconds(60));
        assertOwnerOnly(root.resolve("data"));
        Path stopped = root.resolve("backups").resolve("stopped.zip");
        assertThat(task("backup", stopped.toString()).status()).isZero();
        assertThat(mode(stopped)).isEqualTo("rw-------");

        DatabaseSettings database = Settings.fromEnvironment(env).openingDatabase();
        assertThat(database.password()).isNotEmpty();
        assertThatThrownBy(() -> DriverManager.getConnection(H2Durability.apply(database.url()), "sa", "").close())
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD));
        DriverManager.getConnection(H2Durability.apply(database.url()), database.user(), database.password()).close();
    }

    @Test
    void theTasksWorkWhileThePortalRunsAndAfterItStopped() throws Exception {
        PortalProcess portal = start("portal.log");

        Task create = task("manager", "create", "--email", "running@jsoft.test", "--role", "auditor");
        assertThat(create.status()).as(create.err()).isZero();
        assertThat(create.out()).contains("/manager/setup/");
        Path runningBackup = root.resolve("running.zip");
        assertThat(task("backup", runningBackup.toString()).status()).isZero();
        Task restore = task("restore", runningBackup.toString());
        assertThat(restore.status()).isEqualTo(1);
        assertThat(restore.err()).contains("the portal is running");

        portal.terminate(Duration.ofSeconds(60));
        assertThat(root.resolve("data").resolve(TaskSocket.FILE_NAME)).doesNotExist();
        Task reset = task("manager", "reset", "--email", "running@jsoft.test");
        assertThat(reset.status()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("/manager/setup/");
        assertThat(task("manager", "create", "--email", "stopped@jsoft.test").status()).isZero();
        Path stoppedBackup = root.resolve("stopped.zip");
        assertThat(task("backup", stoppedBackup.toString()).status()).isZero();

        // The copy taken while the portal ran restores into an empty data directory and holds the account.
        env.put("PORTAL_DATA_DIR", root.resolve("restored").toString());
        Task restored = task("restore", runningBackup.toString());
        assertThat(restored.status()).as(restored.err()).isZero();
        assertOwnerOnly(root.resolve("restored"));
        assertThat(task("manager", "reset", "--email", "running@jsoft.test").status()).isZero();
        assertThat(task("manager", "reset", "--email", "stopped@jsoft.test").status()).isEqualTo(1);
    }

    @Test
    void theDevelopersH2ServerListensOnLoopbackOnlyAndNeedsThePassword() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        env.put("PORTAL_H2_SERVER", "true");
        env.put("PORTAL_H2_SERVER_PORT", Integer.toString(port));
        PortalProcess portal = start("portal.log");

        assertThat(listeningTcpSockets(portal.pid())).as("the web port and H2's, both on loopback")
                .containsExactlyInAnyOrder("127.0.0.1:" + portal.port(), "127.0.0.1:" + port);
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/portal";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                .isInstanceOf(SQLException.class);
        DatabaseSettings database = Settings.fromEnvironment(env).openingDatabase();
        DriverManager.getConnection(url, database.user(), database.password()).close();
    }

    private PortalProcess start(String log) throws IOException {
        PortalProcess process = PortalProcess.start(env, root.resolve(log));
        processes.add(process);
        return process;
    }

    private record Task(int status, String out, String err) {
    }

    /** A command-line task as an operator runs it, with the portal's environment. */
    private Task task(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Task(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOwnerOnly(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                String expected = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------";
                assertThat(mode(path)).as(path.toString()).isEqualTo(expected);
            }
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    /** The TCP ports {@code pid} listens on. */
    private static Set<Integer> listeningTcpPorts(long pid) throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (String socket : listeningTcpSockets(pid)) {
            ports.add(Integer.parseInt(socket.substring(socket.lastIndexOf(':') + 1)));
        }
        return ports;
    }

    /**
     * The addresses {@code pid} listens on ({@code 127.0.0.1:8080}, {@code 0.0.0.0:9092}, {@code ::1:…} for IPv6 in
     * the kernel's hex): its socket inodes matched against the kernel's tables of listening sockets.
     */
    private static Set<String> listeningTcpSockets(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // A descriptor that closed while we looked.
                }
            }
        }
        Set<String> sockets = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                boolean listening = fields[3].equals("0A");
                if (listening && inodes.contains(fields[9])) {
                    String local = fields[1];
                    String address = local.substring(0, local.indexOf(':'));
                    sockets.add(address(address) + ":" + Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
                }
            }
        }
        return sockets;
    }

    /** The kernel's hex address: IPv4 (or IPv4-mapped IPv6) in host byte order as a dotted quad; other IPv6 as given. */
    private static String address(String hex) {
        if (hex.startsWith("0000000000000000FFFF0000")) {
            hex = hex.substring(24);
        }
        if (hex.length() != 8) {
            return hex;
        }
        long value = Long.parseLong(hex, 16);
        return (value & 0xff) + "." + ((value >> 8) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 24) & 0xff);
    }
}
