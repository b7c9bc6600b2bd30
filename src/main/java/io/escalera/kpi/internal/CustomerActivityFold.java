package io.escalera.kpi.internal;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;

/**
 * The customer facts of {@link CustomerActivityFacts} from each customer's order days in date order (all customers, one after
 * the other): the same counts as its SQL, kept for the days in [from, to], lapses up to {@code lastLapse} (today).
 */
final class CustomerActivityFold {

    interface Sink {
        void add(LocalDate day, long unitId, String tier, int measure, long value);
    }

    private static final int ORDERS = 0, BUYERS_MONTH = 1, REPEAT_MONTH = 2, BUYERS_QUARTER = 3, REPEAT_QUARTER = 4,
            BUYERS_YEAR = 5, REPEAT_YEAR = 6, NEW = 7, STARTED = 8, LAPSED = 9;

    private final LocalDate from;
    private final LocalDate to;
    private final LocalDate lastLapse;
    private final Sink sink;

    private long customer = Long.MIN_VALUE;
    private long unitId;
    private String tier;
    private LocalDate[] days = new LocalDate[16];
    private int[] orders = new int[16];
    private int count;

    CustomerActivityFold(LocalDate from, LocalDate to, LocalDate lastLapse, Sink sink) {
        this.from = from;
        this.to = to;
        this.lastLapse = lastLapse;
        this.sink = sink;
    }

    /** One order, in (customer, day) order. */
    void add(long customerId, long homeUnitId, String customerTier, LocalDate day) {
        if (customerId != customer) {
            finish();
            customer = customerId;
            unitId = homeUnitId;
            tier = customerTier;
        }
        if (count > 0 && days[count - 1].equals(day)) {
            orders[count - 1]++;
            return;
        }
        if (count == days.length) {
            days = Arrays.copyOf(days, count * 2);
            orders = Arrays.copyOf(orders, count * 2);
        }
        days[count] = day;
        orders[count++] = 1;
    }

    /** Counts the customer in hand (call once more after the last order). */
    void finish() {
        for (int i = 0; i < count; i++) {
            LocalDate day = days[i];
            if (!day.isBefore(from) && !day.isAfter(to)) {
                countDay(i, day);
            }
            LocalDate lapse = day.plusDays(366);
            boolean followed = i + 1 < count && !days[i + 1].isAfter(day.plusDays(365));
            if (!followed && !lapse.isBefore(from) && !lapse.isAfter(to) && !lapse.isAfter(lastLapse)) {
                sink.add(lapse, unitId, tier, LAPSED, 1);
            }
        }
        count = 0;
    }

    private void countDay(int i, LocalDate day) {
        int k = orders[i];
        LocalDate monthStart = day.withDayOfMonth(1);
        LocalDate quarterStart = day.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate yearStart = day.withDayOfYear(1);
        LocalDate yearBack = day.minusDays(365);
        int inYearBack = 0, inMonth = 0, inQuarter = 0, inYear = 0;
        for (int j = i - 1; j >= 0 && !days[j].isBefore(yearBack); j--) {
            inYearBack += orders[j];
            inMonth += days[j].isBefore(monthStart) ? 0 : orders[j];
            inQuarter += days[j].isBefore(quarterStart) ? 0 : orders[j];
            inYear += days[j].isBefore(yearStart) ? 0 : orders[j];
        }
        sink.add(day, unitId, tier, ORDERS, k);
        period(day, inMonth, k, BUYERS_MONTH, REPEAT_MONTH);
        period(day, inQuarter, k, BUYERS_QUARTER, REPEAT_QUARTER);
        period(day, inYear, k, BUYERS_YEAR, REPEAT_YEAR);
        if (inYearBack == 0) {
            sink.add(day, unitId, tier, STARTED, 1);
            if (i == 0) {
                sink.add(day, unitId, tier, NEW, 1);
            }
        }
    }

    /** The day holds the customer's first order of the period, or their second. */
    private void period(LocalDate day, int before, int k, int buyers, int repeat) {
        if (before == 0) {
            sink.add(day, unitId, tier, buyers, 1);
        }
        if (before <= 1 && before + k >= 2) {
            sink.add(day, unitId, tier, repeat, 1);
        }
    }
}
