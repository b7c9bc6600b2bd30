package io.escalera.customer;

import io.escalera.customer.internal.CustomerDataGenerator;
import io.escalera.customer.internal.CustomerDataLoader;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@EscaleraTest
class CustomerDataGeneratorTest {

    private static final CustomerDataGenerator.Units UNITS = new CustomerDataGenerator.Units(List.of(11L, 12L, 13L), 20L, 30L);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Autowired CustomerDataLoader loader;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired javax.sql.DataSource dataSource;

    /**
     * A new database is loaded with its secondary indexes built after the rows: the tables end with exactly the
     * indexes they started with, and hold exactly the rows of a load that kept the indexes up to date.
     */
    @Test
    void aBulkLoadIntoEmptyTablesEndsWithTheSameIndexesAndRowsAsAnIndexedLoad() throws Exception {
        CustomerDataGenerator.Size size = new CustomerDataGenerator.Size(500, 5_000, 42);
        List<String> tables = List.of("customer", "customer_order", "referral");
        try (java.sql.Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            String home = connection.getCatalog();
            List<String> ddl = new java.util.ArrayList<>();
            for (String table : tables) {
                ddl.add(showCreate(statement, table));
            }
            List<String> checksums = new java.util.ArrayList<>();
            try {
                for (boolean indexesAfter : new boolean[]{true, false}) {
                    statement.execute("DROP DATABASE IF EXISTS escalera_load_test");
                    statement.execute("CREATE DATABASE escalera_load_test");
                    connection.setCatalog("escalera_load_test");
                    statement.execute("SET SESSION foreign_key_checks = 0");
                    ddl.forEach(sql -> {
                        try {
                            statement.execute(sql);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    statement.execute("SET SESSION foreign_key_checks = 1");
                    CustomerDataLoader.Result result = CustomerDataLoader.loadRows(connection, size, UNITS, 1_000, 1_000, 1_000, TODAY, indexesAfter);
                    assertThat(result.indexesBuiltAfter()).isEqualTo(indexesAfter);
                    for (int i = 0; i < tables.size(); i++) {
                        assertThat(showCreate(statement, tables.get(i))).as("definition of " + tables.get(i)).isEqualTo(ddl.get(i));
                    }
                    StringBuilder sums = new StringBuilder();
                    try (java.sql.ResultSet rs = statement.executeQuery("CHECKSUM TABLE customer, customer_order, referral EXTENDED")) {
                        while (rs.next()) {
                            sums.append(rs.getLong(2)).append(' ');
                        }
                    }
                    checksums.add(sums.toString());
                    // the name search's FULLTEXT index answers like the rows say (it was empty after a load with the
                    // indexes built afterwards: the demo found nobody by surname)
                    try (java.sql.ResultSet rs = statement.executeQuery("SELECT (SELECT COUNT(*) FROM customer WHERE "
                            + "MATCH(name_search) AGAINST ('+alonso' IN BOOLEAN MODE)), (SELECT COUNT(*) FROM customer WHERE "
                            + "CONCAT(' ', name_search, ' ') LIKE '% alonso %')")) {
                        rs.next();
                        assertThat(rs.getLong(2)).as("generated customers named Alonso").isPositive();
                        assertThat(rs.getLong(1)).as("found through the FULLTEXT index, indexes built after: " + indexesAfter)
                                .isEqualTo(rs.getLong(2));
                    }
                    try (java.sql.ResultSet rs = statement.executeQuery("SELECT @@foreign_key_checks, @@unique_checks")) {
                        rs.next();
                        assertThat(rs.getInt(1) + rs.getInt(2)).as("session checks back on").isEqualTo(2);
                    }
                    connection.setCatalog(home);
                }
            } finally {
                connection.setCatalog(home);
                statement.execute("DROP DATABASE IF EXISTS escalera_load_test");
            }
            assertThat(checksums.get(0)).isEqualTo(checksums.get(1));
        }
    }

    private static String showCreate(java.sql.Statement statement, String table) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = statement.executeQuery("SHOW CREATE TABLE " + table)) {
            rs.next();
            // the counter moves with the rows loaded; the definition is what must not change
            return rs.getString(2).replaceAll(" AUTO_INCREMENT=\\d+", "");
        }
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedDifferentData() throws Exception {
        String first = digest(7L);
        assertThat(digest(7L)).isEqualTo(first);
        assertThat(digest(8L)).isNotEqualTo(first);
    }

    @Test
    void generatedDataIsConsistentAndTheApplicationKeepsWorkingOnTopOfIt() throws Exception {
        CustomerDataLoader.Result result = io.escalera.support.GeneratedDataSet.load(loader);

        assertThat(result.customers()).isEqualTo(2_000);
        assertThat(result.orders()).isBetween(15_000L, 26_000L);
        assertThat(count("SELECT COUNT(*) FROM customer_order o LEFT JOIN customer c ON c.id = o.customer_id WHERE c.id IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer_order o LEFT JOIN unit u ON u.id = o.unit_id WHERE u.id IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer c LEFT JOIN unit u ON u.id = c.home_unit_id WHERE u.id IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer_order o JOIN customer c ON c.id = o.customer_id WHERE o.order_date < DATE(c.created_at) OR o.order_date > CURRENT_DATE")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE discount > gross_amount OR returned_amount > gross_amount OR gross_amount <= 0")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE actual_delivery < order_date")).isZero();
        assertThat(count("SELECT COUNT(*) FROM referral r JOIN customer a ON a.id = r.referrer_id JOIN customer b ON b.id = r.referred_id WHERE a.id = b.id OR a.created_at > b.created_at")).isZero();
        // the mix the brief asks for
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE actual_delivery > promised_delivery")).as("late").isPositive();
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE delivered_in_full = FALSE")).as("incomplete").isPositive();
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE returned_amount > 0")).as("returned").isPositive();
        assertThat(count("SELECT COUNT(DISTINCT channel) FROM customer_order")).as("channels").isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM referral")).as("referrals").isPositive();
        assertThat(count("SELECT MAX(n) FROM (SELECT COUNT(*) n FROM customer_order GROUP BY customer_id) x"))
                .as("a very heavy buyer").isEqualTo(CustomerDataGenerator.HEAVIEST_BUYER_ORDERS);
        assertThat(count("SELECT COUNT(*) FROM customer c WHERE c.external_code LIKE 'C1%' AND NOT EXISTS (SELECT 1 FROM customer_order o WHERE o.customer_id = c.id)"))
                .as("prospects").isPositive();

        // the interaction module adds its part for the same customers (about 3 each, 9,000 for the very heavy buyer)
        assertThat(count("SELECT COUNT(*) FROM interaction i JOIN customer c ON c.id = i.customer_id WHERE c.external_code LIKE 'C1%'"))
                .isBetween(9_000L + 4_000L, 9_000L + 8_000L);
        assertThat(count("SELECT COUNT(*) FROM interaction i JOIN customer c ON c.id = i.customer_id WHERE i.occurred_at < c.created_at OR i.occurred_at > NOW()")).isZero();
        assertThat(count("SELECT COUNT(DISTINCT channel) FROM interaction")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM interaction WHERE follow_up_on IS NOT NULL AND follow_up_on < DATE(occurred_at)")).isZero();

        // the complaint module adds cases: about 3 per 100 orders, far likelier on late, incomplete or returned orders
        long cases = count("SELECT COUNT(*) FROM complaint_case k JOIN customer c ON c.id = k.customer_id WHERE c.external_code LIKE 'C1%'");
        assertThat(cases).isBetween(result.orders() / 100, result.orders() / 20);
        double troubledRate = ratio("SELECT COUNT(k.id) / COUNT(*) FROM customer_order o LEFT JOIN complaint_case k ON k.order_id = o.id"
                + " WHERE o.actual_delivery > o.promised_delivery OR o.delivered_in_full = FALSE OR o.returned_amount > 0");
        double otherRate = ratio("SELECT COUNT(k.id) / COUNT(*) FROM customer_order o LEFT JOIN complaint_case k ON k.order_id = o.id"
                + " WHERE NOT (COALESCE(o.actual_delivery > o.promised_delivery, FALSE) OR COALESCE(o.delivered_in_full = FALSE, FALSE)"
                + " OR o.returned_amount > 0)");
        assertThat(troubledRate).as("cases per troubled order vs per other order").isGreaterThan(3 * otherRate);
        assertThat(count("SELECT COUNT(*) FROM complaint_case k JOIN customer_order o ON o.id = k.order_id WHERE k.customer_id <> o.customer_id OR DATE(k.opened_at) < o.order_date")).isZero();
        assertThat(count("SELECT COUNT(*) FROM complaint_case WHERE resolved_at < opened_at OR first_response_at < opened_at OR closed_at < resolved_at")).isZero();
        assertThat(count("SELECT COUNT(*) FROM complaint_case WHERE status IN ('RESOLVED', 'CLOSED') AND (root_cause_id IS NULL OR resolution IS NULL OR resolved_at IS NULL)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM complaint_case k WHERE NOT EXISTS (SELECT 1 FROM complaint_history h WHERE h.case_id = k.id AND h.kind = 'CREATED')")).isZero();
        assertThat(count("SELECT COUNT(*) FROM complaint_case WHERE resolution_breached_at IS NOT NULL")).as("some breaches").isPositive();
        assertThat(count("SELECT COUNT(*) FROM complaint_case WHERE status = 'CLOSED' AND resolution_breached_at IS NULL")).as("mostly met").isPositive();
        assertThat(count("SELECT COUNT(*) FROM complaint_compensation m JOIN complaint_case k ON k.id = m.case_id WHERE k.resolved_at IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM complaint_compensation")).as("compensations").isPositive();

        // the feedback module adds answers: about one order in eight and one customer in four, sourer after trouble
        long answers = count("SELECT COUNT(*) FROM feedback f JOIN customer c ON c.id = f.customer_id WHERE c.external_code LIKE 'C1%'");
        assertThat(answers).isBetween(result.orders() / 10, result.orders() / 3);
        double detractorsAfterTrouble = ratio("SELECT AVG(f.score <= 6) FROM feedback f JOIN customer_order o ON o.id = f.order_id"
                + " WHERE f.kind = 'NPS' AND (o.actual_delivery > o.promised_delivery OR o.delivered_in_full = FALSE)");
        double detractorsOtherwise = ratio("SELECT AVG(f.score <= 6) FROM feedback f JOIN customer_order o ON o.id = f.order_id"
                + " WHERE f.kind = 'NPS' AND NOT (COALESCE(o.actual_delivery > o.promised_delivery, FALSE) OR COALESCE(o.delivered_in_full = FALSE, FALSE))");
        assertThat(detractorsAfterTrouble).isGreaterThan(2 * detractorsOtherwise);
        double detractorsAfterComplaint = ratio("SELECT AVG(f.score <= 6) FROM feedback f WHERE f.kind = 'NPS'"
                + " AND EXISTS (SELECT 1 FROM complaint_case k WHERE k.order_id = f.order_id)");
        assertThat(detractorsAfterComplaint).as("answers about orders with a complaint").isGreaterThan(detractorsAfterTrouble);
        assertThat(count("SELECT COUNT(*) FROM feedback f WHERE ((f.kind = 'NPS' AND f.score <= 6) OR (f.kind = 'CSAT' AND f.score <= 2))"
                + " AND NOT EXISTS (SELECT 1 FROM feedback_follow_up u WHERE u.feedback_id = f.id)")).as("every unhappy answer is followed up").isZero();
        assertThat(count("SELECT COUNT(*) FROM feedback f JOIN customer c ON c.id = f.customer_id WHERE f.answered_at < c.created_at OR f.answered_at > NOW()")).isZero();
        assertThat(count("SELECT COUNT(*) FROM feedback WHERE (kind = 'NPS' AND score NOT BETWEEN 0 AND 10) OR (kind = 'CSAT' AND score NOT BETWEEN 1 AND 5)")).isZero();

        // the sequences were moved past the generated ids: the application still creates customers and orders
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails created = testCustomers.newCustomer(staff.unitId());
        assertThat(testCustomers.newOrder(created, LocalDate.now(), "10.00").customerId()).isEqualTo(created.id());
    }

    private double ratio(String sql) {
        return jdbc.sql(sql).query(Double.class).single();
    }

    private long count(String sql) {
        Long value = jdbc.sql(sql).query(Long.class).single();
        return value == null ? 0 : value;
    }

    private static String digest(long seed) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        CustomerDataGenerator.Sink sink = new CustomerDataGenerator.Sink() {
            @Override
            public void customer(Object[] row) {
                sha.update(Arrays.deepToString(row).getBytes());
            }

            @Override
            public void order(Object[] row) {
                sha.update(Arrays.deepToString(row).getBytes());
            }

            @Override
            public void referral(Object[] row) {
                sha.update(Arrays.deepToString(row).getBytes());
            }
        };
        CustomerDataGenerator.generate(new CustomerDataGenerator.Size(500, 5_000, seed), UNITS, 1, 1, 1, TODAY, sink, null);
        return HexFormat.of().formatHex(sha.digest());
    }
}
