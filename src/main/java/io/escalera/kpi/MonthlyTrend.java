package io.escalera.kpi;

import io.escalera.kpi.internal.CustomerActivityFacts;
import io.escalera.kpi.internal.KpiFacts;
import io.escalera.kpi.internal.PercentileMemo;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A board's trend over whole months and the year earlier, from one read of the monthly roll-up. Percentiles need
 * histograms: those of ended periods kept per scope are read from the memo; the rest are read for this period, the one
 * before and the year earlier (for a year, the period before is the year earlier), and computed in the background for
 * the other periods of the sparkline.
 */
@Component
class MonthlyTrend {

    private final KpiFacts facts;
    private final PercentileMemo memo;

    MonthlyTrend(KpiFacts facts, PercentileMemo memo) {
        this.facts = facts;
        this.memo = memo;
    }

    /** The values of each period of the trend (oldest first) and of the year earlier. */
    record Values(List<Map<Kpi, Double>> trend, Map<Kpi, Double> yearEarlier) {
    }

    Values read(List<Kpi> kpis, KpiPeriod period, List<KpiPeriod> trend, KpiFilter filter, Set<Long> units,
                CustomerActivityFacts.Ledger customers, KpiService.Steps steps) {
        KpiPeriod yearBefore = period.yearEarlier();
        YearMonth first = YearMonth.from(trend.getFirst().from().isBefore(yearBefore.from()) ? trend.getFirst().from() : yearBefore.from());
        Map<YearMonth, Map<String, BigDecimal>> months = facts.monthlySums(first, YearMonth.from(period.to()), filter, units);
        steps.done("monthly sums");
        boolean percentiles = KpiService.needsMinutes(kpis);
        List<KpiPeriod> all = new ArrayList<>(trend);
        all.add(yearBefore);
        String scope = PercentileMemo.scope(filter, units);
        long since = memo.generation();
        Read read = new Read(kpis, filter, units, customers, months, scope, since, percentiles ? memo.read(scope, all) : Map.of());
        steps.done("kept percentiles");
        if (percentiles) {
            read.withMinutes.addAll(List.of(period, period.previous(), yearBefore));
            read.withMinutes.removeAll(read.kept.keySet());
        }
        List<Map<Kpi, Double>> trendValues = trend.stream().map(read::valuesOf).toList();
        Map<Kpi, Double> yearEarlier = read.valuesOf(yearBefore);
        memo.foreground();
        if (percentiles) {
            memo.fillLater(read.scope, filter.tier() != null,
                    trend.stream().filter(q -> !read.kept.containsKey(q) && !read.withMinutes.contains(q)).toList(), read.histograms);
        }
        return new Values(trendValues, yearEarlier);
    }

    /** One board's read: the monthly sums, the kept percentiles and the periods whose histograms are read now. */
    private final class Read {
        private final List<Kpi> kpis;
        private final KpiFilter filter;
        private final Set<Long> units;
        private final CustomerActivityFacts.Ledger customers;
        private final Map<YearMonth, Map<String, BigDecimal>> months;
        private final String scope;
        private final long since;
        private final Map<KpiPeriod, Map<Kpi, Double>> kept;
        private final Set<KpiPeriod> withMinutes = new HashSet<>();
        private final Function<KpiPeriod, Map<String, TreeMap<Long, Long>>> histograms;

        Read(List<Kpi> kpis, KpiFilter filter, Set<Long> units, CustomerActivityFacts.Ledger customers,
             Map<YearMonth, Map<String, BigDecimal>> months, String scope, long since, Map<KpiPeriod, Map<Kpi, Double>> kept) {
            this.kpis = kpis;
            this.filter = filter;
            this.units = units;
            this.customers = customers;
            this.months = months;
            this.scope = scope;
            this.since = since;
            this.kept = kept;
            this.histograms = q -> facts.readMinutes(q.from(), q.to(), filter, units);
        }

        Map<Kpi, Double> valuesOf(KpiPeriod q) {
            Map<String, BigDecimal> sums = new HashMap<>();
            for (YearMonth m = YearMonth.from(q.from()); !m.isAfter(YearMonth.from(q.to())); m = m.plusMonths(1)) {
                months.getOrDefault(m, Map.of()).forEach((measure, value) -> sums.merge(measure, value, BigDecimal::add));
            }
            if (customers != null) {
                sums.putAll(customers.measures(q));
            }
            Map<Kpi, Double> minuteValues = kept.getOrDefault(q, Map.of());
            if (withMinutes.contains(q)) {
                minuteValues = PercentileMemo.valuesOf(facts.minutes(q.from(), q.to(), filter, units));
                memo.keepLater(scope, filter.tier() != null, q, minuteValues, since, histograms);
            }
            Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
            for (Kpi kpi : kpis) {
                values.put(kpi, kpi.format() == Kpi.Format.MINUTES ? minuteValues.get(kpi) : kpi.valueOf(sums, Map.of()));
            }
            return values;
        }
    }
}
