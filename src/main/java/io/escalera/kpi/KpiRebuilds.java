package io.escalera.kpi;

import io.escalera.kpi.internal.FactsLock;
import io.escalera.kpi.internal.KpiFactsWriter;
import io.escalera.kpi.internal.PercentileMemo;
import io.escalera.shared.ClusterJobs;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;

/**
 * The maintenance of the daily facts the boards read: rebuilds of some days or of every day, one at a time on a node
 * and across nodes (the boards themselves are read by {@link KpiService}).
 */
@Service
public class KpiRebuilds {

    /** The cluster job locks of the full rebuilds (every day's facts), whatever started them. */
    static final String FULL_REBUILD = "kpi.full-rebuild", TIERED_REBUILD = "kpi.tiered-rebuild";
    private static final Duration FULL_AT_MOST = Duration.ofHours(6);
    private static final Duration FULL_MAX_WAIT = Duration.ofHours(1);

    private final KpiFactsWriter facts;
    private final PercentileMemo memo;
    private final FactsLock factsLock;
    private final TransactionTemplate readCommitted;
    private final ClusterJobs jobs;
    private final Clock clock;

    KpiRebuilds(KpiFactsWriter facts, PercentileMemo memo, FactsLock factsLock, PlatformTransactionManager transactions,
                ClusterJobs jobs, Clock clock) {
        this.facts = facts;
        this.memo = memo;
        this.factsLock = factsLock;
        this.readCommitted = new TransactionTemplate(transactions);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.jobs = jobs;
        this.clock = clock;
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

    /**
     * A full rebuild under its cluster job lock: one asked for while another goes on (on any node) waits for it to end,
     * then runs — unless one that started after it was asked for has completed meanwhile (then 0 rows here).
     */
    private int queued(String job, IntSupplier rebuild) {
        int[] rows = {0};
        jobs.runQueued(job, FULL_AT_MOST, FULL_MAX_WAIT, true, () -> rows[0] = rebuild.getAsInt());
        return rows[0];
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
