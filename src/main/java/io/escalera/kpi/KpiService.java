package io.escalera.kpi;

import io.escalera.kpi.internal.CustomerActivityFacts;
import io.escalera.kpi.internal.FactsLock;
import io.escalera.kpi.internal.KpiDrillDown;
import io.escalera.kpi.internal.KpiFacts;
import io.escalera.kpi.internal.KpiTargetStore;
import io.escalera.kpi.internal.PercentileMemo;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReport;
import io.escalera.loyalty.LadderReports;
import io.escalera.loyalty.LadderSegment;
import io.escalera.loyalty.Stage;
import io.escalera.security.Role;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitScopes;
import io.escalera.value.ValueService;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntSupplier;

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
    private final PercentileMemo memo;
    private final CustomerActivityFacts activityFacts;
    private final KpiDrillDown drillDown;
    private final KpiTargetStore targets;
    private final UnitScopes scopes;
    private final SignedInUsers signedIn;
    private final Clock clock;
    private final ValueService values;
    private final LadderReports ladder;
    private final FactsLock factsLock;
    private final TransactionTemplate readCommitted;
    private final io.escalera.shared.ClusterJobs jobs;

    /** The cluster job locks of the full rebuilds (every day's facts), whatever started them. */
    static final String FULL_REBUILD = "kpi.full-rebuild", TIERED_REBUILD = "kpi.tiered-rebuild";
    private static final java.time.Duration FULL_AT_MOST = java.time.Duration.ofHours(6);
    private static final java.time.Duration FULL_MAX_WAIT = java.time.Duration.ofHours(1);

    KpiService(KpiFacts facts, CustomerActivityFacts activityFacts, KpiDrillDown drillDown, KpiTargetStore targets, UnitScopes scopes, SignedInUsers signedIn, Clock clock,
               ValueService values, LadderReports ladder,
               PlatformTransactionManager transactions, PercentileMemo memo,
               FactsLock factsLock, io.escalera.shared.ClusterJobs jobs) {
        this.jobs = jobs;
        this.memo = memo;
        this.factsLock = factsLock;
        this.readCommitted = new TransactionTemplate(transactions);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.values = values;
        this.ladder = ladder;
        this.facts = facts;
        this.activityFacts = activityFacts;
        this.drillDown = drillDown;
        this.targets = targets;
        this.scopes = scopes;
        this.signedIn = signedIn;
        this.clock = clock;
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
        List<Map<Kpi, Double>> trendValues;
        Map<Kpi, Double> yearEarlier;
        CustomerActivityFacts.Ledger customers = customerLedger(kpis, period.to(), filter, units);
        steps.done("customer facts");
        if (period.kind() == KpiPeriod.Kind.CUSTOM) {
            trendValues = trend.stream().map(t -> values(kpis, t, filter, units, customers)).toList();
            yearEarlier = values(kpis, period.yearEarlier(), filter, units, customers);
        } else {
            // whole months: every period of the trend and the year earlier from one read of the monthly roll-up
            KpiPeriod yearBefore = period.yearEarlier();
            YearMonth first = YearMonth.from(trend.getFirst().from().isBefore(yearBefore.from()) ? trend.getFirst().from() : yearBefore.from());
            Map<YearMonth, Map<String, BigDecimal>> months = facts.monthlySums(first, YearMonth.from(period.to()), filter, units);
            steps.done("monthly sums");
            // percentiles need histograms: those of ended periods kept per scope are read from the memo; the rest are
            // read for this period, the one before and the year earlier (for a year, the period before is the year
            // earlier), and computed in the background for the other periods of the sparkline
            boolean percentiles = needsMinutes(kpis);
            String scope = PercentileMemo.scope(filter, units);
            long since = memo.generation();
            List<KpiPeriod> all = new ArrayList<>(trend);
            all.add(yearBefore);
            Map<KpiPeriod, Map<Kpi, Double>> kept = percentiles ? memo.read(scope, all) : Map.of();
            steps.done("kept percentiles");
            Function<KpiPeriod, Map<String, TreeMap<Long, Long>>> histograms = q -> facts.readMinutes(q.from(), q.to(), filter, units);
            Set<KpiPeriod> withMinutes = new HashSet<>();
            if (percentiles) {
                withMinutes.addAll(List.of(period, period.previous(), yearBefore));
                withMinutes.removeAll(kept.keySet());
            }
            Function<KpiPeriod, Map<Kpi, Double>> valuesOf = q -> {
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
            };
            trendValues = trend.stream().map(valuesOf).toList();
            yearEarlier = valuesOf.apply(yearBefore);
            memo.foreground();
            if (percentiles) {
                memo.fillLater(scope, filter.tier() != null, trend.stream().filter(q -> !kept.containsKey(q) && !withMinutes.contains(q)).toList(),
                        histograms);
            }
        }
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
        return kpis.stream().map(kpi -> new KpiTile(kpi, now.get(kpi), previous.get(kpi), yearEarlier.get(kpi),
                trendValues.stream().map(v -> v.get(kpi)).toList(),
                periodTargets.stream().filter(t -> t.kpi() == kpi).findFirst().orElse(null))).toList();
    }

    /** The time of each step of a board, logged when the board misses its 1 s target, to tell which step did. */
    private static final class Steps {
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

    /** The records behind a tile (orders, cases, contacts or answers), newest first, in the board's period and filter. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    public List<KpiRecord> records(Board board, Kpi kpi, KpiFilter filter, KpiPeriod period, long offset, int limit) {
        if (!boards().contains(board) || !board.kpis().contains(kpi)) {
            throw new AccessDeniedException("board " + board);
        }
        if (!kpi.fromDailyFacts()) {
            return snapshotRecords(kpi, filter, offset, limit);
        }
        return drillDown.records(kpi, period.from(), period.to(), filter, scopes.unitsForList(filter.unitId(), filter.allUnits()), offset, limit);
    }

    /**
     * The customers behind a snapshot number, as they stand now: the buying customers by value (average values), the
     * silent decliners, or the customers who reached the next rung (a ladder conversion).
     */
    private List<KpiRecord> snapshotRecords(Kpi kpi, KpiFilter filter, long offset, int limit) {
        LocalDateTime now = LocalDateTime.now(clock);
        int rung = Kpi.LADDER_CONVERSIONS.indexOf(kpi);
        if (rung >= 0) {
            Stage next = Stage.values()[rung + 1];
            return ladder.customers(ladderFilter(filter), new LadderSegment.Reached(next), offset, limit)
                    .stream().map(c -> new KpiRecord("customer", c.customerId(), c.since() == null ? now : c.since().atStartOfDay(),
                            c.customerId(), c.code(), c.name(), "kpi.record.stage", c.stage().name())).toList();
        }
        boolean silent = kpi == Kpi.SILENT_DECLINERS;
        return values.valued(silent, filter.unitId(), filter.allUnits(), filter.tier(), offset, limit).stream()
                .map(v -> new KpiRecord("customer", v.customerId(), v.flaggedOn() == null ? now : v.flaggedOn().atStartOfDay(),
                        v.customerId(), null, v.name(), silent ? "kpi.record.at-risk" : "kpi.record.value",
                        silent ? String.valueOf(v.riskScore())
                                : v.economicValue().setScale(2, RoundingMode.HALF_UP).toPlainString() + "|"
                                + v.strategicValue().setScale(2, RoundingMode.HALF_UP).toPlainString())).toList();
    }

    /**
     * The board's filter as the ladder reads it: the same units and tier; no channel, as a sales channel is not an
     * acquisition channel (the conversions are absent with one).
     */
    private static LadderFilter ladderFilter(KpiFilter filter) {
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
     * The answers behind a voice number: one kind (NPS, CSAT, CES) with a score in [minScore, maxScore] — e.g. the
     * detractors behind an NPS (0–6) — in the period and filter of the board.
     */
    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    public List<KpiAnswer> answers(KpiFilter filter, KpiPeriod period, String kind, int minScore, int maxScore, long offset, int limit) {
        return drillDown.answers(period.from(), period.to(), filter, scopes.unitsForList(filter.unitId(), filter.allUnits()), kind,
                minScore, maxScore, offset, limit);
    }

    /**
     * How many answers gave each score (kind → score → answers: NPS 0–10, CSAT 1–5, CES 1–7) in the period and
     * filter — the Voice board's distributions, from the summary like its other numbers.
     */
    @RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
    public Map<String, TreeMap<Integer, Long>> scoreDistributions(KpiFilter filter, KpiPeriod period) {
        return facts.scores(period.from(), period.to(), filter, scopes.unitsForList(filter.unitId(), filter.allUnits()));
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

    private static boolean needsMinutes(List<Kpi> kpis) {
        return kpis.stream().anyMatch(k -> k.format() == Kpi.Format.MINUTES);
    }

    /**
     * Rebuilds every day's facts from the base tables (nightly, after an import or a generated data set). Read
     * committed: an INSERT … SELECT at repeatable read would lock the rows it reads and stall (or deadlock) the orders,
     * cases and answers being written meanwhile. @return rows
     */
    @RolesAllowed("ADMIN")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int rebuild() {
        return queued(FULL_REBUILD, () -> exclusively(() -> everyDay(facts::rebuildUntiered)));
    }

    /** The nightly rebuild of every day: skipped when one is going on (on any node). @return rows, or -1 when skipped */
    @RolesAllowed("ADMIN")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int rebuildUnlessRunning() {
        int[] rows = {-1};
        jobs.runAlone(FULL_REBUILD, FULL_AT_MOST, () -> rows[0] = exclusively(() -> everyDay(facts::rebuildUntiered)));
        return rows[0];
    }

    /**
     * A full rebuild under its cluster job lock: one asked for while another goes on (on any node) waits for it to end,
     * then runs — unless one that started after it was asked for has completed meanwhile (then 0 rows here).
     */
    private int queued(String job, IntSupplier rebuild) {
        int[] rows = {0};
        jobs.runQueued(job, FULL_AT_MOST, FULL_MAX_WAIT, true, () -> rows[0] = rebuild.getAsInt());
        return rows[0];
    }

    /**
     * Takes the tiers of the value module's last full run and rebuilds every day's facts per tier with them (after
     * each full value run), in one transaction: a board filtered by tier sees the old tiers or the new, never a mix.
     * @return rows
     */
    @RolesAllowed("ADMIN")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int rebuildTiered() {
        return queued(TIERED_REBUILD, () -> exclusively(() -> everyDay(facts::rebuildTiered)));
    }

    /** Rebuilds the facts of some days, over every customer and per tier (after the events of those days). */
    @RolesAllowed("ADMIN")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int rebuild(LocalDate from, LocalDate to) {
        return exclusively(() -> facts.rebuild(from, to));
    }

    /** A rebuild of every day from the first with data to today; none when there is no data. */
    private int everyDay(BiFunction<LocalDate, LocalDate, Integer> rebuild) {
        LocalDate first = facts.firstDay();
        return first == null ? 0 : rebuild.apply(first, LocalDate.now(clock));
    }

    /**
     * One rebuild at a time, each in its own read-committed transaction, the lock held until it commits: two rebuilds
     * of the same day (today's refresh during the nightly one) would each delete what the other has not committed yet
     * and then insert the same rows twice. Within a node the facts lock orders them; across nodes the generation row,
     * which each rebuild moves on first and holds until it commits (percentiles read before are then not kept).
     */
    private int exclusively(IntSupplier rebuild) {
        return factsLock.exclusively(() -> {
            Integer rows = readCommitted.execute(status -> {
                memo.moveGenerationOn();
                return rebuild.getAsInt();
            });
            return rows == null ? 0 : rows;
        });
    }
}
