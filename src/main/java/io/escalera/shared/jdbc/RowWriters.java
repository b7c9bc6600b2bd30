package io.escalera.shared.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Picks the fastest way to load rows on a connection: LOAD DATA LOCAL where allowed, else multi-row INSERT. */
public final class RowWriters {

    private static final Logger log = LoggerFactory.getLogger(RowWriters.class);

    private RowWriters() {
    }

    /** LOAD DATA LOCAL needs the client and the server to allow it: try it once on a scratch table. */
    public static boolean loadDataAllowed(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS load_data_probe (x INT)");
            try (LoadDataWriter probe = new LoadDataWriter(connection, "load_data_probe", List.of("x"), 10)) {
                probe.add(1);
            }
            statement.execute("DROP TEMPORARY TABLE load_data_probe");
            return true;
        } catch (SQLException e) {
            log.info("LOAD DATA LOCAL is not allowed here ({}); loading with multi-row INSERT instead", e.getMessage());
            return false;
        }
    }

    public static RowWriter forTable(Connection connection, boolean loadData, String table, List<String> columns) {
        return loadData ? new LoadDataWriter(connection, table, columns, 20_000) : new BulkInsert(connection, table, columns, 1_000);
    }
}
