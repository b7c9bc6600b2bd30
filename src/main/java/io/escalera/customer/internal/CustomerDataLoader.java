package io.escalera.customer.internal;

import io.escalera.admin.Unit;
import io.escalera.admin.UnitForm;
import io.escalera.admin.UnitKind;
import io.escalera.admin.UnitService;
import io.escalera.security.SystemUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.escalera.shared.jdbc.RowWriter;
import io.escalera.shared.jdbc.RowWriters;

/**
 * Loads generated customers, orders and referrals in large transactions, with LOAD DATA LOCAL fed from memory where
 * allowed (else multi-row INSERT), then moves the id sequences past them so that the application's own inserts never
 * collide.
 */
@Component
public class CustomerDataLoader {

    private static final Logger log = LoggerFactory.getLogger(CustomerDataLoader.class);
    private static final int ROWS_PER_TRANSACTION = 200_000;

    public record Result(long customers, long orders, long referrals, Duration elapsed) {
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
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CustomerQueries queries;

    CustomerDataLoader(DataSource dataSource, JdbcClient jdbc, UnitService units, Clock clock,
                       org.springframework.context.ApplicationEventPublisher events, CustomerQueries queries) {
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
        long firstOrder = nextId("customer_order");
        long firstReferral = nextId("referral");
        long started = System.nanoTime();
        long[] counts = new long[3];
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement session = connection.createStatement()) {
                // rows are consistent by construction (and checked by tests); skip per-row foreign key lookups
                session.execute("SET SESSION foreign_key_checks = 0");
                // unique values are unique by construction (codes, e-mails and phones derive from the row number)
                session.execute("SET SESSION unique_checks = 0");
            }
            boolean loadData = RowWriters.loadDataAllowed(connection);
            try (RowWriter customers = RowWriters.forTable(connection, loadData, "customer", CustomerDataGenerator.CUSTOMER_COLUMNS);
                 RowWriter orders = RowWriters.forTable(connection, loadData, "customer_order", CustomerDataGenerator.ORDER_COLUMNS);
                 RowWriter referrals = RowWriters.forTable(connection, loadData, "referral", CustomerDataGenerator.REFERRAL_COLUMNS)) {
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
                            connection.commit();
                            sinceCommit[0] = 0;
                        }
                    }
                };
                long reportEvery = Math.max(10_000, size.customers() / 20);
                CustomerDataGenerator.generate(size, generatorUnits, firstCustomer, firstOrder, firstReferral,
                        LocalDate.now(clock), sink, (c, o) -> {
                            if (c % reportEvery == 0 || c == size.customers()) {
                                double seconds = (System.nanoTime() - started) / 1e9;
                                log.info(String.format(Locale.ROOT, "Generated %,d of %,d customers and %,d orders (%,.0f rows/s)",
                                        c, size.customers(), o, (c + o) / Math.max(0.001, seconds)));
                            }
                        });
            }
            connection.commit();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        for (String table : List.of("customer", "customer_order", "referral")) {
            long max = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM " + table).query(Long.class).single();
            jdbc.sql("SELECT SETVAL(" + table + "_seq, " + (max + 100) + ")").query().listOfRows();
        }
        // the typeahead's word index, set-based in slices (not counted in the load rate above)
        for (long from = firstCustomer; from < firstCustomer + size.customers(); from += 100_000) {
            queries.indexNameWords(from, Math.min(firstCustomer + size.customers() - 1, from + 99_999));
        }
        Result result = new Result(counts[0], counts[1], counts[2], elapsed);
        // other modules add their part of the data set (interactions, …) for these customers
        events.publishEvent(new io.escalera.customer.CustomerEvents.CustomersGenerated(firstCustomer,
                firstCustomer + size.customers() - 1, size.seed(), LocalDate.now(clock)));
        log.info(String.format(Locale.ROOT, "Loaded %,d customers, %,d orders and %,d referrals in %.1f s (%,.0f rows/s)",
                result.customers(), result.orders(), result.referrals(), elapsed.toMillis() / 1000.0, result.rowsPerSecond()));
        return result;
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
