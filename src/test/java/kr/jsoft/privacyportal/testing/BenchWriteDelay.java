package kr.jsoft.privacyportal.testing;

import kr.jsoft.privacyportal.persistence.Database;

/**
 * Benchmarks only: what H2's durable commits cost. The portal opens every H2 file with
 * {@code WRITE_DELAY=0} and replaces an operator's value in the URL (persistence.H2Durability), so
 * a URL cannot bring H2's default back; with {@code -Dbench.h2WriteDelay=500} a benchmark sets it
 * on the open database instead ({@code SET WRITE_DELAY}), which gives the "before" figures.
 */
public final class BenchWriteDelay {
    private BenchWriteDelay() {
    }

    /** Applies {@code bench.h2WriteDelay} if given, and prints the write delay the run uses (or that it runs on PostgreSQL). */
    public static void apply(Database database) {
        if (database.isPostgreSql()) {
            System.out.println("Database for this run: PostgreSQL");
            return;
        }
        String delay = System.getProperty("bench.h2WriteDelay");
        if (delay != null) {
            int millis = Integer.parseInt(delay);
            database.inTransaction(s -> s.createNativeMutationQuery("SET WRITE_DELAY " + millis).executeUpdate());
        }
        Object now = database.fromTransaction(s -> s.createNativeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'", Object.class)
                .getResultList().stream().findFirst().orElse("?"));
        System.out.println("H2 WRITE_DELAY for this run: " + now + " ms");
    }
}
