package io.escalera.bench;

import io.escalera.customer.OrderForm;
import io.escalera.customer.OrderService;
import io.escalera.customer.SalesChannel;
import io.escalera.customer.AcquisitionChannel;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReports;
import io.escalera.loyalty.LoyaltyService;
import io.escalera.security.SystemUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ladder at scale, on the benchmark database of {@link CustomerBenchmarks}. */
@BenchmarkDatabase
@org.springframework.test.context.TestPropertySource(properties = "logging.level.io.escalera.loyalty.internal=debug")
class LoyaltyBenchmarks {

    @Autowired LoyaltyService loyalty;
    @Autowired OrderService orders;
    @Autowired JdbcClient jdbc;
    @Autowired LadderReports reports;

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

        start = System.nanoTime();
        SystemUser.run(loyalty::refreshSegmentCells);
        table.add(String.format(Locale.ROOT, "value tiers taken and funnel cells counted per tier (after each full value run; %,d customers with a tier)",
                        jdbc.sql("SELECT COUNT(*) FROM ladder_customer_segment").query(Long.class).single()),
                String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9), "—", true);

        reports();
        table.printAndWrite("loyalty.md");
    }

    /**
     * The full recompute next to its floor, several times ({@code -Dbench.loyalty.runs}, default 3): the plain
     * {@code GROUP BY customer_id} over the orders timed right before and right after each recompute (the floor moves
     * with the machine's load, so each recompute is divided by the mean of its own two floors). Its phases are in the
     * debug log ("ladder recompute: …"). Run alone with {@code -Dtest='LoyaltyBenchmarks#fullRecomputeAgainstItsFloor'}.
     */
    @Test
    void fullRecomputeAgainstItsFloor() throws Exception {
        BenchmarkTable recompute = new BenchmarkTable("Loyalty ladder: full recompute against its floor");
        long customers = jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
        long orderCount = jdbc.sql("SELECT COUNT(*) FROM customer_order").query(Long.class).single();
        int runs = Integer.getInteger("bench.loyalty.runs", 3);
        for (int run = 1; run <= runs; run++) {
            double before = floorSeconds();
            long start = System.nanoTime();
            int changed = SystemUser.call(loyalty::recomputeAll);
            double full = (System.nanoTime() - start) / 1e9;
            double after = floorSeconds();
            double floor = (before + after) / 2;
            recompute.add(String.format(Locale.ROOT, "run %d: full recompute over %,d customers / %,d orders (%,d changed stage) "
                            + "÷ plain GROUP BY customer_id over the orders (floor %.1f s before, %.1f s after)",
                            run, customers, orderCount, changed, before, after),
                    String.format(Locale.ROOT, "%.1f s = %.1f× the floor", full, full / floor), "≤ 3×", full / floor <= 3);
        }
        recompute.printAndWrite("loyalty-recompute.md");
    }

    private double floorSeconds() {
        long start = System.nanoTime();
        jdbc.sql("SELECT customer_id, COUNT(*), MAX(order_date) FROM customer_order GROUP BY customer_id").query((rs, n) -> 1).list().size();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Funnel and movement (target ≤ 1 s each for any filter), cohorts and lifecycle, over every kind of filter. */
    private void reports() {
        long largestUnit = jdbc.sql("SELECT home_unit_id FROM customer GROUP BY home_unit_id ORDER BY COUNT(*) DESC LIMIT 1")
                .query(Long.class).single();
        LocalDate today = LocalDate.now();
        YearMonth month = YearMonth.from(today).minusMonths(14);
        Map<String, LadderFilter> filters = new LinkedHashMap<>();
        filters.put("all customers", LadderFilter.everyone());
        filters.put("the largest unit", new LadderFilter(largestUnit, false, null, null, null));
        filters.put("channel WEB", new LadderFilter(null, false, AcquisitionChannel.WEB, null, null));
        filters.put("one acquisition month", new LadderFilter(null, false, null, month.atDay(1), month.atEndOfMonth()));
        filters.put("unit + STORE + a quarter", new LadderFilter(largestUnit, false, AcquisitionChannel.STORE,
                month.minusMonths(2).atDay(1), month.atEndOfMonth()));
        // customer segments of the value module (run ValueBenchmarks first): the widest tier, and the at-risk customers
        filters.put("value tier C", new LadderFilter(null, false, null, null, null, "tier-C"));
        filters.put("the largest unit, value tier A", new LadderFilter(largestUnit, false, null, null, null, "tier-A"));
        filters.put("at-risk customers", new LadderFilter(null, false, null, null, null, "at-risk"));
        long worstFunnel = 0;
        long worstMovement = 0;
        long worstCohorts = 0;
        long worstLifecycle = 0;
        StringBuilder detail = new StringBuilder();
        for (Map.Entry<String, LadderFilter> filter : filters.entrySet()) {
            long funnel = timed(() -> reports.funnel(filter.getValue()));
            long movement = timed(() -> reports.movement(filter.getValue(), today.minusDays(90), today));
            long cohorts = timed(() -> reports.cohorts(filter.getValue(), 24, 6));
            long lifecycle = timed(() -> reports.lifecycle(filter.getValue()));
            worstFunnel = Math.max(worstFunnel, funnel);
            worstMovement = Math.max(worstMovement, movement);
            worstCohorts = Math.max(worstCohorts, cohorts);
            worstLifecycle = Math.max(worstLifecycle, lifecycle);
            detail.append(String.format(Locale.ROOT, "%s: funnel %d ms, movement %d ms, cohorts %d ms, lifecycle %d ms; ",
                    filter.getKey(), funnel, movement, cohorts, lifecycle));
        }
        table.add("ladder funnel (now, ever reached, conversion, median days to climb), slowest of 8 filters",
                worstFunnel + " ms", "≤ 1,000 ms", worstFunnel <= 1000);
        table.add("movement over 90 days (flows and per-rung table), slowest of 8 filters", worstMovement + " ms", "≤ 1,000 ms", worstMovement <= 1000);
        table.add("cohorts (24 acquisition months, 6-month horizon), slowest of 8 filters", worstCohorts + " ms", "—", true);
        table.add("lifecycle funnel, slowest of 8 filters", worstLifecycle + " ms", "—", true);
        table.note(detail.toString());
    }

    /** The slowest of three runs after one warm-up, in milliseconds. */
    private static long timed(Runnable report) {
        SystemUser.run(report);
        long worst = 0;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            SystemUser.run(report);
            worst = Math.max(worst, (System.nanoTime() - start) / 1_000_000);
        }
        return worst;
    }
}
