package io.escalera.kpi;

import io.escalera.kpi.internal.CustomerActivityFacts;
import io.escalera.kpi.internal.KpiFacts;
import io.escalera.kpi.internal.KpiTargetStore;
import io.escalera.kpi.internal.PercentileMemo;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReport;
import io.escalera.loyalty.LadderReports;
import io.escalera.security.Role;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitScopes;
import io.escalera.value.ValueService;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The boards' numbers, read from the daily facts. EXECUTIVE and ADMIN read every board over every unit; MANAGER their
 * units (wider where the unit rules allow); STAFF only the service board of their units.
 */
@Service
@Transactional(readOnly = true)
public class KpiService {

    static final int TREND_PERIODS = 12;
    private static final long SLOW_BOARD_MILLIS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(KpiService.class);

    private final KpiFacts facts;
    private final MonthlyTrend monthlyTrend;
    private final PercentileMemo memo;
    private final CustomerActivityFacts activityFacts;
    private final KpiTargetStore targets;
    private final UnitScopes scopes;
    private final SignedInUsers signedIn;
    private final Clock clock;
    private final ValueService values;
    private final LadderReports ladder;

    KpiService(KpiFacts facts, MonthlyTrend monthlyTrend, CustomerActivityFacts activityFacts, KpiTargetStore targets,
               UnitScopes scopes, SignedInUsers signedIn, Clock clock, ValueService values, LadderReports ladder,
               PercentileMemo memo) {
        this.facts = facts;
        this.monthlyTrend = monthlyTrend;
        this.memo = memo;
        this.activityFacts = activityFacts;
        this.targets = targets;
        this.scopes = scopes;
        this.signedIn = signedIn;
        this.clock = clock;
        this.values = values;
        this.ladder = ladder;
    }

    /** The boards the signed-in user may open. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public List<Board> boards() {
        boolean staff = signedIn.authenticated().map(u -> u.role() == Role.STAFF).orElse(false);
        return staff ? List.of(Board.SERVICE) : List.of(Board.values());
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public List<KpiTile> board(Board board, KpiFilter filter, KpiPeriod period) {
        if (!boards().contains(board)) {
            throw new AccessDeniedException("board " + board);
        }
        memo.foreground();
        Steps steps = new Steps();
        Set<Long> units = scopes.unitsForList(filter.unitId(), filter.allUnits());
        List<KpiPeriod> trend = new ArrayList<>();
        KpiPeriod p = period;
        for (int i = 0; i < TREND_PERIODS; i++) {
            trend.addFirst(p);
            p = p.previous();
        }
        List<Kpi> kpis = board.kpis();
        CustomerActivityFacts.Ledger customers = customerLedger(kpis, period.to(), filter, units);
        steps.done("customer facts");
        MonthlyTrend.Values read = period.kind() == KpiPeriod.Kind.CUSTOM
                ? new MonthlyTrend.Values(trend.stream().map(t -> values(kpis, t, filter, units, customers)).toList(),
                        values(kpis, period.yearEarlier(), filter, units, customers))
                // whole months: every period of the trend and the year earlier from one read of the monthly roll-up
                : monthlyTrend.read(kpis, period, trend, filter, units, customers, steps);
        List<Map<Kpi, Double>> trendValues = read.trend();
        steps.done("trend (with histograms)");
        Map<Kpi, Double> now = new EnumMap<>(trendValues.getLast());
        addValueSnapshot(kpis, period, filter, now);
        steps.done("value and ladder snapshot");
        Map<Kpi, Double> previous = trendValues.get(TREND_PERIODS - 2);
        KpiFilter targetScope = ownUnitWhenNotChosen(filter);
        // a target is set for every customer of its scope: a tier's numbers are not measured against it
        List<KpiTarget> periodTargets = filter.tier() != null ? List.of()
                : targets.ofPeriod(period).stream().filter(t -> t.appliesTo(targetScope)).toList();
        steps.done("targets");
        if (steps.millis() > SLOW_BOARD_MILLIS) {
            log.warn("Slow {} board: {} ms for {} {} ({})", board, steps.millis(), period, filter, steps);
        }
        return kpis.stream().map(kpi -> new KpiTile(kpi, now.get(kpi), previous.get(kpi), read.yearEarlier().get(kpi),
                trendValues.stream().map(v -> v.get(kpi)).toList(),
                periodTargets.stream().filter(t -> t.kpi() == kpi).findFirst().orElse(null))).toList();
    }

    /** The time of each step of a board, logged when the board misses its 1 s target, to tell which step did. */
    static final class Steps {
        private final long start = System.nanoTime();
        private long last = start;
        private final StringBuilder text = new StringBuilder();

