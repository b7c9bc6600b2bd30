package io.escalera.loyalty.internal;

import io.escalera.loyalty.LadderRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The milestones of one purchase history, one boundary per row. Purchases are "day:net:categories" with the day
 * counted from the first purchase (day 0 = 2025-01-01); expected milestones are days from the first purchase too,
 * "-" for never.
 */
class PurchaseHistoryTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            one purchase                                 ; 0:10:shoes                                      ; -   ; -   ; -   ; -
            second purchase 365 days later: customer     ; 0:10:shoes 365:10:shoes                         ; 365 ; -   ; -   ; 365
            second purchase 366 days later: not yet      ; 0:10:shoes 366:10:shoes                         ; -   ; -   ; -   ; 366
            five purchases in a year is not a client     ; 0:10:a 30:10:a 60:10:a 90:10:a 120:10:a         ; 30  ; -   ; -   ; -
            the sixth within 365 days makes a client     ; 0:10:a 30:10:a 60:10:a 90:10:a 120:10:a 365:10:a; 30  ; 365 ; -   ; 365
            six spread over 366 days do not              ; 0:10:a 30:10:a 60:10:a 90:10:a 120:10:a 366:10:a; 30  ; -   ; -   ; 366
            a lower ticket in the same category          ; 0:20:shoes 10:5:shoes 20:5:Shoes                ; 10  ; -   ; -   ; -
            a new category expands                       ; 0:20:shoes 10:5:shoes 20:5:shoes,bags           ; 10  ; -   ; 20  ; -
            the average ticket rising expands            ; 0:20:shoes 10:5:shoes 20:50:shoes               ; 10  ; -   ; 20  ; -
            an equal average ticket does not             ; 0:20:shoes 10:10:shoes 20:30:shoes              ; 10  ; -   ; -   ; -
            no categories at all                         ; 0:20: 10:20:                                    ; 10  ; -   ; -   ; -
            """)
    void milestonesAreTheFirstDayEachWasReached(String description, String purchases, Integer customerDay, Integer clientDay,
                                                 Integer expandedDay, Integer retainedDay) {
        LocalDate today = FIRST.plusDays(400);
        PurchaseHistory history = new PurchaseHistory(LadderRules.defaults(), today);
        for (String purchase : purchases.trim().split(" +")) {
            String[] parts = purchase.split(":", -1);
            history.add(FIRST.plusDays(Integer.parseInt(parts[0])), Long.parseLong(parts[1]) * 100, parts[2].isEmpty() ? null : parts[2]);
        }
        PurchaseHistory.Summary summary = history.summary();
        assertThat(summary.shopperOn()).isEqualTo(FIRST);
        assertThat(summary.customerOn()).isEqualTo(day(customerDay));
        assertThat(summary.clientOn()).isEqualTo(day(clientDay));
        assertThat(summary.expandedOn()).isEqualTo(day(expandedDay));
        assertThat(summary.retainedOn()).isEqualTo(day(retainedDay));
    }

    private static LocalDate day(Integer daysAfterFirst) {
        return daysAfterFirst == null ? null : FIRST.plusDays(daysAfterFirst);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            all inside the window                 ; 100 200 300 ; 3 ; 300 ; 100
            exactly 365 days before today is in   ; 35 50     ; 2 ; 50  ; 15
            366 days before today is out          ; 34 50     ; 1 ; 50  ; 16
            """)
    void countsAndMedianAreTheOnesTheStageRulesRead(String description, String days, int inWindow, int lastDay, String median) {
        LocalDate today = FIRST.plusDays(400);
        PurchaseHistory history = new PurchaseHistory(LadderRules.defaults(), today);
        for (String day : days.trim().split(" +")) {
            history.add(FIRST.plusDays(Integer.parseInt(day)), 1000, null);
        }
        PurchaseHistory.Summary summary = history.summary();
        assertThat(summary.inWindow()).isEqualTo(inWindow);
        assertThat(summary.lastOrder()).isEqualTo(FIRST.plusDays(lastDay));
        assertThat(summary.medianGap()).isEqualByComparingTo(median);

        history.clear();
        assertThat(history.summary()).as("cleared for the next customer").isNull();
    }
}
