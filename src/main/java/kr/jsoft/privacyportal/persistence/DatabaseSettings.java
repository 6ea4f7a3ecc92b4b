package kr.jsoft.privacyportal.persistence;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * Connection settings of the portal's database (PORTAL_DB_*); {@code h2ServerPort}, when present, is the
 * loopback port of H2's TCP server (PORTAL_H2_SERVER, development only).
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration connectTimeout,
                               OptionalInt h2ServerPort) {
    public DatabaseSettings(String url, String user, String password, int poolSize, Duration connectTimeout) {
        this(url, user, password, poolSize, connectTimeout, OptionalInt.empty());
    }

    /** The same settings with {@code password} (the one the portal derived when none was configured). */
    public DatabaseSettings withPassword(String password) {
        return new DatabaseSettings(url, user, password, poolSize, connectTimeout, h2ServerPort);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize
                + (h2ServerPort.isPresent() ? ", h2Server=127.0.0.1:" + h2ServerPort.getAsInt() : "") + "]";
    }
}
