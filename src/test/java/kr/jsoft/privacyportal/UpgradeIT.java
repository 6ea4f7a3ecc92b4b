package kr.jsoft.privacyportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.complaint.ComplaintViews;
import kr.jsoft.privacyportal.crypto.Digests;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.persistence.DatabaseSettings;
import kr.jsoft.privacyportal.persistence.H2Durability;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import kr.jsoft.privacyportal.testing.TestDatabase;
import kr.jsoft.privacyportal.testing.TestDevice;
import org.h2.api.ErrorCode;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database and key directory as the previous release left them (H2: user {@code sa} with an empty password,
 * files with the umask's modes; recovery codes as their plain SHA-256, without this release's migrations), with
 * staff, recovery codes, a signed-in session, a complaint and a device, opened by this release: re-keyed, every
 * record readable, the session still signed in, and every old recovery code accepted exactly once.
 */
class UpgradeIT {
    private final PortalFixture portal = PortalFixture.builder().build();

    @AfterEach
    void stop() {
        portal.stop();
    }

    @Test
    void aDatabaseOfThePreviousReleaseOpensReKeyedWithEveryRecordAndEveryRecoveryCodeOnce() throws Exception {
        portal.start();
        StaffAccounts staff = new StaffAccounts(portal);
        StaffAccounts.Login manager = staff.create(Role.PRIVACY_MANAGER);
        WebClient signedIn = staff.signIn(manager);
        String complaint = portal.server().complaints().intake().submit(new ComplaintViews.Submission("OTHER",
                "Upgrade test", "Kim Upgrade", "upgrade@example.com", "", "ko"), "192.0.2.30").reference();
        Function<String, String> sms = number -> portal.server().devices().smsInbox().orElseThrow().latestTo(number)
                .orElseThrow().text();
        TestDevice device = new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.EC_P256, "android")
                .register("010-3333-0001", sms);
        portal.stopServer();
        DatabaseSettings current = Settings.fromEnvironment(portal.environment()).openingDatabase();
        asThePreviousReleaseLeftIt(current, manager.recoveryCodes());

        portal.restart();

        if (!TestDatabase.postgresql()) {
            assertThatThrownBy(() -> DriverManager.getConnection(H2Durability.apply(current.url()), "sa", "").close())
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD));
            try (Stream<Path> files = Files.list(portal.root().resolve("data"))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                                .as(file.toString()).isEqualTo("rw-------");
                    }
                }
            }
        }
        try (Connection connection = connect(current)) {
            assertThat(column(connection, "select code_hash from staff_recovery_code"))
                    .as("a copy of the database no longer gives the codes up")
                    .doesNotContainAnyElementsOf(manager.recoveryCodes().stream().map(UpgradeIT::plainHash).toList());
        }
        PortalServer upgraded = portal.server();
        UUID complaintId = upgraded.database().fromTransaction(s -> s.createSelectionQuery(
                "select c.id from Complaint c where c.reference = :r", UUID.class).setParameter("r", complaint)
                .getSingleResult());
        assertThat(upgraded.complaints().desk().detail(complaintId, AuditEvent.system("test")).orElseThrow().name())
                .isEqualTo("Kim Upgrade");
        assertThat(upgraded.devices().registry().activeDevice(device.id())).isPresent();
        assertThat(signedIn.getPage(portal.url("/manager")).getWebResponse().getStatusCode())
                .as("the session signed in before the upgrade").isEqualTo(200);
        signedIn.close();

        for (String code : manager.recoveryCodes()) {
            try (WebClient browser = portal.browser()) {
                assertThat(staff.signIn(browser, manager.email(), manager.password(), code).getUrl().getPath())
                        .as("old recovery code " + code).isEqualTo("/manager");
            }
        }
        try (WebClient browser = portal.browser()) {
            assertThat(staff.signIn(browser, manager.email(), manager.password(), manager.recoveryCodes().get(0))
                    .getWebResponse().getStatusCode()).as("each code works once").isEqualTo(401);
        }
    }

    /**
     * Turns this release's database back into the previous release's: recovery codes as their plain SHA-256 in
     * the old table, this release's migrations unrecorded and, on H2, the empty {@code sa} password and files as
     * the umask made them.
     */
    private void asThePreviousReleaseLeftIt(DatabaseSettings current, List<String> codes) throws Exception {
        try (Connection connection = connect(current); Statement statement = connection.createStatement()) {
            List<String> accounts = column(connection, "select distinct account_id from staff_recovery_code"
                    + " where used_at is null");
            assertThat(accounts).hasSize(1);
            statement.executeUpdate("delete from staff_recovery_code");
            statement.executeUpdate("alter table staff_recovery_code drop column keyed");
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into staff_recovery_code (id, account_id, code_hash) values (?, ?, ?)")) {
                for (String code : codes) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, UUID.fromString(accounts.get(0)));
                    insert.setString(3, plainHash(code));
                    insert.executeUpdate();
                }
            }
            statement.executeUpdate("delete from \"flyway_schema_history\" where \"version\" like '14.%'");
            if (!TestDatabase.postgresql()) {
                statement.execute("ALTER USER SA SET PASSWORD ''");
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        if (!TestDatabase.postgresql()) {
            try (Stream<Path> files = Files.list(portal.root().resolve("data"))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                            Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            Files.setPosixFilePermissions(portal.root().resolve("data"), PosixFilePermissions.fromString("rwxr-xr-x"));
            try (Connection old = DriverManager.getConnection(H2Durability.apply(current.url()), "sa", "")) {
                assertThat(old.isValid(1)).as("the previous release's empty password").isTrue();
            }
        }
    }

    /** How the previous release stored a recovery code (manager.Tokens: case and separators do not matter). */
    private static String plainHash(String code) {
        return Digests.sha256Hex(code.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]", ""));
    }

    private static Connection connect(DatabaseSettings database) throws SQLException {
        return DriverManager.getConnection(H2Durability.apply(database.url()), database.user(), database.password());
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
