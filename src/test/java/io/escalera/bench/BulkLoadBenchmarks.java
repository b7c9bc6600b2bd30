package io.escalera.bench;

import io.escalera.customer.internal.CustomerDataGenerator;
import io.escalera.customer.internal.CustomerDataLoader;
import io.escalera.shared.jdbc.SecondaryIndexes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's bulk load next to its floor, both measured in this run: the same data set (1,000,000 customers /
 * 10,000,000 orders by default, seed 42) loaded into empty copies of the customer, order and referral tables in a
 * scratch schema — once into copies with no secondary index at all (the floor: LOAD DATA and the generator alone),
 * once into full copies the way the generator loads a new database (indexes dropped, rows loaded, indexes built in
 * one ALTER TABLE per table). {@code -Dbench.load.indexed=true} adds the old way (indexes kept up to date while
 * loading; minutes more). Reads the table definitions (and units, if any) of the benchmark database; needs no
 * generated data set.
 */
@BenchmarkDatabase
class BulkLoadBenchmarks {

    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);
    private static final long ORDERS = Long.getLong("bench.orders", 10_000_000L);
    private static final String SCRATCH = "escalera_bench_load";
    private static final List<String> TABLES = List.of("customer", "customer_order", "referral");

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    private final BenchmarkTable table = new BenchmarkTable("Bulk load of the data set");

    @Test
    void bulkLoadAgainstItsFloor() throws Exception {
        // the units of the benchmark database when it has them (the scratch tables check no foreign keys either way)
        List<Long> stores = jdbc.sql("SELECT id FROM unit WHERE kind = 'STORE' ORDER BY id").query(Long.class).list();
        Long online = jdbc.sql("SELECT MIN(id) FROM unit WHERE kind = 'ONLINE'").query(Long.class).optional().orElse(null);
        Long callCentre = jdbc.sql("SELECT MIN(id) FROM unit WHERE kind = 'CALL_CENTRE'").query(Long.class).optional().orElse(null);
        CustomerDataGenerator.Units units = stores.isEmpty() || online == null || callCentre == null
                ? new CustomerDataGenerator.Units(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), 9L, 10L)
                : new CustomerDataGenerator.Units(stores, online, callCentre);
        CustomerDataGenerator.Size size = new CustomerDataGenerator.Size(CUSTOMERS, ORDERS, 42);

        CustomerDataLoader.Result floor = load(size, units, true, true);
        CustomerDataLoader.Result bulk = load(size, units, false, true);
        table.add(String.format(Locale.ROOT, "floor: the data set LOAD DATA'd into empty tables without any secondary index, %,d rows",
                floor.rows()), rate(floor), "—", true);
        table.add(String.format(Locale.ROOT, "bulk load of the data set into empty tables, secondary indexes built after "
                        + "(one ALTER TABLE per table: %.0f s), %,d rows", bulk.indexBuild().toMillis() / 1000.0, bulk.rows()),
                rate(bulk), "≥ 100,000 rows/s", bulk.rowsPerSecond() >= 100_000);
        table.add("bulk load ÷ floor (time)", String.format(Locale.ROOT, "%.2f×", floor.rowsPerSecond() / bulk.rowsPerSecond()), "—", true);
        if (Boolean.getBoolean("bench.load.indexed")) {
            CustomerDataLoader.Result indexed = load(size, units, false, false);
            table.add(String.format(Locale.ROOT, "the old way: indexes kept up to date while loading, %,d rows", indexed.rows()),
                    rate(indexed), "≥ 100,000 rows/s", indexed.rowsPerSecond() >= 100_000);
        }
        jdbc.sql("DROP DATABASE IF EXISTS " + SCRATCH).update();
        table.printAndWrite("bulk-load.md");
    }

    private static String rate(CustomerDataLoader.Result result) {
        return String.format(Locale.ROOT, "%,.0f rows/s (%.0f s)", result.rowsPerSecond(), result.elapsed().toMillis() / 1000.0);
    }

    /** Fresh empty copies of the three tables in the scratch schema, then the generator's load into them. */
    private CustomerDataLoader.Result load(CustomerDataGenerator.Size size, CustomerDataGenerator.Units units,
                                           boolean withoutSecondaryIndexes, boolean indexesAfter) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String home = connection.getCatalog();
            List<String> ddl = new java.util.ArrayList<>();
            for (String name : TABLES) {
                try (ResultSet rs = statement.executeQuery("SHOW CREATE TABLE " + name)) {
                    rs.next();
                    ddl.add(rs.getString(2));
                }
            }
            statement.execute("DROP DATABASE IF EXISTS " + SCRATCH);
            statement.execute("CREATE DATABASE " + SCRATCH);
            connection.setCatalog(SCRATCH);
            try {
                statement.execute("SET SESSION foreign_key_checks = 0");
                for (int i = 0; i < TABLES.size(); i++) {
                    statement.execute(ddl.get(i));
                    if (withoutSecondaryIndexes) {
                        SecondaryIndexes.of(connection, TABLES.get(i)).drop(connection);
                    }
                }
                statement.execute("SET SESSION foreign_key_checks = 1");
                CustomerDataLoader.Result result = CustomerDataLoader.loadRows(connection, size, units, 1_000, 1_000, 1_000,
                        LocalDate.now(), indexesAfter);
                long orders;
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM customer_order")) {
                    rs.next();
                    orders = rs.getLong(1);
                }
                assertThat(orders).isEqualTo(result.orders());
                return result;
            } finally {
                connection.setCatalog(home);
            }
        }
    }
}
