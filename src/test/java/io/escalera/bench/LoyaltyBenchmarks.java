package io.escalera.bench;

import io.escalera.customer.OrderForm;
import io.escalera.customer.OrderService;
import io.escalera.customer.SalesChannel;
import io.escalera.loyalty.LoyaltyService;
import io.escalera.security.SystemUser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ladder at scale, on the benchmark database of {@link CustomerBenchmarks}. */
@Tag("benchmark")
@SpringBootTest(properties = {
        "escalera.db.directory=${ESCALERA_BENCH_DIR:./data/bench-mariadb}",
        "escalera.db.database=escalera_bench",
        "escalera.db.buffer-pool-size=${ESCALERA_DB_BUFFER_POOL:6G}",
        "escalera.complaint.breach-job=false", "escalera.feedback.invitation-jobs=false", "escalera.loyalty.nightly-recompute=false",
        "logging.level.root=warn", "logging.level.io.escalera=info", "logging.level.io.escalera.loyalty.internal=debug"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoyaltyBenchmarks {

    @Autowired LoyaltyService loyalty;
    @Autowired OrderService orders;
    @Autowired JdbcClient jdbc;

    private final BenchmarkTable table = new BenchmarkTable("Loyalty ladder");

    @Test
    void benchmarks() throws Exception {
        long customers = jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
        long orderCount = jdbc.sql("SELECT COUNT(*) FROM customer_order").query(Long.class).single();
        assertThat(customers).as("run CustomerBenchmarks first: it generates the customers").isPositive();

        long floorStart = System.nanoTime();
        jdbc.sql("SELECT customer_id, COUNT(*), MAX(order_date) FROM customer_order GROUP BY customer_id").query((rs, n) -> 1).list().size();
        double floor = (System.nanoTime() - floorStart) / 1e9;

        long start = System.nanoTime();
        int changed = SystemUser.call(loyalty::recomputeAll);
        double full = (System.nanoTime() - start) / 1e9;
        table.add(String.format(Locale.ROOT, "full recompute over %,d customers / %,d orders (%,d changed stage)", customers, orderCount, changed),
                String.format(Locale.ROOT, "%.1f s", full), "≤ 60 s", full <= 60);
        table.add("full recompute ÷ plain GROUP BY over the orders (the physical floor)",
                String.format(Locale.ROOT, "%.1f× (floor %.1f s)", full / floor, floor), "≤ 3×", full / floor <= 3);
        table.note(jdbc.sql("SELECT GROUP_CONCAT(CONCAT(stage, ' ', n) ORDER BY stage SEPARATOR ', ') FROM (SELECT stage, COUNT(*) n FROM loyalty_stage GROUP BY stage) s")
                .query(String.class).single());

        long customerId = jdbc.sql("SELECT id FROM customer WHERE external_code = 'C10000100'").query(Long.class).single();
        long unit = jdbc.sql("SELECT home_unit_id FROM customer WHERE id = ?").param(customerId).query(Long.class).single();
        long[] nanos = new long[100];
        for (int i = -5; i < nanos.length; i++) {
            OrderForm form = new OrderForm();
            form.setExternalId("B-" + UUID.randomUUID().toString().substring(0, 12));
            form.setCustomerId(customerId);
            form.setOrderDate(LocalDate.now());
            form.setChannel(SalesChannel.STORE);
            form.setUnitId(unit);
            form.setGrossAmount(new BigDecimal("10.00"));
            SystemUser.call(() -> orders.create(form));
            long t = System.nanoTime();
            SystemUser.call(() -> loyalty.update(customerId));
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t;
            }
        }
        table.latency("incremental update of one customer's stage after an order", nanos, 50);
        table.printAndWrite("loyalty.md");
    }
}
