package io.escalera.shared.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Multi-row INSERT for mass loading (demo data, generator, imports): one statement carries many rows, an order of
 * magnitude faster than one entity save per row.
 */
public final class BulkInsert implements RowWriter {

    private final Connection connection;
    private final String head;
    private final int columns;
    private final int rowsPerStatement;
    private final List<Object[]> pending = new ArrayList<>();
    private PreparedStatement full;
    private long written;

    public BulkInsert(Connection connection, String table, List<String> columnNames, int rowsPerStatement) {
        this.connection = connection;
        this.head = "INSERT INTO " + table + " (" + String.join(", ", columnNames) + ") VALUES ";
        this.columns = columnNames.size();
        this.rowsPerStatement = rowsPerStatement;
    }

    @Override
    public void add(Object... row) throws SQLException {
        if (row.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + row.length);
        }
        pending.add(row);
        if (pending.size() == rowsPerStatement) {
            if (full == null) {
                full = connection.prepareStatement(sql(rowsPerStatement));
            }
            execute(full);
        }
    }

    @Override
    public void flush() throws SQLException {
        if (!pending.isEmpty()) {
            try (PreparedStatement rest = connection.prepareStatement(sql(pending.size()))) {
                execute(rest);
            }
        }
    }

    @Override
    public long written() {
        return written;
    }

    private void execute(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Object[] row : pending) {
            for (Object value : row) {
                statement.setObject(index++, value);
            }
        }
        statement.executeUpdate();
        written += pending.size();
        pending.clear();
    }

    private String sql(int rows) {
        String one = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return head + String.join(", ", Collections.nCopies(rows, one));
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }
}
