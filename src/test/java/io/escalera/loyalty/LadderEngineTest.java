package io.escalera.loyalty;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every boundary of the ladder's default rules, one row each. Orders are given as "days before today", separated by
 * spaces; NPS and referral (days before today) may be empty.
 */
class LadderEngineTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            no order ever                                  ; -                         ; -  ; -   ; PROSPECT
            one purchase                                   ; 10                        ; -  ; -   ; SHOPPER
            two purchases                                  ; 10 20                     ; -  ; -   ; CUSTOMER
            one in the window exactly 365 days ago         ; 365                       ; -  ; -   ; SHOPPER
            one 366 days ago: lapsed                       ; 366                       ; -  ; -   ; LAPSED
            second purchase exactly 365 days ago counts    ; 1 365                     ; -  ; -   ; CUSTOMER
            second purchase 366 days ago does not          ; 1 366                     ; -  ; -   ; SHOPPER
            won back after a long pause                    ; 5 400 420 440             ; -  ; -   ; SHOPPER
            five purchases is not a client                 ; 10 40 70 100 130          ; -  ; -   ; CUSTOMER
            six purchases, not overdue                     ; 10 40 70 100 130 160      ; -  ; -   ; CLIENT
            six, last one just under 2x the median gap     ; 59 89 119 149 179 209     ; -  ; -   ; CLIENT
            six, last one exactly 2x the median: overdue   ; 60 90 120 150 180 210     ; -  ; -   ; CUSTOMER
            promoter client                                ; 10 40 70 100 130 160      ; 9  ; -   ; ADVOCATE
            an 8 does not make an advocate                 ; 10 40 70 100 130 160      ; 8  ; -   ; CLIENT
            a promoter who is only a customer              ; 10 40                     ; 10 ; -   ; CUSTOMER
            referral within 365 days                       ; 10 40 70 100 130 160      ; -  ; 365 ; ADVOCATE
            referral 366 days ago                          ; 10 40 70 100 130 160      ; -  ; 366 ; CLIENT
            an overdue promoter is a customer              ; 60 90 120 150 180 210     ; 10 ; 5   ; CUSTOMER
            """)
    void theStageFollowsTheRules(String description, String ordersDaysAgo, Integer nps, Integer referralDaysAgo, Stage expected) {
        List<LocalDate> orders = new ArrayList<>();
        if (ordersDaysAgo != null) {
            for (String days : ordersDaysAgo.trim().split("\\s+")) {
                orders.add(TODAY.minusDays(Long.parseLong(days)));
            }
        }
        LocalDate referral = referralDaysAgo == null ? null : TODAY.minusDays(referralDaysAgo);
        assertThat(LadderEngine.decide(orders, nps, referral, TODAY, LadderRules.defaults()).stage()).as(description).isEqualTo(expected);
    }

    @ParameterizedTest(name = "gaps {0} → median {1}")
    @CsvSource({"'0 10', 10", "'0 10 30', 15", "'0 10 30 60', 20", "'0 0 0 5', 0"})
    void theMedianGapIsTheMiddleGapOrTheMeanOfTheTwoMiddleOnes(String daysAfterFirst, String median) {
        List<LocalDate> dates = new ArrayList<>();
        for (String d : daysAfterFirst.split(" ")) {
            dates.add(TODAY.plusDays(Long.parseLong(d)));
        }
        assertThat(LadderEngine.medianGap(dates)).isEqualByComparingTo(median);
    }
}
