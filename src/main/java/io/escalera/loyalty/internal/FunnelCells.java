package io.escalera.loyalty.internal;

import io.escalera.customer.CustomerSegmentFilters;
import io.escalera.customer.CustomerSegments;
import io.escalera.shared.jdbc.LoadDataWriter;
import io.escalera.shared.jdbc.TemporaryTables;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The ladder funnel's rows, counted per cell (home unit × acquisition channel × registration month): for each customer
 * one row (k = 4, v = stage × 10 + rungs reached) and one per climb made (k = rung 0–3, v = days it took). The funnel
 * over all customers reads these few thousand cells instead of a million stage rows; the full recompute rebuilds them
 * and every single-customer change moves the customer's rows from their old cells to the new ones.
 * <p>
 * The same cells are kept per value tier ({@code ladder_funnel_segment_cell}), by each customer's tier as of the value
 * module's last full run ({@code ladder_customer_segment}, taken again after each run): the funnel of a tier reads
 * cells too, and the customers behind its numbers are read with the same snapshot.
 */
@Component
class FunnelCells {

    /** The funnel rows of the stage rows {@code s} (joined to the climbs {@code c}). */
    static final String KV = """
            c.k, CASE c.k
                   WHEN 0 THEN GREATEST(0, DATEDIFF(s.shopper_on, s.created_on))
                   WHEN 1 THEN GREATEST(0, DATEDIFF(s.customer_on, s.shopper_on))
                   WHEN 2 THEN GREATEST(0, DATEDIFF(s.client_on, s.customer_on))
                   WHEN 3 THEN GREATEST(0, DATEDIFF(s.advocate_on, s.client_on))
                   ELSE FIELD(s.stage, 'PROSPECT', 'SHOPPER', 'CUSTOMER', 'CLIENT', 'ADVOCATE', 'LAPSED') * 10
                        + (s.shopper_on IS NOT NULL) + (s.customer_on IS NOT NULL) + (s.client_on IS NOT NULL)
                        + (s.advocate_on IS NOT NULL) END AS v""";

    static final String FROM = """
            FROM loyalty_stage s
            JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) c
              ON c.k = 4 OR (c.k = 0 AND s.shopper_on IS NOT NULL) OR (c.k = 1 AND s.customer_on IS NOT NULL)
                 OR (c.k = 2 AND s.client_on IS NOT NULL) OR (c.k = 3 AND s.advocate_on IS NOT NULL)""";

    /** Rows written before the report columns existed may lack them: such rows fall in no unit, channel or month. */
    private static final String CELL = "COALESCE(s.home_unit_id, 0), COALESCE(s.acquisition_channel, ''), "
            + "COALESCE(DATE_FORMAT(s.created_on, '%Y-%m-01'), '1970-01-01')";

    /** Each customer's value tier as of the last full value run (customer id → segment key). */
    static final String SEGMENT_SNAPSHOT = "ladder_customer_segment";

    private static final String FROM_WITH_SEGMENT = FROM.replace("FROM loyalty_stage s",
            "FROM loyalty_stage s LEFT JOIN " + SEGMENT_SNAPSHOT + " g ON g.customer_id = s.customer_id");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final CustomerSegmentFilters segments;

