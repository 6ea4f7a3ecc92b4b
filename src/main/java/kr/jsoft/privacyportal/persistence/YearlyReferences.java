package kr.jsoft.privacyportal.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import org.hibernate.Session;

/**
 * Reference numbers that count up within a year ({@code C-2026-000123}), from a counter table
 * with one row per year ({@code counter_year} and the last number given). The UPDATE that takes
 * the next number locks the year's row, so concurrent requests queue for it inside their own
 * transactions; the first request of a year inserts the row ({@link Inserts#ifAbsent}, so a race
 * for it is harmless on both databases).
 */
public final class YearlyReferences {
    private final String prefix;
    private final String insert;
    private final String increment;
    private final String read;

    /** {@code table} and {@code lastColumn} are the counter's fixed names (never input). */
    public YearlyReferences(String prefix, String table, String lastColumn) {
        this.prefix = prefix;
        this.insert = "INSERT INTO " + table + " (counter_year, " + lastColumn + ") VALUES (?, 0)";
        this.increment = "UPDATE " + table + " SET " + lastColumn + " = " + lastColumn + " + 1 WHERE counter_year = ?";
        this.read = "SELECT " + lastColumn + " FROM " + table + " WHERE counter_year = ?";
    }

    /** The next reference of {@code year}, in the session's transaction: {@code prefix-year-000123}. */
    public String next(Session session, int year) {
        Inserts.ifAbsent(session, insert, year);
        long number = session.doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(increment)) {
                update.setInt(1, year);
                update.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(read)) {
                select.setInt(1, year);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
        return String.format(Locale.ROOT, "%s-%d-%06d", prefix, year, number);
    }
}
