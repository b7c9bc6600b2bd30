package io.escalera.customer.internal;

import io.escalera.admin.Unit;
import io.escalera.admin.UnitForm;
import io.escalera.admin.UnitKind;
import io.escalera.admin.UnitService;
import io.escalera.customer.CustomerEvents;
import io.escalera.security.SystemUser;
import io.escalera.shared.jdbc.LoadDataPipeline;
import io.escalera.shared.jdbc.RowWriter;
import io.escalera.shared.jdbc.RowWriters;
import io.escalera.shared.jdbc.SecondaryIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Loads generated customers, orders and referrals in large transactions, with LOAD DATA LOCAL fed from memory where
 * allowed (else multi-row INSERT), into tables whose secondary indexes are built after the load when they were empty,
 * then moves the id sequences past them so that the application's own inserts never collide.
 */
@Component
public class CustomerDataLoader {

    private static final Logger log = LoggerFactory.getLogger(CustomerDataLoader.class);
    private static final int ROWS_PER_TRANSACTION = 200_000;
    private static final int ROWS_PER_CHUNK = 20_000;

    /**
     * @param elapsed           the whole load, index builds included
     * @param indexBuild        the part of it spent building secondary indexes after the rows were in
     * @param indexesBuiltAfter whether the tables were empty, so their secondary indexes were built after the load
     */
    public record Result(long customers, long orders, long referrals, Duration elapsed, Duration indexBuild, boolean indexesBuiltAfter) {
        public long rows() {
            return customers + orders + referrals;
        }

