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

    /**
     * The H2 file's size, chunk count and how full its chunks are (H2's own {@code info.*} settings),
     * or nothing on PostgreSQL: a file that keeps growing while its chunks empty is not being compacted.
     */
    public static String fileInfo(Database database) {
        if (database.isPostgreSql()) {
            return "";
        }
        java.util.Map<String, String> info = new java.util.HashMap<>();
        database.fromTransaction(s -> s.createNativeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNK_COUNT', 'info.CHUNKS_FILL_RATE')", Object[].class)
                .getResultList()).forEach(row -> info.put((String) row[0], (String) row[1]));
        return String.format("H2 file %,d MB in %s chunks, %s%% of the chunks' pages live",
                Long.parseLong(info.getOrDefault("info.FILE_SIZE", "0")) >> 20, info.get("info.CHUNK_COUNT"),
                info.get("info.CHUNKS_FILL_RATE"));
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
