package kr.jsoft.privacyportal.persistence;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import kr.jsoft.privacyportal.config.SettingsException;
import org.h2.engine.SysProperties;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2's TCP server for a developer's SQL tool (PORTAL_H2_SERVER=true; refused in production): bound to the
 * loopback address only, serving only databases that exist in the database's folder, behind the database's
 * password. Off by default, so the portal opens no database socket at all.
 */
final class H2Server implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(H2Server.class);
    private final Server server;

    private H2Server(Server server) {
        this.server = server;
    }

    static H2Server start(Path databaseFile, int port) {
        // H2 binds its server sockets to h2.bindAddress, read once when H2 first loads (the portal sets it in Main);
        // when it is anything but loopback, the server would listen on every interface: refuse instead.
        if (!isLoopback(SysProperties.BIND_ADDRESS)) {
            throw new SettingsException("PORTAL_H2_SERVER", "cannot bind H2's server to the loopback address"
                    + " (start the portal with -Dh2.bindAddress=127.0.0.1)");
        }
        try {
            Server server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifExists",
                    "-baseDir", databaseFile.getParent().toString()).start();
            log.warn("H2's TCP server listens on 127.0.0.1:{} (PORTAL_H2_SERVER): jdbc:h2:tcp://127.0.0.1:{}/{}",
                    server.getPort(), server.getPort(), databaseFile.getFileName());
            return new H2Server(server);
        } catch (SQLException e) {
            throw new SettingsException("PORTAL_H2_SERVER", "H2's server did not start: " + e.getMessage());
        }
    }

    /** Asks H2 to bind its server sockets to loopback; must run before H2's first use in this process. */
    static void bindToLoopback() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && !address.isEmpty() && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
