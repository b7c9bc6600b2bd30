package io.escalera.bench;

import io.escalera.customer.CustomerSearch;
import io.escalera.customer.CustomerService;
import io.escalera.customer.OrderService;
import io.escalera.customer.ReferralService;
import io.escalera.shared.jdbc.BulkInsert;
import io.escalera.customer.internal.CustomerDataGenerator;
import io.escalera.customer.internal.CustomerDataLoader;
import io.escalera.security.SystemUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers and orders at scale (default 1,000,000 customers / 10,000,000 orders; -Dbench.customers, -Dbench.orders).
 * Runs on its own embedded database in ./data/bench-mariadb, generated once and reused. Run with
 * {@code ./mvnw -Pbench verify}.
 */
@BenchmarkDatabase
class CustomerBenchmarks {

    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);
    private static final long ORDERS = Long.getLong("bench.orders", 10_000_000L);
    private static final int QUERIES = Integer.getInteger("bench.queries", 1_000);
    private static final int COMPARE_ROWS = Integer.getInteger("bench.compare.rows", 200_000);

    @Autowired CustomerDataLoader loader;
    @Autowired CustomerService customers;
    @Autowired OrderService orders;
    @Autowired ReferralService referrals;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    private final BenchmarkTable table = new BenchmarkTable("Customers and orders");

    @BeforeAll
    void dataSet() throws Exception {
        if (loader.generatedDataPresent()) {
            table.note("Data set reused from an earlier run: " + jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single()
                    + " customers, " + jdbc.sql("SELECT COUNT(*) FROM customer_order").query(Long.class).single() + " orders"
                    + " (the load rate is measured only when the data set is generated).");
        } else {
            CustomerDataLoader.Result result = loader.load(new CustomerDataGenerator.Size(CUSTOMERS, ORDERS, 42));
            table.add(String.format(Locale.ROOT, "bulk load of the data set (LOAD DATA LOCAL from memory, secondary indexes built after), %,d rows", result.rows()),
                    String.format(Locale.ROOT, "%,.0f rows/s (%.0f s)", result.rowsPerSecond(), result.elapsed().toMillis() / 1000.0),
                    "≥ 100,000 rows/s", result.rowsPerSecond() >= 100_000);
            table.note("The load's floor is measured by BulkLoadBenchmarks (the same rows into tables without secondary indexes).");
        }
        jdbc.sql("ANALYZE TABLE customer, customer_order").query().listOfRows();
    }

    @Test
    void benchmarks() throws Exception {
        compareInsertWithLoadData();
        SplittableRandom random = new SplittableRandom(7);
        List<Map<String, Object>> sample = sampleCustomers(random);
        searchBenchmark("search by code", sample, random, row -> (String) row.get("external_code"));
        searchBenchmark("search by e-mail (first 10 characters)", sample, random,
                row -> row.get("email") == null ? null : ((String) row.get("email")).substring(0, 10));
        searchBenchmark("search by phone (last 6 digits)", sample, random,
                row -> row.get("phone_national") == null ? null : ((String) row.get("phone_national")).substring(3));
        searchBenchmark("search by full name", sample, random, row -> (String) row.get("name"));
        gridBenchmark();
        heavyBuyerPageBenchmark();
        table.printAndWrite("customers.md");
    }

    private void compareInsertWithLoadData() throws Exception {
        List<Object[]> rows = new ArrayList<>(COMPARE_ROWS);
        CustomerDataGenerator.generate(new CustomerDataGenerator.Size(COMPARE_ROWS / 10, COMPARE_ROWS, 99),
                new CustomerDataGenerator.Units(List.of(1L), 2L, 3L), 1, 1, 1, LocalDate.now(), new CustomerDataGenerator.Sink() {
                    @Override public void customer(Object[] row) { }
                    @Override public void order(Object[] row) {
                        if (rows.size() < COMPARE_ROWS) {
                            rows.add(row);
                        }
                    }
                    @Override public void referral(Object[] row) { }
                }, null);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("bench_insert", "bench_load", "bench_batch")) {
                statement.execute("DROP TABLE IF EXISTS " + table);
                statement.execute("CREATE TABLE " + table + " LIKE customer_order");
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (BulkInsert insert = new BulkInsert(connection, "bench_insert", CustomerDataGenerator.ORDER_COLUMNS, 1_000)) {
                for (Object[] row : rows) {
                    insert.add(row);
                }
            }
            connection.commit();
            double insertRate = rows.size() / ((System.nanoTime() - start) / 1e9);

            var hikari = (com.zaxxer.hikari.HikariDataSource) dataSource;
            try (Connection bulk = java.sql.DriverManager.getConnection(hikari.getJdbcUrl() + "&useBulkStmts=true&useServerPrepStmts=true",
                    hikari.getUsername(), hikari.getPassword())) {
                bulk.setAutoCommit(false);
                String sql = "INSERT INTO bench_batch (" + String.join(", ", CustomerDataGenerator.ORDER_COLUMNS) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(CustomerDataGenerator.ORDER_COLUMNS.size(), "?")) + ")";
                long batchStart = System.nanoTime();
                try (var ps = bulk.prepareStatement(sql)) {
                    int n = 0;
                    for (Object[] row : rows) {
                        for (int i = 0; i < row.length; i++) {
                            ps.setObject(i + 1, row[i]);
                        }
                        ps.addBatch();
                        if (++n % 1000 == 0) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                bulk.commit();
                double batchRate = rows.size() / ((System.nanoTime() - batchStart) / 1e9);
                table.note(String.format(Locale.ROOT, "JDBC batch with useBulkStmts: %,.0f rows/s", batchRate));
            }
            Path file = Files.createTempFile("escalera-orders", ".tsv");
            try (BufferedWriter out = Files.newBufferedWriter(file)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            out.write('\t');
                        }
                        Object value = row[i];
                        out.write(value == null ? "\\N" : value instanceof Boolean b ? (b ? "1" : "0") : value.toString());
                    }
                    out.write('\n');
                }
            }
            start = System.nanoTime();
            statement.execute("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath() + "' INTO TABLE bench_load ("
                    + String.join(", ", CustomerDataGenerator.ORDER_COLUMNS) + ")");
            connection.commit();
            double loadRate = rows.size() / ((System.nanoTime() - start) / 1e9);
            Files.deleteIfExists(file);
            long loaded = jdbc.sql("SELECT COUNT(*) FROM bench_load").query(Long.class).single();
            assertThat(loaded).isEqualTo(rows.size());
            table.add(String.format(Locale.ROOT, "orders, %,d rows: multi-row INSERT vs LOAD DATA", rows.size()),
                    String.format(Locale.ROOT, "%,.0f vs %,.0f rows/s (INSERT at %.0f %% of LOAD DATA)", insertRate, loadRate,
                            100 * insertRate / loadRate), "≥ 100,000 rows/s (INSERT)", insertRate >= 100_000);
            for (String table : List.of("bench_insert", "bench_load", "bench_batch")) {
                statement.execute("DROP TABLE " + table);
            }
        }
    }

    private List<Map<String, Object>> sampleCustomers(SplittableRandom random) {
        long min = jdbc.sql("SELECT MIN(id) FROM customer").query(Long.class).single();
        long max = jdbc.sql("SELECT MAX(id) FROM customer").query(Long.class).single();
        List<Map<String, Object>> sample = new ArrayList<>();
        while (sample.size() < QUERIES) {
            long id = min + random.nextLong(max - min + 1);
            sample.addAll(jdbc.sql("SELECT id, external_code, name, email, phone_national FROM customer WHERE id >= ? ORDER BY id LIMIT 1")
                    .param(id).query().listOfRows());
        }
        return sample;
    }

    private void searchBenchmark(String name, List<Map<String, Object>> sample, SplittableRandom random,
                                 java.util.function.Function<Map<String, Object>, String> query) {
        List<String> texts = sample.stream().map(query).filter(t -> t != null && !t.isBlank()).toList();
        long[] nanos = new long[Math.min(QUERIES, texts.size())];
        int found = 0;
        for (int i = 0; i < nanos.length; i++) {
            String text = texts.get(i);
            long start = System.nanoTime();
            int hits = SystemUser.call(() -> customers.search(CustomerSearch.text(text), Sort.by("name"), 0, 50)).size();
            nanos[i] = System.nanoTime() - start;
            found += hits > 0 ? 1 : 0;
        }
        assertThat(found).as(name + ": every sampled customer is found").isEqualTo(nanos.length);
        table.latency(name, nanos, 50);
    }

    private void gridBenchmark() {
        for (long offset : new long[]{0, 10_000}) {
            long[] nanos = timed(50, () -> SystemUser.call(() -> customers.search(new CustomerSearch(null, null, null, null, null),
                    Sort.by("name"), offset, 50)).size());
            table.latency("customer grid sorted by name, page at row " + offset, nanos, 100);
        }
    }

    private void heavyBuyerPageBenchmark() {
        long id = jdbc.sql("SELECT id FROM customer WHERE external_code = 'C10000077'").query(Long.class).single();
        long count = jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?").param(id).query(Long.class).single();
        long[] nanos = timed(100, () -> SystemUser.call(() -> customers.get(id).name().length()
                + orders.ofCustomer(id, 0, 50).size() + referrals.of(id).size()));
        table.latency(String.format(Locale.ROOT, "customer page of a heavy buyer (%,d orders): facts, first 50 orders, referrals", count), nanos, 100);
    }

    private static long[] timed(int times, Supplier<Integer> work) {
        for (int i = 0; i < 5; i++) {
            work.get();
        }
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }
}
