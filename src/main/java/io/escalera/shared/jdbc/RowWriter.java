package io.escalera.shared.jdbc;

import java.sql.SQLException;

/** Writes many rows into one table fast; {@link #close()} writes what is still pending. */
public interface RowWriter extends AutoCloseable {

    void add(Object... row) throws SQLException;

    void flush() throws SQLException;

    long written();

    @Override
    void close() throws SQLException;
}
