package io.escalera.loyalty;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** The numbers of the ladder reports (values only; the views draw them). */
public final class LadderReport {

    private LadderReport() {
    }

    /**
     * One rung of the ladder funnel.
     *
     * @param now                 customers standing on it now
     * @param everReached         customers who ever reached it (or a higher rung)
     * @param conversionToNext    share of those who reached it that reached the next rung (null on the top rung or
     *                            when nobody reached it)
     * @param medianDaysToNext    median days from reaching it to reaching the next rung, over those who did (null when
     *                            nobody did)
     */
    public record Rung(Stage stage, long now, long everReached, Double conversionToNext, Double medianDaysToNext) {
    }

    /** The ladder funnel: the five rungs bottom-up, and the lapsed (off the ladder). */
    public record Funnel(List<Rung> rungs, long lapsed, long customers) {
    }

    /** Customers who moved from one stage to another between two days. */
    public record Flow(Stage from, Stage to, long customers) {

        public Kind kind() {
            if (to == Stage.LAPSED) {
                return Kind.LAPSED;
            }
            if (from == Stage.LAPSED) {
                return Kind.WON_BACK;
            }
            return to.ordinal() > from.ordinal() ? Kind.UP : Kind.DOWN;
        }

        public enum Kind { UP, DOWN, LAPSED, WON_BACK }
    }

    /** Movement per rung: moved up from it, down from it, lapsed from it, and won back onto it. */
    public record Movement(List<Flow> flows, Map<Stage, Map<Flow.Kind, Long>> byRung) {
    }

    /**
     * One acquisition month: its size and, for the horizon asked, how many had reached each rung as their highest
     * by then (null when the cohort is younger than the horizon).
     */
    public record Cohort(YearMonth month, long customers, Map<Stage, Long> highestRung) {
    }

    /** A customer behind a number: who they are and where they stand now. */
    public record CustomerRow(long customerId, String code, String name, Stage stage, LocalDate since) {
    }

    /** One step of the lifecycle funnel with its conversion from the step before (null for the first). */
    public record Step(LifecycleStep step, long customers, Double conversion) {
    }
}
