package io.escalera.loyalty;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The customers behind one number of a ladder report (what a click on a bar, a step or a flow opens). */
public sealed interface LadderSegment {

    /** Standing on this rung now. */
    record OnRung(Stage stage) implements LadderSegment {
    }

    /** Ever reached this rung (or a higher one). */
    record Reached(Stage stage) implements LadderSegment {
    }

    /** Moved from one of {@code from} to one of {@code to} between the two days (both included). */
    record Moved(List<Stage> from, List<Stage> to, LocalDate fromDay, LocalDate toDay) implements LadderSegment {
    }

    /** Registered in {@code cohort} and, {@code months} months later, this was the highest rung they had reached. */
    record CohortRung(YearMonth cohort, int months, Stage highest) implements LadderSegment {
    }

    /** Reached this step of the lifecycle funnel (and every step before it). */
    record Lifecycle(LifecycleStep step) implements LadderSegment {
    }
}
