package kr.jsoft.privacyportal.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.persistence.DatabaseSettings;

/**
 * Searches every character column of every table of a test portal's database (found through
 * JDBC metadata, so tables added later are searched too) for given strings.
 */
public final class ClearTextScan {
    private static final Set<Integer> TEXT_TYPES = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NVARCHAR, Types.NCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    private ClearTextScan() {
    }

    /** Every usual notation of a Korean mobile number such as {@code 010-7001-1001}. */
    public static List<String> notations(String number) {
        String digits = number.replaceAll("[^0-9]", "");
        String national = digits.startsWith("82") ? "0" + digits.substring(2) : digits;
        String significant = national.substring(1);
        String spaced = national.substring(0, 3) + " " + national.substring(3, national.length() - 4) + " "
                + national.substring(national.length() - 4);
        return List.copyOf(new LinkedHashSet<>(List.of(national, significant, "+82" + significant, "82" + significant,
                spaced.replace(' ', '-'), spaced, "+82 " + spaced.substring(1), "+82-" + spaced.substring(1).replace(' ', '-'))));
    }

    /** "table.column contains 'needle'" for every hit; empty when the database holds none of them. */
    public static List<String> find(PortalFixture portal, Collection<String> needles) throws SQLException {
        DatabaseSettings db = Settings.fromEnvironment(portal.environment()).openingDatabase();
        List<String> hits = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                kr.jsoft.privacyportal.persistence.H2Durability.apply(db.url()), db.user(), db.password())) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet tables = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    String table = tables.getString("TABLE_NAME");
                    try (ResultSet cols = meta.getColumns(null, connection.getSchema(), table, "%")) {
                        while (cols.next()) {
                            if (TEXT_TYPES.contains(cols.getInt("DATA_TYPE"))) {
                                columns.add(new String[] {table, cols.getString("COLUMN_NAME")});
                            }
                        }
                    }
                }
            }
            if (columns.stream().noneMatch(c -> c[0].equalsIgnoreCase("device"))) {
                throw new AssertionError("the scan did not find the device table: " + columns.size() + " columns");
            }
            for (String[] column : columns) {
                String sql = "SELECT COUNT(*) FROM \"" + column[0] + "\" WHERE \"" + column[1] + "\" LIKE ?";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (String needle : needles) {
                        statement.setString(1, "%" + needle + "%");
                        try (ResultSet count = statement.executeQuery()) {
                            count.next();
                            if (count.getLong(1) > 0) {
                                hits.add(column[0] + "." + column[1] + " contains '" + needle + "'");
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }
}