        void done(String step) {
            long now = System.nanoTime();
            text.append(text.isEmpty() ? "" : ", ").append(step).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        long millis() {
            return (System.nanoTime() - start) / 1_000_000;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Whether percentile sparkline points are still being computed in the background (a board shown now may lack some). */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public boolean sparklinesPending() {
        return !memo.idle();
    }

    /**
     * Average economic and strategic value are a snapshot (the value module's last computation over the buying
     * customers of the units), so they belong to the period that contains today only, and to no sales channel.
     */
    private void addValueSnapshot(List<Kpi> kpis, KpiPeriod period, KpiFilter filter, Map<Kpi, Double> now) {
        LocalDate today = LocalDate.now(clock);
        if (!kpis.contains(Kpi.AVERAGE_ECONOMIC_VALUE) || filter.channel() != null
                || today.isBefore(period.from()) || today.isAfter(period.to())) {
            return;
        }
        values.averages(filter.unitId(), filter.allUnits(), filter.tier()).ifPresent(averages -> {
            now.put(Kpi.AVERAGE_ECONOMIC_VALUE, averages.economic());
            now.put(Kpi.AVERAGE_STRATEGIC_VALUE, averages.strategic());
            now.put(Kpi.SILENT_DECLINERS, (double) averages.silentDecliners());
        });
        // the ladder funnel of the units' customers now (a tier: as the ladder's cells count it)
        LadderReport.Funnel funnel = ladder.funnelWithoutClimbDays(ladderFilter(filter));
        for (int rung = 0; rung < Kpi.LADDER_CONVERSIONS.size(); rung++) {
            now.put(Kpi.LADDER_CONVERSIONS.get(rung), funnel.rungs().get(rung).conversionToNext());
        }
    }

    /**
     * The board's filter as the ladder reads it: the same units and tier; no channel, as a sales channel is not an
     * acquisition channel (the conversions are absent with one).
     */
    static LadderFilter ladderFilter(KpiFilter filter) {
        return new LadderFilter(filter.unitId(), filter.allUnits(), null, null, null,
                filter.tier() == null ? null : filter.tier().segmentKey());
    }

    /**
     * The filter whose targets a board shows: a store's STAFF or MANAGER who chose no unit see their own unit's board,
     * so their unit's targets.
     */
    private KpiFilter ownUnitWhenNotChosen(KpiFilter filter) {
        if (filter.unitId() != null || filter.allUnits()) {
            return filter;
        }
        return signedIn.authenticated().filter(u -> u.role() == Role.STAFF || u.role() == Role.MANAGER)
                .map(u -> new KpiFilter(u.unitId(), false, filter.channel(), filter.tier())).orElse(filter);
    }

    /**
     * The executive KPIs unit by unit, side by side (each unit on its own; a region's stores appear one by one), over
     * the units the filter covers.
     */
    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    public Map<Long, Map<Kpi, Double>> compareUnits(KpiFilter filter, KpiPeriod period, List<Kpi> kpis) {
        Set<Long> units = scopes.unitsForList(filter.unitId(), filter.allUnits());
        Map<Long, Map<String, BigDecimal>> sums = facts.sumsByUnit(period.from(), period.to(), filter, units);
        Map<Long, Map<String, TreeMap<Long, Long>>> minutes = needsMinutes(kpis)
                ? facts.minutesByUnit(period.from(), period.to(), filter, units) : Map.of();
        Map<Long, Map<Kpi, Double>> byUnit = new TreeMap<>();
        sums.forEach((unit, unitSums) -> {
            Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
            kpis.forEach(kpi -> values.put(kpi, kpi.valueOf(unitSums, minutes.getOrDefault(unit, Map.of()))));
            byUnit.put(unit, values);
        });
        return byUnit;
    }

    /**
     * The KPI over consecutive periods of one kind ending with {@code last}, oldest first (nulls where nothing was
     * counted), over the given units (null: every unit) and channel.
     */
    List<Double> history(Kpi kpi, KpiPeriod last, int periods, KpiFilter filter, Set<Long> units) {
        List<Double> values = new ArrayList<>();
        KpiPeriod p = last;
        CustomerActivityFacts.Ledger customers = customerLedger(List.of(kpi), last.to(), filter, units);
        for (int i = 0; i < periods; i++) {
            values.addFirst(values(List.of(kpi), p, filter, units, customers).get(kpi));
            p = p.previous();
        }
        return values;
    }

    private Map<Kpi, Double> values(List<Kpi> kpis, KpiPeriod period, KpiFilter filter, Set<Long> units,
                                    CustomerActivityFacts.Ledger customers) {
        Map<String, BigDecimal> sums = facts.sums(period.from(), period.to(), filter, units);
        if (customers != null) {
            sums.putAll(customers.measures(period));
        }
        Map<String, TreeMap<Long, Long>> minutes = needsMinutes(kpis) ? facts.minutes(period.from(), period.to(), filter, units) : Map.of();
        Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
        kpis.forEach(kpi -> values.put(kpi, kpi.valueOf(sums, minutes)));
        return values;
    }

    /** The customer facts up to {@code lastDay}, when one of the KPIs reads them (null otherwise). */
    private CustomerActivityFacts.Ledger customerLedger(List<Kpi> kpis, LocalDate lastDay, KpiFilter filter, Set<Long> units) {
        return kpis.stream().anyMatch(Kpi.CUSTOMER_KPIS::contains) ? activityFacts.ledger(lastDay, filter, units) : null;
    }

    static boolean needsMinutes(List<Kpi> kpis) {
        return kpis.stream().anyMatch(k -> k.format() == Kpi.Format.MINUTES);
    }
}
