package kr.jsoft.privacyportal.persistence;

import java.time.Duration;

/** Connection settings of the portal's database (PORTAL_DB_*). */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration connectTimeout) {
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
