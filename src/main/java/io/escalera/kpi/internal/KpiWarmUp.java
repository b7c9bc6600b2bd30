package io.escalera.kpi.internal;

import io.escalera.kpi.Board;
import io.escalera.kpi.KpiDrillDowns;
import io.escalera.kpi.KpiFilter;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiService;
import io.escalera.security.SystemUser;
import io.escalera.value.ValueTier;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Opens every board once over every unit when the server has started, in the background, so that the first
 * executive of the day does not pay for a cold server: measured at 1 M customers / 10 M orders, a board's first view
 * on a freshly started server took up to 1.4 s over every unit and 5.3 s for a value tier's year (pages of the facts
 * not yet in the buffer pool, the code not yet compiled), the same boards ≤ 0.3 s afterwards. The year and the quarter views read the monthly roll-up and the
 * minute histograms of the last three years, which covers what month and quarter views read; the facts per value
 * tier are read by a year's boards of each tier. The percentile sparkline points this leaves to the background are kept, so the
 * warm-up also prepares the sparklines of the boards over every unit.
 */
@Component
public class KpiWarmUp {

    private static final Logger log = LoggerFactory.getLogger(KpiWarmUp.class);

    private final KpiService kpis;
    private final KpiDrillDowns drillDowns;
    private final Clock clock;
    private final boolean onStart;
    private final CountDownLatch done = new CountDownLatch(1);
    /** Set when the application stops: the warm-up ends after the view it is reading, before the pool closes. */
    private volatile boolean stopping;
    private volatile boolean started;

    KpiWarmUp(KpiService kpis, KpiDrillDowns drillDowns, Clock clock, @Value("${escalera.kpi.warm-up:true}") boolean onStart) {
        this.kpis = kpis;
        this.drillDowns = drillDowns;
        this.clock = clock;
        this.onStart = onStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void serverStarted() {
        if (onStart) {
            started = true;
            Thread.ofPlatform().daemon().name("kpi-warm-up").start(this::warmUp);
        }
    }

    /** Views every board as the user "system"; a failure is logged, never thrown (the warm-up only saves time). @return views */
    public int warmUp() {
        long start = System.nanoTime();
        int views = 0;
        try {
            LocalDate today = LocalDate.now(clock);
            KpiFilter everyUnit = KpiFilter.everything();
            for (KpiPeriod.Kind kind : new KpiPeriod.Kind[]{KpiPeriod.Kind.YEAR, KpiPeriod.Kind.QUARTER}) {
                KpiPeriod period = KpiPeriod.of(kind, today);
                for (Board board : Board.values()) {
                    stopIfAsked();
                    SystemUser.call(() -> kpis.board(board, everyUnit, period));
                    views++;
                }
                stopIfAsked();
                SystemUser.call(() -> drillDowns.scoreDistributions(everyUnit, period));
            }
            for (ValueTier tier : ValueTier.values()) {
                for (Board board : Board.values()) {
                    stopIfAsked();
                    SystemUser.call(() -> kpis.board(board, everyUnit.withTier(tier), KpiPeriod.of(KpiPeriod.Kind.YEAR, today)));
                    views++;
                }
            }
            log.info("KPI boards warmed up: {} views in {} ms", views, (System.nanoTime() - start) / 1_000_000);
        } catch (Stopped e) {
            log.info("KPI warm-up stopped after {} views: the application is stopping", views);
        } catch (RuntimeException e) {
            log.warn("KPI boards not warmed up after {} views: {}", views, e.toString());
        } finally {
            done.countDown();
        }
        return views;
    }

    /**
     * The application is stopping: let the warm-up end after its current view (waited for 2 s at most) rather than have
     * the connection pool closed under it. Runs before the pool closes (this bean uses it, so it is destroyed first).
     */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        if (started && !done.await(2, TimeUnit.SECONDS)) {
            log.warn("KPI warm-up still running after 2 s at shutdown");
        }
    }

    private void stopIfAsked() {
        if (stopping) {
            throw new Stopped();
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Waits for the warm-up started with the server (benchmarks measure after it); false when it is off or still running. */
    public boolean awaitStarted(long timeout, TimeUnit unit) throws InterruptedException {
        return onStart && done.await(timeout, unit);
    }
}
