package io.escalera.value.internal;

import io.escalera.value.BackTest;
import io.escalera.value.ValueRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The risk rule run as it would have run on an earlier day, and checked against who bought nothing since. */
@Component
public class RiskBackTest {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    RiskBackTest(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * The risk rule as it would have run on {@code cutoff}: facts as of the end of that day only. @return per active
     * customer (a purchase in the 365 days before the cut-off) whether it was flagged, in customer order
     */
    public Map<Long, Boolean> flaggedOn(LocalDate cutoff, ValueRules rules) {
        return flaggedOn(cutoff, rules, null);
    }

    /** As {@link #flaggedOn(LocalDate, ValueRules)}, for customers of these home units only (null: every unit). */
    public Map<Long, Boolean> flaggedOn(LocalDate cutoff, ValueRules rules, Set<Long> units) {
        Map<Long, Boolean> flagged = new LinkedHashMap<>();
        Instant endOfCutoff = Timestamp.valueOf(cutoff.plusDays(1).atStartOfDay()).toInstant();
        FactsReader.read(dataSource, cutoff, endOfCutoff, false, f -> {
            if (f.active() && (units == null || units.contains(f.homeUnitId()))) {
                flagged.put(f.customerId(), RiskRule.assess(f, cutoff, rules).score() >= rules.riskThreshold());
            }
        });
        return flagged;
    }

    /**
     * The back-test for one horizon over customers of these units (null: all): who the rule flagged on the cut-off, and
     * who bought nothing from then to {@code day}.
     */
    public BackTest backTest(int months, LocalDate day, ValueRules rules, Set<Long> units) {
        LocalDate cutoff = day.minusMonths(months);
        Map<Long, Boolean> flagged = flaggedOn(cutoff, rules, units);
        Set<Long> boughtSince = new HashSet<>(jdbc.sql(
                        "SELECT DISTINCT customer_id FROM customer_order WHERE order_date > ? AND order_date <= ?")
                .params(cutoff, day).query(Long.class).list());
        long flaggedCount = 0, flaggedLapsed = 0, lapsed = 0;
        for (Map.Entry<Long, Boolean> e : flagged.entrySet()) {
            boolean gone = !boughtSince.contains(e.getKey());
            if (gone) lapsed++;
            if (e.getValue()) {
                flaggedCount++;
                if (gone) flaggedLapsed++;
            }
        }
        return new BackTest(months, cutoff, flagged.size(), flaggedCount, flaggedLapsed, lapsed);
    }
}