        public double rowsPerSecond() {
            return rows() / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final UnitService units;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CustomerQueries queries;

    CustomerDataLoader(DataSource dataSource, JdbcClient jdbc, UnitService units, Clock clock,
                       ApplicationEventPublisher events, CustomerQueries queries) {
        this.events = events;
        this.queries = queries;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    public long customerCount() {
        return jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
    }

    /** Whether a generated data set is already in the database (generated codes start at C10000000). */
    public boolean generatedDataPresent() {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE external_code = 'C10000000'").query(Long.class).single() > 0;
    }

    public Result load(CustomerDataGenerator.Size size) throws Exception {
        if (generatedDataPresent()) {
            throw new IllegalStateException("This database already holds a generated data set; generate into an empty database.");
        }
        CustomerDataGenerator.Units generatorUnits = SystemUser.call(this::unitsForGenerator);
        long firstCustomer = nextId("customer");
        Result result;
        try (Connection connection = dataSource.getConnection()) {
            result = loadRows(connection, size, generatorUnits, firstCustomer, nextId("customer_order"), nextId("referral"),
                    LocalDate.now(clock), true);
        }
        for (String table : List.of("customer", "customer_order", "referral")) {
            long max = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM " + table).query(Long.class).single();
            jdbc.sql("SELECT SETVAL(" + table + "_seq, " + (max + 100) + ")").query().listOfRows();
        }
        // the typeahead's word index, set-based in slices (not counted in the load rate above)
        for (long from = firstCustomer; from < firstCustomer + size.customers(); from += 100_000) {
            queries.indexNameWords(from, Math.min(firstCustomer + size.customers() - 1, from + 99_999));
        }
        // other modules add their part of the data set (interactions, …) for these customers
        events.publishEvent(new CustomerEvents.CustomersGenerated(firstCustomer,
                firstCustomer + size.customers() - 1, size.seed(), LocalDate.now(clock)));
        return result;
    }

    /**
     * The timed part of {@link #load}: the generated customers, orders and referrals written into the tables of the
     * connection's schema, with LOAD DATA LOCAL fed from memory where allowed (else multi-row INSERT). The rows are
     * generated on the caller's thread while the previous chunk loads on a second one.
     * <p>
     * When all three tables are empty (a data set generated into a new database), they are locked for writing
     * (other sessions wait), their secondary indexes are dropped first and built again after the load, one
     * {@code ALTER TABLE} per table — also when the load fails, so the tables always end with the indexes they
     * started with. Foreign key and unique checks are off during
     * the load: the rows are consistent and unique by construction (tests check it), and building a unique index
     * still refuses duplicates.
     *
     * @param indexesAfterIfEmpty false keeps the indexes up to date row by row even on empty tables (the benchmark
     *                            measures both ways)
     */
    public static Result loadRows(Connection connection, CustomerDataGenerator.Size size, CustomerDataGenerator.Units units,
                                  long firstCustomer, long firstOrder, long firstReferral, LocalDate today,
                                  boolean indexesAfterIfEmpty) throws Exception {
        List<String> tables = List.of("customer", "customer_order", "referral");
        long started = System.nanoTime();
        long[] counts = new long[3];
        Duration indexBuild = Duration.ZERO;
        boolean autoCommit = connection.getAutoCommit();
        execute(connection, "SET SESSION foreign_key_checks = 0");
        execute(connection, "SET SESSION unique_checks = 0");
        List<SecondaryIndexes> dropped = new ArrayList<>();
        boolean locked = false;
        try {
            if (indexesAfterIfEmpty && empty(connection, tables)) {
                List<SecondaryIndexes> indexes = new ArrayList<>();
                for (String table : tables) {
                    indexes.add(SecondaryIndexes.of(connection, table));
                }
                // nobody else reads the tables until their indexes are back: a background job (a KPI day refresh was
                // seen) scanning ten million unindexed rows held its metadata lock for minutes, and the index build
                // waited for it, with every new connection of the pool queued behind it
                execute(connection, "LOCK TABLES " + String.join(" WRITE, ", tables) + " WRITE");
                locked = true;
                for (SecondaryIndexes table : indexes) {
                    table.drop(connection);
                    dropped.add(table);
                }
            }
            connection.setAutoCommit(false);
            boolean loadData = RowWriters.loadDataAllowed(connection);
            try (LoadDataPipeline pipeline = loadData ? new LoadDataPipeline(connection, "data-set-load") : null) {
                writeRows(connection, pipeline, size, units, firstCustomer, firstOrder, firstReferral, today, counts, started);
            }
            connection.commit();
        } catch (Exception e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
            long indexStart = System.nanoTime();
            for (SecondaryIndexes indexes : dropped) {
                indexes.add(connection);
            }
            indexBuild = Duration.ofNanos(System.nanoTime() - indexStart);
            if (locked) {
                execute(connection, "UNLOCK TABLES");
            }
            execute(connection, "SET SESSION foreign_key_checks = 1");
            execute(connection, "SET SESSION unique_checks = 1");
        }
        Result result = new Result(counts[0], counts[1], counts[2], Duration.ofNanos(System.nanoTime() - started), indexBuild, !dropped.isEmpty());
        log.info(String.format(Locale.ROOT, "Loaded %,d customers, %,d orders and %,d referrals in %.1f s (%,.0f rows/s; %s)",
                result.customers(), result.orders(), result.referrals(), result.elapsed().toMillis() / 1000.0, result.rowsPerSecond(),
                result.indexesBuiltAfter() ? String.format(Locale.ROOT, "secondary indexes built after the load in %.1f s",
                        indexBuild.toMillis() / 1000.0) : "indexes kept up to date while loading"));
        return result;
    }

    private static void writeRows(Connection connection, LoadDataPipeline pipeline, CustomerDataGenerator.Size size,
                                  CustomerDataGenerator.Units units, long firstCustomer, long firstOrder, long firstReferral,
                                  LocalDate today, long[] counts, long started) throws Exception {
        try (RowWriter customers = writer(connection, pipeline, "customer", CustomerDataGenerator.CUSTOMER_COLUMNS);
             RowWriter orders = writer(connection, pipeline, "customer_order", CustomerDataGenerator.ORDER_COLUMNS);
             RowWriter referrals = writer(connection, pipeline, "referral", CustomerDataGenerator.REFERRAL_COLUMNS)) {
            long[] sinceCommit = {0};
            CustomerDataGenerator.Sink sink = new CustomerDataGenerator.Sink() {
                @Override
                public void customer(Object[] row) throws Exception {
                    customers.add(row);
                    counts[0]++;
                    maybeCommit();
                }

                @Override
                public void order(Object[] row) throws Exception {
                    orders.add(row);
                    counts[1]++;
                    maybeCommit();
                }

                @Override
                public void referral(Object[] row) throws Exception {
                    referrals.add(row);
                    counts[2]++;
                    maybeCommit();
                }

                private void maybeCommit() throws Exception {
                    if (++sinceCommit[0] >= ROWS_PER_TRANSACTION) {
                        customers.flush();
                        orders.flush();
                        referrals.flush();
                        if (pipeline == null) {
                            connection.commit();
                        } else {
                            pipeline.submit(Connection::commit);
                        }
                        sinceCommit[0] = 0;
                    }
                }
            };
            long reportEvery = Math.max(10_000, size.customers() / 20);
            CustomerDataGenerator.generate(size, units, firstCustomer, firstOrder, firstReferral, today, sink, (c, o) -> {
                if (c % reportEvery == 0 || c == size.customers()) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    log.info(String.format(Locale.ROOT, "Generated %,d of %,d customers and %,d orders (%,.0f rows/s)",
                            c, size.customers(), o, (c + o) / Math.max(0.001, seconds)));
                }
            });
        }
    }

    private static RowWriter writer(Connection connection, LoadDataPipeline pipeline, String table, List<String> columns) {
        return pipeline != null ? pipeline.writer(table, columns, ROWS_PER_CHUNK) : RowWriters.forTable(connection, false, table, columns);
    }

    private static boolean empty(Connection connection, List<String> tables) throws SQLException {
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long nextId(String table) {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM " + table).query(Long.class).single() + 1_000;
    }

    /** Stores, the online shop and the call centre to place orders in; created when the database has none. */
    private CustomerDataGenerator.Units unitsForGenerator() {
        List<Unit> all = units.all();
        List<Long> stores = new ArrayList<>(all.stream().filter(u -> u.kind() == UnitKind.STORE).map(Unit::id).toList());
        if (stores.isEmpty()) {
            long region = units.create(UnitForm.of("GEN-REGION", "Generated region", UnitKind.REGION, null)).id();
            for (int i = 1; i <= 8; i++) {
                stores.add(units.create(UnitForm.of("GEN-STORE-" + i, "Generated store " + i, UnitKind.STORE, region)).id());
            }
        }
        long online = all.stream().filter(u -> u.kind() == UnitKind.ONLINE).map(Unit::id).findFirst()
                .orElseGet(() -> units.create(UnitForm.of("GEN-WEB", "Generated online shop", UnitKind.ONLINE, null)).id());
        long callCentre = all.stream().filter(u -> u.kind() == UnitKind.CALL_CENTRE).map(Unit::id).findFirst()
                .orElseGet(() -> units.create(UnitForm.of("GEN-CALL", "Generated call centre", UnitKind.CALL_CENTRE, null)).id());
        return new CustomerDataGenerator.Units(List.copyOf(stores), online, callCentre);
    }
}
