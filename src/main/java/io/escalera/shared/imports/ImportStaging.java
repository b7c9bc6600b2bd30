package io.escalera.shared.imports;

import io.escalera.shared.jdbc.RowWriter;
import io.escalera.shared.jdbc.RowWriters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * What every import's staging table shares: rows keyed by (import_id, line) with an outcome (CREATE, UPDATE,
 * UNCHANGED, REJECT), a reason and a detail, and two key columns to show with a rejected row.
 */
public record ImportStaging(JdbcClient jdbc, String table, String keyColumn, String referenceColumn) {

    public ImportSummary summary(long importId) {
        long[] counts = new long[4];
        jdbc.sql("SELECT outcome, COUNT(*) FROM " + table + " WHERE import_id = ? GROUP BY outcome").param(importId)
                .query(rs -> {
                    String outcome = rs.getString(1);
                    int index = outcome == null ? -1 : List.of("CREATE", "UPDATE", "UNCHANGED", "REJECT").indexOf(outcome);
                    if (index >= 0) {
                        counts[index] = rs.getLong(2);
                    }
                });
        return new ImportSummary(counts[0], counts[1], counts[2], counts[3]);
    }

    public List<ImportReject> rejects(long importId, long offset, int limit) {
        return jdbc.sql("SELECT line, reason, detail, " + keyColumn + ", " + referenceColumn + " FROM " + table
                        + " WHERE import_id = ? AND outcome = 'REJECT' ORDER BY line LIMIT ? OFFSET ?")
                .params(importId, limit, offset)
                // an id made from the content (ContentKey) means nothing to the user: the line has no id of its own
                .query((rs, n) -> new ImportReject(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null || rs.getString(4).startsWith(ContentKey.PREFIX) ? null : rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Unstages the rows that were written (the rejected ones stay for the report), in slices. */
    public void forgetAccepted(long importId) {
        while (jdbc.sql("DELETE FROM " + table + " WHERE import_id = ? AND outcome <> 'REJECT' LIMIT 50000").param(importId).update() > 0) {
            // slices keep each transaction small
        }
    }

    public void discard(long importId) {
        jdbc.sql("DELETE FROM " + table + " WHERE import_id = ?").param(importId).update();
    }

    /** Adds rows (values in {@code columns} order) to the staging table, by LOAD DATA where allowed. */
    public void write(DataSource dataSource, List<String> columns, List<Object[]> rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (RowWriter writer = RowWriters.forTable(connection,
                RowWriters.loadDataAllowed(connection), table, columns)) {
            for (Object[] row : rows) {
                writer.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage import rows", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * The join that finds the rows whose key appeared on an earlier line of the same import (as {@code alias}, with
     * its {@code first_line}); rows rejected while read are left out. Bound by {@link ImportRun#bind} ({@code :importId}).
     */
    public String earlierLineJoin(String keyColumn, String alias) {
        return "LEFT JOIN (SELECT " + keyColumn + ", MIN(line) AS first_line FROM " + table + " WHERE import_id = :importId AND " + keyColumn
                + " IS NOT NULL AND (reason IS NULL OR reason NOT LIKE 'import.format.%') GROUP BY " + keyColumn + " HAVING COUNT(*) > 1) "
                + alias + " ON " + alias + "." + keyColumn + " = r." + keyColumn + " AND r.line > " + alias + ".first_line";
    }

    /**
     * The first and last day the rows to create or change fall on — the old day of a changed record included — by a
     * date or time column of the staged rows and of the records ({@code recordTable}, matched by {@code existing_id});
     * nulls when there is none.
     */
    public LocalDate[] affectedDays(long importId, String column, String recordTable) {
        String c = column;
        return jdbc.sql("SELECT DATE(MIN(LEAST(r." + c + ", COALESCE(x." + c + ", r." + c + ")))), DATE(MAX(GREATEST(r." + c + ", COALESCE(x."
                        + c + ", r." + c + ")))) FROM " + table + " r LEFT JOIN " + recordTable + " x ON x.id = r.existing_id"
                        + " WHERE r.import_id = ? AND r.outcome IN ('CREATE', 'UPDATE')")
                .param(importId).query((rs, n) -> new LocalDate[]{
                        rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(),
                        rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()}).single();
    }

    /**
     * "the column's unit is not one of the importer's" as SQL (unknown when the column is null), bound by
     * {@link ImportRun#bind} ({@code :everyUnit}, {@code :units}).
     */
    public static String outOfScope(String column) {
        return "(NOT :everyUnit AND NOT (" + column + " IN (:units)))";
    }
}
