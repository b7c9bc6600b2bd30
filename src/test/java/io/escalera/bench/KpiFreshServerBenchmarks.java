package io.escalera.bench;

import io.escalera.kpi.Board;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiService;
import io.escalera.kpi.internal.KpiWarmUp;
import io.escalera.security.SystemUser;
import io.escalera.value.ValueTier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boards as the first executive of the day finds them: on a server just started (a fresh JVM and database
 * process; run this class on its own), after the warm-up it runs in the background — or without it, with
 * {@code -Descalera.kpi.warm-up=false}.
 */
@BenchmarkDatabase
class KpiFreshServerBenchmarks {

    @Autowired KpiService kpis;
    @Autowired KpiWarmUp warmUp;
    @Autowired JdbcClient jdbc;
    @Value("${escalera.kpi.warm-up:true}") boolean warmUpOn;

    private final BenchmarkTable table = new BenchmarkTable("KPI boards on a freshly started server");

    @Test
    void firstViewsOnAFreshServer() throws Exception {
        long waitStarted = System.nanoTime();
        boolean warmed = warmUp.awaitStarted(10, TimeUnit.MINUTES);
        assertThat(warmed).as("the warm-up finishes, when on").isEqualTo(warmUpOn);
        double wait = (System.nanoTime() - waitStarted) / 1e9;
        table.add("warm-up in the background after the start (this benchmark's wait for it)", warmUpOn ? String.format(Locale.ROOT, "%.1f s", wait) : "off", "—", true);

        long largestUnit = jdbc.sql("SELECT unit_id FROM customer_order GROUP BY unit_id ORDER BY COUNT(*) DESC LIMIT 1").query(Long.class).single();
        LocalDate today = LocalDate.now();
        Map<String, KpiPeriod> periods = new LinkedHashMap<>();
        periods.put("month", KpiPeriod.of(KpiPeriod.Kind.MONTH, today));
        periods.put("quarter", KpiPeriod.of(KpiPeriod.Kind.QUARTER, today));
        periods.put("year", KpiPeriod.of(KpiPeriod.Kind.YEAR, today));
        Map<String, KpiFilter> filters = new LinkedHashMap<>();
        filters.put("all units", KpiFilter.everything());
        filters.put("the largest unit", new KpiFilter(largestUnit, false, null));
        filters.put("value tier A", KpiFilter.everything().withTier(ValueTier.A));

        long first = -1;
        long slowest = 0;
        StringBuilder detail = new StringBuilder();
        for (Map.Entry<String, KpiFilter> filter : filters.entrySet()) {
            for (Map.Entry<String, KpiPeriod> period : periods.entrySet()) {
                StringBuilder perBoard = new StringBuilder();
                for (Board board : Board.values()) {
                    long t = System.nanoTime();
                    SystemUser.call(() -> kpis.board(board, filter.getValue(), period.getValue()));
                    long millis = (System.nanoTime() - t) / 1_000_000;
                    first = first < 0 ? millis : first;
                    slowest = Math.max(slowest, millis);
                    perBoard.append(perBoard.isEmpty() ? "" : "/").append(millis);
                }
                detail.append(String.format(Locale.ROOT, "%s, %s: executive/service/voice/commerce %s ms; ", filter.getKey(), period.getKey(), perBoard));
            }
        }
        String warmUpState = warmUpOn ? "after the warm-up" : "no warm-up";
        table.add("the very first board viewed (executive, this month, all units), " + warmUpState, first + " ms", "≤ 1,000 ms", first <= 1000);
        table.add("slowest first view of 4 boards × 3 periods (this month, quarter, year) × 3 filters (all units, the largest unit, tier A), " + warmUpState,
                slowest + " ms", "≤ 1,000 ms", slowest <= 1000);
        table.note(detail.toString());
        table.printAndWrite(warmUpOn ? "kpi-fresh-server.md" : "kpi-fresh-server-no-warm-up.md");
    }
}
