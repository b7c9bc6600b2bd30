package io.escalera.kpi.internal;

import io.escalera.kpi.Kpi;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The percentile KPIs (median and p90 minutes) of ended periods, per board scope, kept in
 * {@code kpi_period_percentile}: a percentile cannot be added up from days or units, and reading the minute
 * histograms of a sparkline's twelve periods at every view takes seconds at scale. A board reads the periods it finds
 * here and has the missing ones computed in the background, one at a time. A rebuild that changes the minute facts of
 * a month forgets the periods that cover it; the nightly rebuild of every day, which mostly writes the same facts
 * again, so keeps them.
 */
@Component
public class PercentileMemo {

    /** The KPIs kept: all four are computed from the same histograms and written together. */
    public static final List<Kpi> KPIS = Arrays.stream(Kpi.values()).filter(k -> k.format() == Kpi.Format.MINUTES).toList();

    private static final Logger log = LoggerFactory.getLogger(PercentileMemo.class);
    /** How long the boards of the node must have been quiet before the background computes. */
    private static final long QUIET_NANOS = 700_000_000L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("kpi-percentiles").daemon().factory());
    /** The newest work waiting per scope and period. */
    private final Map<String, Runnable> queued = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final FactsLock factsLock;
    private volatile long lastForeground = System.nanoTime() - QUIET_NANOS;

    private final TransactionTemplate transaction;

    PercentileMemo(JdbcClient jdbc, Clock clock, FactsLock factsLock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.factsLock = factsLock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The scope of a board (units, channel, tier), as the key of its rows: its {@link #scopeText} hashed. */
    public static String scope(KpiFilter filter, Set<Long> units) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scopeText(filter, units).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scope of a board as text (channel, tier, the units in order, or * for all). */
    static String scopeText(KpiFilter filter, Set<Long> units) {
        return filter.channel() + "|" + filter.tier() + "|" + (units == null ? "*" : new TreeSet<>(units));
    }

    /** The four percentile KPIs of a period's minute histograms. */
    public static Map<Kpi, Double> valuesOf(Map<String, TreeMap<Long, Long>> minutes) {
        Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
        KPIS.forEach(kpi -> values.put(kpi, kpi.valueOf(Map.of(), minutes)));
        return values;
    }

    /**
     * The generation of the facts, as the current transaction sees them (a board's reads share its snapshot). Every
     * rebuild, on any node, moves it on: a value computed from facts of an earlier generation is not kept.
     */
    public long generation() {
        return jdbc.sql("SELECT generation FROM kpi_facts_generation WHERE id = 1").query(Long.class).single();
    }

    /**
     * Moves the generation on: first thing in a rebuild's transaction, whose row lock is then held until the rebuild
     * commits — a value being kept meanwhile (on any node) waits for it, then finds the generation moved.
     */
    public void moveGenerationOn() {
        jdbc.sql("UPDATE kpi_facts_generation SET generation = generation + 1 WHERE id = 1").update();
    }

    /** Whether a period has ended (only those are kept: the current one still changes). */
    public boolean ended(KpiPeriod period) {
        return period.to().isBefore(LocalDate.now(clock));
    }

    /** The kept values of those of the periods found, by period. */
    public Map<KpiPeriod, Map<Kpi, Double>> read(String scope, Collection<KpiPeriod> periods) {
        List<KpiPeriod> ended = periods.stream().filter(this::ended).distinct().toList();
        if (ended.isEmpty()) {
            return Map.of();
        }
        Map<String, KpiPeriod> byDays = new HashMap<>();
        List<Object> params = new ArrayList<>(List.of(scope));
        StringBuilder any = new StringBuilder();
        for (KpiPeriod period : ended) {
            byDays.put(period.from() + "|" + period.to(), period);
            any.append(any.isEmpty() ? "" : " OR ").append("(period_from = ? AND period_to = ?)");
            params.add(Date.valueOf(period.from()));
            params.add(Date.valueOf(period.to()));
        }
        Map<KpiPeriod, Map<Kpi, Double>> found = new HashMap<>();
        jdbc.sql("SELECT period_from, period_to, kpi, value FROM kpi_period_percentile WHERE scope = ? AND (" + any + ")")
                .params(params).query(rs -> {
                    KpiPeriod period = byDays.get(rs.getDate(1).toLocalDate() + "|" + rs.getDate(2).toLocalDate());
                    Kpi kpi = Kpi.valueOf(rs.getString(3));
                    double value = rs.getDouble(4);
                    // a period without cases has no percentile: null, not 0
                    found.computeIfAbsent(period, p -> new EnumMap<>(Kpi.class)).put(kpi, rs.wasNull() ? null : value);
                });
        return found;
    }

    /** Writes the values unless the facts were rebuilt since {@code since}, checked under a shared lock of the generation. */
    private void write(String scope, boolean tiered, KpiPeriod period, Map<Kpi, Double> values, long since) {
        transaction.executeWithoutResult(status -> {
            long now = jdbc.sql("SELECT generation FROM kpi_facts_generation WHERE id = 1 LOCK IN SHARE MODE").query(Long.class).single();
            if (now == since) {
                insert(scope, tiered, period, values);
            }
        });
    }

    private void insert(String scope, boolean tiered, KpiPeriod period, Map<Kpi, Double> values) {
        List<Object> params = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (Kpi kpi : KPIS) {
            rows.append(rows.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            params.addAll(Arrays.asList(scope, Date.valueOf(period.from()), Date.valueOf(period.to()), kpi.name(), tiered, values.get(kpi)));
        }
        jdbc.sql("INSERT IGNORE INTO kpi_period_percentile (scope, period_from, period_to, kpi, tiered, value) VALUES " + rows)
                .params(params).update();
    }

    /**
     * Keeps values a board has just computed, in the background (a board reads in a read-only transaction). When the
     * facts were rebuilt since {@code since} (a {@link #generation()} taken before the board read them) — any day's
     * refresh moves it — the values are computed again from {@code minutes} (their histograms) instead.
     */
    public void keepLater(String scope, boolean tiered, KpiPeriod period, Map<Kpi, Double> values, long since,
                          Function<KpiPeriod, Map<String, TreeMap<Long, Long>>> minutes) {
        later(scope, period, () -> keep(scope, tiered, period, values, since, minutes));
    }

    /** Computes and keeps the periods' values in the background, each once, from {@code minutes} (their histograms). */
    public void fillLater(String scope, boolean tiered, Collection<KpiPeriod> periods,
                          Function<KpiPeriod, Map<String, TreeMap<Long, Long>>> minutes) {
        for (KpiPeriod period : periods) {
            later(scope, period, () -> keep(scope, tiered, period, null, -1, minutes));
        }
    }

    /**
     * Keeps the values computed at generation {@code since}, or computes them from the facts as they are now (run with
     * no rebuild on this node: the facts lock); not kept when a rebuild on another node commits meanwhile.
     */
    private void keep(String scope, boolean tiered, KpiPeriod period, Map<Kpi, Double> values, long since,
                      Function<KpiPeriod, Map<String, TreeMap<Long, Long>>> minutes) {
        long now = generation();
        write(scope, tiered, period, values != null && now == since ? values : valuesOf(minutes.apply(period)), now);
    }

    /** A board is being read: the background waits until boards have been quiet for a moment. */
    public void foreground() {
        lastForeground = System.nanoTime();
    }

    /**
     * Runs the work for a period in the background once the boards are quiet; a newer request for the same period and
     * scope replaces one still waiting (which may hold values read before a rebuild and would then keep nothing).
     */
    private void later(String scope, KpiPeriod period, Runnable work) {
        String key = scope + "|" + period.from() + "|" + period.to();
        if (!ended(period)) {
            return;
        }
        inFlight.incrementAndGet(); // before the work is visible: idle() never reports a waiting period as done
        if (queued.put(key, work) != null) {
            inFlight.decrementAndGet(); // the task already waiting for this period runs the newest work
            return;
        }
        background.execute(() -> {
            try {
                // boards first: the points are computed once the boards on this node are quiet
                while (System.nanoTime() - lastForeground < QUIET_NANOS) {
                    Thread.sleep(100);
                }
                factsLock.exclusively(() -> {
                    Runnable newest = queued.remove(key);
                    if (newest != null) {
                        newest.run();
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                log.warn("Percentiles of {} to {} could not be kept", period.from(), period.to(), e);
            } catch (InterruptedException e) {
                queued.remove(key);
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /**
     * In a rebuild of the facts (over every customer or per tier), after the new facts are written: forgets the kept
     * periods covering a month whose minute facts changed (in the rebuild's transaction).
     */
    public void rebuilt(boolean tiered, Collection<YearMonth> changedMonths) {
        for (YearMonth month : changedMonths) {
            jdbc.sql("DELETE FROM kpi_period_percentile WHERE tiered = ? AND period_from <= ? AND period_to >= ?")
                    .params(tiered, Date.valueOf(month.atEndOfMonth()), Date.valueOf(month.atDay(1))).update();
        }
    }

    /** Forgets everything kept (the benchmark measures first views with it). */
    public void forgetAll() {
        moveGenerationOn();
        jdbc.sql("DELETE FROM kpi_period_percentile").update();
    }

    /** Whether no period is waiting to be computed (for tests and the benchmark). */
    public boolean idle() {
        return inFlight.get() == 0;
    }

    @PreDestroy
    void stop() {
        // queued and running work may go on for up to 1 s and end its transaction before the pool closes (this bean
        // uses the pool, so it is destroyed first); what is left then is interrupted and recomputed when needed
        background.shutdown();
        try {
            if (!background.awaitTermination(1, TimeUnit.SECONDS)) {
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            background.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
