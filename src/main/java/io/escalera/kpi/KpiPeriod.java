package io.escalera.kpi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/** A board's period: a month, a quarter, a year, or any range of days (both ends included). */
public record KpiPeriod(Kind kind, LocalDate from, LocalDate to) {

    public enum Kind { MONTH, QUARTER, YEAR, CUSTOM }

    public KpiPeriod {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a period needs its first day on or before its last");
        }
    }

    /** The month, quarter or year holding {@code day}. */
    public static KpiPeriod of(Kind kind, LocalDate day) {
        return switch (kind) {
            case MONTH -> new KpiPeriod(kind, day.withDayOfMonth(1), YearMonth.from(day).atEndOfMonth());
            case QUARTER -> {
                LocalDate first = day.withDayOfMonth(1).minusMonths((day.getMonthValue() - 1) % 3);
                yield new KpiPeriod(kind, first, first.plusMonths(3).minusDays(1));
            }
            case YEAR -> new KpiPeriod(kind, day.withDayOfYear(1), day.withDayOfYear(day.lengthOfYear()));
            case CUSTOM -> throw new IllegalArgumentException("a custom period needs both days");
        };
    }

    public static KpiPeriod custom(LocalDate from, LocalDate to) {
        return new KpiPeriod(Kind.CUSTOM, from, to);
    }

    /** The period just before: the previous month, quarter or year, or as many days just before. */
    public KpiPeriod previous() {
        return switch (kind) {
            case MONTH -> of(kind, from.minusMonths(1));
            case QUARTER -> of(kind, from.minusMonths(3));
            case YEAR -> of(kind, from.minusYears(1));
            case CUSTOM -> {
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                yield custom(from.minusDays(days), from.minusDays(1));
            }
        };
    }

    /** The same period one year earlier. */
    public KpiPeriod yearEarlier() {
        return kind == Kind.CUSTOM ? custom(from.minusYears(1), to.minusYears(1)) : of(kind, from.minusYears(1));
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
