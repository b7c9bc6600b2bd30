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
        for (int i = 0; i < 200 && !percentiles.idle(); i++) {
            Thread.sleep(50);
        }

        // every ended period of the two sparklines is kept for the scope of every unit: 11 years and 11 quarters
        String everyUnit = PercentileMemo.scope(KpiFilter.everything(), null);
        long kept = jdbc.sql("SELECT COUNT(DISTINCT period_from, period_to) FROM kpi_period_percentile WHERE scope = ? AND tiered = FALSE")
                .param(everyUnit).query(Long.class).single();
        assertThat(kept).isEqualTo(22);
        assertThat(warmUp.awaitStarted(1, TimeUnit.MILLISECONDS)).as("off in the tests: nothing started with the server").isFalse();
    }
}
