package io.escalera.bench;

import io.escalera.security.SystemUser;
import io.escalera.value.BackTest;
import io.escalera.value.ValueService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Customer value, RFM, tiers and risk at scale, on the benchmark database of {@link CustomerBenchmarks}. */
@BenchmarkDatabase
@org.springframework.test.context.TestPropertySource(properties = "logging.level.io.escalera.value.internal=debug")
class ValueBenchmarks {

    @Autowired ValueService values;
    @Autowired JdbcClient jdbc;

    private final BenchmarkTable table = new BenchmarkTable("Customer value and early warning");

    @Test
    void benchmarks() throws Exception {
        long customers = jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
        long orders = jdbc.sql("SELECT COUNT(*) FROM customer_order").query(Long.class).single();
        assertThat(customers).as("run CustomerBenchmarks first: it generates the customers").isPositive();

        long start = System.nanoTime();
        SystemUser.run(values::recomputeAll);
        double full = (System.nanoTime() - start) / 1e9;
        table.add(String.format(Locale.ROOT, "value + RFM + tiers + risk recompute over %,d customers / %,d orders", customers, orders),
                String.format(Locale.ROOT, "%.1f s", full), "≤ 120 s", full <= 120);
        table.note(jdbc.sql("""
                SELECT CONCAT('tiers ', GROUP_CONCAT(CONCAT(tier, ' ', n) ORDER BY tier SEPARATOR ', '))
                FROM (SELECT tier, COUNT(*) n FROM customer_value WHERE tier IS NOT NULL GROUP BY tier) t""").query(String.class).single());
        table.note(jdbc.sql("""
                SELECT CONCAT('RFM ', GROUP_CONCAT(CONCAT(rfm_segment, ' ', n) ORDER BY rfm_segment SEPARATOR ', '))
                FROM (SELECT rfm_segment, COUNT(*) n FROM customer_value WHERE rfm_segment IS NOT NULL GROUP BY rfm_segment) t""").query(String.class).single());
        table.note(jdbc.sql("SELECT CONCAT(SUM(at_risk), ' at risk, ', SUM(silent), ' silent decliners') FROM customer_value").query(String.class).single());

        for (int months : List.of(3, 6, 12)) {
            long t = System.nanoTime();
            BackTest test = SystemUser.call(() -> values.backTest(months));
            double seconds = (System.nanoTime() - t) / 1e9;
            table.add(String.format(Locale.ROOT, "back-test %d months: %,d of %,d active flagged, %.0f %% of them lapsed vs base %.0f %% (lift %.2f)",
                            months, test.flagged(), test.active(), pct(test.flaggedLapseRate()), pct(test.baseLapseRate()),
                            test.lift() == null ? 0 : test.lift()),
                    String.format(Locale.ROOT, "%.1f s", seconds), "≤ 30 s", seconds <= 30);
        }

        long largestUnit = jdbc.sql("SELECT home_unit_id FROM customer_value WHERE at_risk GROUP BY home_unit_id ORDER BY COUNT(*) DESC LIMIT 1")
                .query(Long.class).single();
        long[] nanos = new long[60];
        for (int i = -5; i < nanos.length; i++) {
            boolean silent = i % 2 == 0;
            boolean allUnits = i % 3 == 0;
            int offset = (Math.floorMod(i, 4)) * 50;
            long t = System.nanoTime();
            SystemUser.call(() -> values.atRisk(silent, allUnits ? null : largestUnit, false, offset, 50));
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t;
            }
        }
        table.latency("at-risk worklist page of 50 (all units or the largest unit, silent or not, pages 1–4)", nanos, 100);
        long[] matrix = new long[20];
        for (int i = -2; i < matrix.length; i++) {
            boolean allUnits = i % 2 == 0;
            long t = System.nanoTime();
            SystemUser.call(() -> values.matrix(allUnits ? null : largestUnit, false));
            SystemUser.call(() -> values.matrixCell(io.escalera.value.ValueTier.A, io.escalera.value.NpsBand.DETRACTOR,
                    allUnits ? null : largestUnit, false, 0, 50));
            if (i >= 0) {
                matrix[i] = System.nanoTime() - t;
            }
        }
        table.latency("value × satisfaction matrix with its RFM counts, then the first page of the corner (all units or the largest unit)", matrix, 1000);
        table.printAndWrite("value.md");
    }

    private static double pct(Double rate) {
        return rate == null ? 0 : rate * 100;
    }
}
