package io.escalera.value.internal;

import io.escalera.shared.jdbc.TemporaryTables;
import org.springframework.dao.DataAccessResourceFailureException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads {@link ValueFacts} customer by customer: the customers with their per-table aggregates on one connection,
 * their orders in customer order on a second one, merged as both streams go (a merge join in memory), so that
 * neither side is ever held whole.
 */
final class FactsReader {

    private FactsReader() {
    }

    /** Every customer, in customer order. */
    static void read(DataSource dataSource, LocalDate day, Instant slaMoment, boolean withValue, Consumer<ValueFacts> consumer) {
        try (Connection customers = dataSource.getConnection(); Connection orders = dataSource.getConnection()) {
            customers.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            // the per-table GROUP BYs over every customer: in memory, not in on-disk temporary tables (5× slower)
            try (var session = customers.createStatement()) {
                session.execute(TemporaryTables.IN_MEMORY);
            }
            orders.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            FactsQuery.Query customerQuery = FactsQuery.sql(day, slaMoment, null, withValue);
            FactsQuery.Query orderQuery = FactsQuery.orders(day, null);
            try (PreparedStatement c = customers.prepareStatement(customerQuery.sql(),
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                 PreparedStatement o = orders.prepareStatement(orderQuery.sql(),
                         ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                customerQuery.bind(c);
                orderQuery.bind(o);
                c.setFetchSize(10_000);
                o.setFetchSize(20_000);
                try (ResultSet crs = c.executeQuery(); ResultSet ors = o.executeQuery()) {
                    OrderSums sums = new OrderSums(day);
                    boolean more = ors.next();
                    while (crs.next()) {
                        long id = crs.getLong("id");
                        sums.clear();
                        // orders of customers that sort before this one cannot exist (a foreign key), but skip safely
                        while (more && ors.getLong(1) < id) {
                            more = ors.next();
                        }
                        while (more && ors.getLong(1) == id) {
                            sums.add(ors);
                            more = ors.next();
                        }
                        consumer.accept(FactsQuery.read(crs, sums));
                    }
                }
            } finally {
                // the connection goes back to the pool: other work keeps the server's defaults
                try (var session = customers.createStatement()) {
                    session.execute(TemporaryTables.DEFAULTS);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("reading value facts failed", e);
        }
    }
}
