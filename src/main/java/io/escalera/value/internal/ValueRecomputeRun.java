package io.escalera.value.internal;

import io.escalera.shared.jdbc.LoadDataWriter;
import io.escalera.value.internal.ValueRows.Computed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The full recompute of every customer's value and risk. It streams the facts of all customers once (one set-based
 * query), computes in memory, writes a new table with LOAD DATA and swaps it in with one atomic RENAME — readers never
 * wait and never see half a run — then replaces the segment counts in one transaction. Customers updated one by one
 * meanwhile ({@link CustomerValueTable}) are handed back to be updated again after the swap.
 */
@Component
public class ValueRecomputeRun {

    private static final Logger log = LoggerFactory.getLogger(ValueRecomputeRun.class);

    /** The cluster job lock every full run takes, whatever started it (nightly, an import, a rule change, a button). */
    public static final String FULL_RUN = "value.full-recompute";
    /** A full run holding its lock longer than this is presumed stuck and loses it. */
    public static final Duration FULL_RUN_AT_MOST = Duration.ofHours(6);
    /** How long a full run asked for waits for one going on (minutes at a million customers) before giving up. */
    public static final Duration FULL_RUN_MAX_WAIT = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ReentrantLock fullRun = new ReentrantLock();
    /** Customers updated one by one while a full run computes: updated again after its swap, so no update is lost. */
    private final Set<Long> updatedDuringRun = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    ValueRecomputeRun(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Notes a customer updated one by one: while a full run goes on, it is updated again after the run's swap. */
    void updating(long customerId) {
        if (running) {
            updatedDuringRun.add(customerId);
        }
    }

    /**
     * Recomputes every customer as of {@code day}. @return the customers updated one by one meanwhile, to update
     * again (their events arrived after the facts were read)
     */
    public Set<Long> recomputeAll(ValueInputs inputs, LocalDate day, Instant now) {
        fullRun.lock();
        running = true;
        updatedDuringRun.clear();
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            cleanUpAfterAKilledRun(connection);
            List<ValueFacts> all = new ArrayList<>();
            FactsReader.read(dataSource, day, now, true, all::add);
            log.debug("value recompute: {} customers' facts read in {} ms", all.size(), (System.nanoTime() - started) / 1_000_000);
            Retention retention = Retention.measure(all, inputs.customerPurchases(), inputs.clientPurchases());
            List<Computed> computed = new ArrayList<>(all.size());
            for (ValueFacts f : all) {
                computed.add(ValueRows.compute(f, inputs, day, retention));
            }
            all = null;
            Calibration calibration = Calibration.measure(computed.stream().filter(c -> c.facts().hasOrders())
                    .map(c -> new double[]{c.total().doubleValue(), -ValueRows.recency(c, day), c.facts().ordersYear(),
                            c.facts().salesYear().doubleValue()}).toList(), retention);
            TreeMap<String, Object[]> counts = writeAndSwap(connection, computed, calibration, day, inputs.rules().riskThreshold(), started);
            calibration.store(jdbc, day);
            replaceSegmentCounts(connection, counts.values());
            log.info("Value recomputed for {} customers in {} ms", computed.size(), (System.nanoTime() - started) / 1_000_000);
            return Set.copyOf(updatedDuringRun);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("value recompute failed", e);
        } finally {
            running = false;
            fullRun.unlock();
        }
    }

    /**
     * Loads the rows into a new table and swaps it in for {@code customer_value}. @return the segment-count cells of
     * the rows
     */
    private static TreeMap<String, Object[]> writeAndSwap(Connection connection, List<Computed> computed, Calibration calibration,
                                                          LocalDate day, int riskThreshold, long started) throws SQLException {
        List<String> indexes;
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE customer_value_next LIKE customer_value");
            // loaded without its secondary indexes, which are then built once, sorted (far faster than row by row)
            indexes = secondaryIndexes(connection);
            for (String index : indexes) {
                ddl.execute("DROP INDEX " + index.substring(0, index.indexOf(' ')) + " ON customer_value_next");
            }
        }
        LoadDataWriter writer = new LoadDataWriter(connection, "customer_value_next", ValueRows.COLUMNS, 20_000);
        TreeMap<String, Object[]> counts = new TreeMap<>();
        for (Computed c : computed) {
            Object[] row = ValueRows.row(c, calibration, day, riskThreshold);
            writer.add(row);
            ValueRows.into(counts, row, 1);
        }
        writer.close();
        log.debug("value recompute: rows written after {} ms", (System.nanoTime() - started) / 1_000_000);
        try (Statement ddl = connection.createStatement()) {
            if (!indexes.isEmpty()) {
                ddl.execute("ALTER TABLE customer_value_next " + String.join(", ", indexes.stream().map(i -> "ADD INDEX " + i).toList()));
            }
            log.debug("value recompute: indexes built after {} ms", (System.nanoTime() - started) / 1_000_000);
            ddl.execute("RENAME TABLE customer_value TO customer_value_old, customer_value_next TO customer_value");
            ddl.execute("DROP TABLE customer_value_old");
        }
        return counts;
    }

    /** Replaces the segment counts in one transaction: readers see the old counts or the new ones, never none. */
    private static void replaceSegmentCounts(Connection connection, Collection<Object[]> cells) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement replace = connection.createStatement()) {
            replace.execute("DELETE FROM value_segment_count");
        }
        LoadDataWriter countWriter = new LoadDataWriter(connection, "value_segment_count", ValueRows.COUNT_COLUMNS, 10_000);
        for (Object[] cell : cells) {
            countWriter.add(cell);
        }
        countWriter.close();
        connection.commit();
    }

    /**
     * Puts right what a run killed half way left behind (its work tables have fixed names): the table being loaded
     * ({@code customer_value_next}) and the replaced one not yet dropped ({@code customer_value_old}) are dropped; had
     * the swap itself been cut off with no {@code customer_value} left, the replaced one is renamed back first. Runs
     * under the full run's cluster lock, so no other run's tables are touched.
     */
    static void cleanUpAfterAKilledRun(Connection connection) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()
                AND table_name IN ('customer_value', 'customer_value_next', 'customer_value_old')""");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        try (Statement ddl = connection.createStatement()) {
            if (!tables.contains("customer_value") && tables.contains("customer_value_old")) {
                log.warn("Value recompute: customer_value was missing after a killed run; customer_value_old renamed back");
                ddl.execute("RENAME TABLE customer_value_old TO customer_value");
                tables.remove("customer_value_old");
            }
            for (String leftover : List.of("customer_value_next", "customer_value_old")) {
                if (tables.contains(leftover)) {
                    log.warn("Value recompute: {} left by a killed run dropped", leftover);
                    ddl.execute("DROP TABLE IF EXISTS " + leftover);
                }
            }
        }
    }

    /** The secondary indexes of customer_value as "name (col, col)", as Liquibase created them. */
    private static List<String> secondaryIndexes(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery("""
                SELECT index_name, column_name FROM information_schema.statistics
                WHERE table_schema = DATABASE() AND table_name = 'customer_value' AND index_name <> 'PRIMARY'
                ORDER BY index_name, seq_in_index""")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return columns.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList();
    }
}
