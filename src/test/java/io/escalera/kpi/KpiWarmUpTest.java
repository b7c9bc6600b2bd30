package io.escalera.kpi;

import io.escalera.kpi.internal.KpiWarmUp;
import io.escalera.kpi.internal.PercentileMemo;
import io.escalera.support.EscaleraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@EscaleraTest
class KpiWarmUpTest {

    @Autowired KpiWarmUp warmUp;
    @Autowired PercentileMemo percentiles;
    @Autowired JdbcClient jdbc;

    @Test
    void theWarmUpViewsEveryBoardOverEveryUnitAndKeepsTheirPercentileSparklinePoints() throws Exception {
        jdbc.sql("DELETE FROM kpi_period_percentile").update();

        // the four boards for the year and the quarter, and for the year of each value tier
        assertThat(warmUp.warmUp()).isEqualTo((2 + io.escalera.value.ValueTier.values().length) * Board.values().length);
        // the refresh of days touched by earlier tests may rebuild facts meanwhile: the values the boards computed
        // themselves (the previous and the year-earlier periods) are then computed again, not dropped
        awaitKeptPercentiles();

        // every ended period of the two sparklines is kept for the scope of every unit: 11 years and 11 quarters
        assertThat(keptOfEveryUnit()).isEqualTo(22);
        assertThat(warmUp.awaitStarted(1, TimeUnit.MILLISECONDS)).as("off in the tests: nothing started with the server").isFalse();
    }

    private long keptOfEveryUnit() {
        return jdbc.sql("SELECT COUNT(DISTINCT period_from, period_to) FROM kpi_period_percentile WHERE scope = ? AND tiered = FALSE")
                .param(PercentileMemo.scope(KpiFilter.everything(), null)).query(Long.class).single();
    }

    private void awaitKeptPercentiles() throws InterruptedException {
        for (int i = 0; i < 200 && !percentiles.idle(); i++) {
            Thread.sleep(50);
        }
    }
}
