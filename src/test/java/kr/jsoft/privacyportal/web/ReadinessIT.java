package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import kr.jsoft.privacyportal.PortalServer;
import kr.jsoft.privacyportal.Settings;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness follows the database: the portal talks to an H2 server the test can stop
 * (on either test database, since this is about the portal's behaviour, not the SQL).
 */
class ReadinessIT {
    @TempDir
    Path dir;

    @Test
    void readinessIs503WhileTheDatabaseIsDownAndLivenessStays200() throws Exception {
        Server database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir",
                Files.createDirectories(dir.resolve("db")).toString()).start();
        PortalServer portal = PortalServer.create(Settings.fromEnvironment(Map.of(
                "PORTAL_PORT", "0",
                "PORTAL_DATA_DIR", dir.resolve("data").toString(),
                "PORTAL_KEY_DIR", dir.resolve("keys").toString(),
                "PORTAL_DB_URL", "jdbc:h2:tcp://localhost:" + database.getPort() + "/portal",
                "PORTAL_DB_CONNECT_TIMEOUT", "1s")), Clock.systemUTC());
        portal.start();
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            var ready = java.net.http.HttpRequest.newBuilder(portal.baseUrl().resolve("/readyz")).build();
            var live = java.net.http.HttpRequest.newBuilder(portal.baseUrl().resolve("/healthz")).build();
            assertThat(client.send(ready, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            database.stop();

            var down = client.send(ready, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"database\":\"unreachable\"");
            assertThat(client.send(live, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            portal.stop();
        }
    }
}