    FunnelCells(JdbcClient jdbc, DataSource dataSource, CustomerSegmentFilters segments) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.segments = segments;
    }

    /** Whether a customer segment has its own counted cells (the value tiers). */
    boolean counts(String segmentKey) {
        return segments.inFamily(segmentKey, CustomerSegments.VALUE_TIERS);
    }

    /** Recounts every cell from the stage rows (at the end of the full recompute, in its transaction). */
    void rebuild() {
        jdbc.sql("DELETE FROM ladder_funnel_cell").update();
        inMemory(() -> {
            jdbc.sql("INSERT INTO ladder_funnel_cell (home_unit_id, acquisition_channel, created_month, k, v, customers) SELECT "
                    + CELL + ", " + KV + ", COUNT(*) " + FROM + " GROUP BY 1, 2, 3, 4, 5").update();
            recountSegmentCells();
        });
    }

    /**
     * Makes the cells equal to {@code counts} (cell key → customers, keys as {@link #of}), writing only those that
     * differ: from one recompute to the next few cells change, and rewriting half a million of them cost seconds.
     * The outcome equals {@link #rebuild()}: every counted cell, none with no customers.
     */
    void replace(Map<String, Integer> counts, Map<String, Integer> segmentCounts) {
        replace("ladder_funnel_cell", "", counts);
        replace("ladder_funnel_segment_cell", "segment_key, ", segmentCounts);
    }

    private void replace(String table, String segmentColumn, Map<String, Integer> counts) {
        Map<String, Integer> changes = new HashMap<>(counts);
        jdbc.sql("SELECT CONCAT_WS('|', " + segmentColumn + "home_unit_id, acquisition_channel, created_month, k, v), customers FROM " + table)
                .query(rs -> {
                    String key = rs.getString(1);
                    Integer wanted = changes.get(key);
                    if (wanted == null) {
                        changes.put(key, 0);
                    } else if (wanted == rs.getInt(2)) {
                        changes.remove(key);
                    }
                });
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("DROP TEMPORARY TABLE IF EXISTS ladder_cell_change").update();
        jdbc.sql("CREATE TEMPORARY TABLE ladder_cell_change ENGINE=InnoDB AS SELECT * FROM " + table + " LIMIT 0").update();
        List<String> columns = new ArrayList<>(List.of("home_unit_id", "acquisition_channel", "created_month", "k", "v", "customers"));
        if (!segmentColumn.isEmpty()) {
            columns.addFirst("segment_key");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (LoadDataWriter writer = new LoadDataWriter(connection, "ladder_cell_change", columns, 50_000)) {
            for (Map.Entry<String, Integer> change : changes.entrySet()) {
                List<Object> row = new ArrayList<>(Arrays.asList((Object[]) change.getKey().split("\\|", -1)));
                row.add(change.getValue());
                writer.add(row.toArray());
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("writing funnel cells failed", e);
        }
        String key = segmentColumn + "home_unit_id, acquisition_channel, created_month, k, v";
        jdbc.sql("DELETE t FROM " + table + " t JOIN ladder_cell_change c USING (" + key + ") WHERE c.customers = 0").update();
        jdbc.sql("INSERT INTO " + table + " (" + key + ", customers) SELECT " + key + ", customers FROM ladder_cell_change WHERE customers > 0"
                + " ON DUPLICATE KEY UPDATE customers = VALUES(customers)").update();
        jdbc.sql("DROP TEMPORARY TABLE ladder_cell_change").update();
    }

    /** Takes every customer's value tier again and recounts the cells per tier (after a full value run). */
    void refreshSegments() {
        segments.snapshot(CustomerSegments.VALUE_TIERS, SEGMENT_SNAPSHOT);
        inMemory(this::recountSegmentCells);
    }

    private void recountSegmentCells() {
        jdbc.sql("DELETE FROM ladder_funnel_segment_cell").update();
        jdbc.sql("INSERT INTO ladder_funnel_segment_cell (segment_key, home_unit_id, acquisition_channel, created_month, k, v, customers) SELECT g.segment_key, "
                + CELL + ", " + KV + ", COUNT(*) " + FROM_WITH_SEGMENT + " WHERE g.segment_key IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6").update();
    }

    /** Hundreds of thousands of groups: in memory, not in an on-disk temporary table (48 s instead of a few). */
    private void inMemory(Runnable work) {
        jdbc.sql(TemporaryTables.IN_MEMORY).update();
        try {
            work.run();
        } finally {
            jdbc.sql(TemporaryTables.DEFAULTS).update();
        }
    }

    /**
     * One customer's funnel rows as cell keys ("tier|unit|channel|month|k|v", the tier empty without one), to move
     * after their stage row changes.
     */
    List<String> of(long customerId) {
        return jdbc.sql("SELECT CONCAT_WS('|', COALESCE(g.segment_key, ''), " + CELL + ", " + KV.replace(" AS v", "") + ") "
                        + FROM_WITH_SEGMENT + " WHERE s.customer_id = ?")
                .param(customerId).query(String.class).list();
    }

    /**
     * Moves a customer's rows from the cells {@code before} to {@code after}, one net change per cell, in key order
     * (the cells over everyone, then those of their tier).
     */
    void move(List<String> before, List<String> after) {
        TreeMap<String, Integer> everyone = new TreeMap<>();
        TreeMap<String, Integer> perSegment = new TreeMap<>();
        before.forEach(key -> count(key, -1, everyone, perSegment));
        after.forEach(key -> count(key, 1, everyone, perSegment));
        everyone.forEach((key, delta) -> add("ladder_funnel_cell", key, delta));
        perSegment.forEach((key, delta) -> add("ladder_funnel_segment_cell", key, delta));
    }

    /**
     * Adds {@code delta} customers to a cell given by its key: "unit|channel|month|k|v" in the cells over everyone,
     * "tier|unit|channel|month|k|v" in those per tier.
     */
    private void add(String table, String key, int delta) {
        if (delta == 0) {
            return;
        }
        String[] part = key.split("\\|", -1);
        int at = part.length - 5;
        List<Object> row = new ArrayList<>(Arrays.asList(part).subList(0, at));
        row.addAll(List.of(Long.valueOf(part[at]), part[at + 1], part[at + 2], Integer.valueOf(part[at + 3]), Integer.valueOf(part[at + 4]), delta));
        jdbc.sql("INSERT INTO " + table + " (" + (at == 0 ? "" : "segment_key, ") + "home_unit_id, acquisition_channel, created_month, k, v, customers)"
                        + " VALUES (" + "?, ".repeat(row.size() - 1) + "?) ON DUPLICATE KEY UPDATE customers = customers + VALUES(customers)")
                .params(row.toArray()).update();
    }

    private static void count(String key, int delta, Map<String, Integer> everyone, Map<String, Integer> perSegment) {
        int bar = key.indexOf('|');
        everyone.merge(key.substring(bar + 1), delta, Integer::sum);
        if (bar > 0) {
            perSegment.merge(key, delta, Integer::sum);
        }
    }
}
