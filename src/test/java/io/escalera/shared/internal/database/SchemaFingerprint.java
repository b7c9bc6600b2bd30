package io.escalera.shared.internal.database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every table of a schema with its row count and {@code CHECKSUM TABLE} (content), and every sequence with its next
 * value: two schemas with equal fingerprints hold the same data.
 */
final class SchemaFingerprint {

    private SchemaFingerprint() {
    }

    static Map<String, String> of(DataSource dataSource, String schema) throws SQLException {
        Map<String, String> fingerprint = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> objects = new ArrayList<>();
            try (PreparedStatement list = connection.prepareStatement("SELECT table_name, table_type FROM information_schema.tables"
                    + " WHERE table_schema = ? ORDER BY table_name")) {
                list.setString(1, schema);
                try (ResultSet rows = list.executeQuery()) {
                    while (rows.next()) {
                        objects.add(new String[] {rows.getString(1), rows.getString(2)});
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                for (String[] object : objects) {
                    String name = "`" + schema + "`.`" + object[0] + "`";
                    if ("SEQUENCE".equals(object[1])) {
                        fingerprint.put(object[0], "next " + single(statement, "SELECT next_not_cached_value FROM " + name));
                    } else {
                        String count = single(statement, "SELECT COUNT(*) FROM " + name);
                        String checksum;
                        try (ResultSet rows = statement.executeQuery("CHECKSUM TABLE " + name)) {
                            rows.next();
                            checksum = rows.getString(2);
                        }
                        fingerprint.put(object[0], count + " rows, checksum " + checksum);
                    }
                }
            }
        }
        return fingerprint;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
