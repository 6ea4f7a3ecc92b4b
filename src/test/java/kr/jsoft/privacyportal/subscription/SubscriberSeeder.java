package kr.jsoft.privacyportal.subscription;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import kr.jsoft.privacyportal.persistence.Database;

/** Benchmark support: inserts confirmed subscribers in JDBC batches, sealed and hashed as the service does. */
public final class SubscriberSeeder {
    private SubscriberSeeder() {
    }

    public static void seed(Database database, NoticeSubscriptions subscriptions, int count, Instant now) {
        seed(database, subscriptions, 0, count, now);
    }

    /** Subscribers number {@code first} to {@code first + count - 1} (distinct addresses per number). */
    public static void seed(Database database, NoticeSubscriptions subscriptions, int first, int count, Instant now) {
        for (int from = first; from < first + count; from += 5_000) {
            int start = from;
            int end = Math.min(first + count, from + 5_000);
            database.inTransaction(session -> session.doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO notice_subscriber (email_hash, email_sealed, lang, created_at, confirmed_at)
                        VALUES (?, ?, ?, ?, ?)""")) {
                    for (int i = start; i < end; i++) {
                        String email = "subscriber" + i + "@bench.example";
                        insert.setString(1, subscriptions.keys().emailHash(email));
                        insert.setString(2, subscriptions.cipher().sealText(email, NoticeSubscriptions.EMAIL));
                        insert.setString(3, i % 3 == 0 ? "en" : "ko");
                        insert.setTimestamp(4, Timestamp.from(now));
                        insert.setTimestamp(5, Timestamp.from(now));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }));
        }
    }
}
