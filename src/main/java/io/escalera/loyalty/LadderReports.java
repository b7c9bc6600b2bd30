package io.escalera.loyalty;

import io.escalera.loyalty.internal.LadderReportQueries;
import io.escalera.security.UnitScopes;
import io.escalera.shared.FieldErrorsException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The ladder reports — funnel, movement, cohorts, lifecycle — and the customers behind each number, for MANAGER
 * (their units; wider where the unit rules allow), EXECUTIVE and ADMIN.
 */
@Service
@RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
@Transactional(readOnly = true)
public class LadderReports {

    /** Longest movement period: a day-by-day history read beyond this is a different report. */
    static final int MAX_MOVEMENT_DAYS = 3 * 366;

    private final LadderReportQueries queries;
    private final UnitScopes scopes;
    private final Clock clock;

    LadderReports(LadderReportQueries queries, UnitScopes scopes, Clock clock) {
        this.queries = queries;
        this.scopes = scopes;
        this.clock = clock;
    }

    public LadderReport.Funnel funnel(LadderFilter filter) {
        return queries.funnel(filter, units(filter));
    }

    /** The funnel's counts and conversions, without the median days between rungs (read faster: the KPI board's). */
    public LadderReport.Funnel funnelWithoutClimbDays(LadderFilter filter) {
        return queries.funnelWithoutClimbDays(filter, units(filter));
    }

    /** Every change of stage recorded between the two days (both included). */
    public LadderReport.Movement movement(LadderFilter filter, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        return queries.movement(filter, units(filter), from, to);
    }

    /** The last {@code monthsBack} acquisition months, each with the highest rung reached {@code months} months on. */
    public List<LadderReport.Cohort> cohorts(LadderFilter filter, int monthsBack, int months) {
        if (months < 1 || months > 60 || monthsBack < 1 || monthsBack > 120) {
            throw new IllegalArgumentException("months out of range");
        }
        LocalDate today = LocalDate.now(clock);
        return queries.cohorts(filter, units(filter), YearMonth.from(today).minusMonths(monthsBack - 1L), months, today);
    }

    public List<LadderReport.Step> lifecycle(LadderFilter filter) {
        return queries.lifecycle(filter, units(filter));
    }

    /** A page of the customers behind a number, in customer order. */
    public List<LadderReport.CustomerRow> customers(LadderFilter filter, LadderSegment segment, long offset, int limit) {
        if (segment instanceof LadderSegment.Moved moved) {
            checkPeriod(moved.fromDay(), moved.toDay());
        }
        return queries.customers(filter, units(filter), segment, offset, limit);
    }

    private Set<Long> units(LadderFilter filter) {
        return scopes.unitsForList(filter.unitId(), filter.allUnits());
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new FieldErrorsException(List.of(new FieldErrorsException.FieldError("to", "ladder-reports.period-order")));
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_MOVEMENT_DAYS) {
            throw new FieldErrorsException(List.of(new FieldErrorsException.FieldError("to", "ladder-reports.period-too-long")));
        }
    }
}
