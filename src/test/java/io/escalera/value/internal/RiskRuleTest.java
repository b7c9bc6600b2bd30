package io.escalera.value.internal;

import io.escalera.value.RiskReason;
import io.escalera.value.RiskReason.Kind;
import io.escalera.value.ValueRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The early-warning score and its reasons, on hand-made customers with the sums worked out in comments. */
class RiskRuleTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final ValueRules RULES = ValueRules.defaults(); // weights 30/15/15/15/10/10/5, silence 30 days

    @Test
    void fallingSpendAndFrequencyAndAnOverdueCustomerAddUpWeightiestReasonFirst() {
        Facts f = new Facts();
        f.orders = 5;
        f.firstOrder = DAY.minusDays(400);
        f.lastOrder = DAY.minusDays(100);  // usual gap 300 / 4 = 75 days; 100 / 75 = 1.33× → (1.33 − 1) / 2 × 30 = 5
        f.ordersPreviousHalf = 2;
        f.ordersHalf = 1;                  // −50 % → 0.5 × 15 = 7.5
        f.salesPreviousHalf = "100";
        f.salesHalf = "30";                // −70 % → 0.7 × 15 = 10.5
        RiskRule.Assessment risk = RiskRule.assess(f.build(), DAY, RULES);
        // (5 + 7.5 + 10.5) / 100 = 23
        assertThat(risk.score()).isEqualTo(23);
        assertThat(risk.reasons()).containsExactly(
                new RiskReason(Kind.SPEND, -70.0, null),
                new RiskReason(Kind.FREQUENCY, -50.0, null),
                new RiskReason(Kind.OVERDUE, 1.3, null));
    }

    @Test
    void everySignalAtOnceScoresOneHundred() {
        Facts f = new Facts();
        f.orders = 3;
        f.firstOrder = DAY.minusDays(300);
        f.lastOrder = DAY.minusDays(200);  // gap 50, 200 / 50 = 4× → capped at 1 → 30
        f.ordersPreviousHalf = 3;          // none since → −100 % → 15
        f.salesPreviousHalf = "90";        // → 15
        f.lastDetractor = LocalDate.of(2026, 3, 14).atTime(9, 0);  // → 15
        f.pastSla = 1;                                             // → 10
        f.lastComplaint = DAY.minusDays(150).atTime(10, 0);        // no purchase since, 150 ≥ 30 days → 10
        f.sent = 2;                                                // → 5
        RiskRule.Assessment risk = RiskRule.assess(f.build(), DAY, RULES);
        assertThat(risk.score()).isEqualTo(100);
        assertThat(risk.reasons()).extracting(RiskReason::kind).containsExactly(Kind.OVERDUE, Kind.FREQUENCY, Kind.SPEND,
                Kind.DETRACTOR, Kind.PAST_SLA, Kind.SILENCE, Kind.UNANSWERED);
        assertThat(risk.reasons()).contains(new RiskReason(Kind.DETRACTOR, null, LocalDate.of(2026, 3, 14)),
                new RiskReason(Kind.SILENCE, null, DAY.minusDays(150)), new RiskReason(Kind.OVERDUE, 4.0, null));
    }

    @Test
    void aComplaintIsSilenceOnlyWithoutAPurchaseSinceAndAfterTheSilencePeriod() {
        Facts bought = new Facts();
        bought.orders = 1;
        bought.firstOrder = bought.lastOrder = DAY.minusDays(40);
        bought.lastComplaint = DAY.minusDays(60).atTime(12, 0);
        assertThat(RiskRule.assess(bought.build(), DAY, RULES).reasons()).isEmpty();

        Facts recent = new Facts();
        recent.orders = 1;
        recent.firstOrder = recent.lastOrder = DAY.minusDays(40);
        recent.lastComplaint = DAY.minusDays(29).atTime(12, 0);
        assertThat(RiskRule.assess(recent.build(), DAY, RULES).score()).isZero();

        recent.lastComplaint = DAY.minusDays(30).atTime(12, 0);
        RiskRule.Assessment silent = RiskRule.assess(recent.build(), DAY, RULES);
        assertThat(silent.score()).isEqualTo(10);
        assertThat(silent.reasons()).containsExactly(new RiskReason(Kind.SILENCE, null, DAY.minusDays(30)));
    }

    @Test
    void oneOrderHasNoUsualGapAndOneUnansweredSurveyIsNotAPattern() {
        Facts f = new Facts();
        f.orders = 1;
        f.firstOrder = f.lastOrder = DAY.minusDays(300);
        f.sent = 1;
        assertThat(RiskRule.assess(f.build(), DAY, RULES).score()).isZero();
        f.sent = 3;
        RiskRule.Assessment risk = RiskRule.assess(f.build(), DAY, RULES);
        assertThat(risk.score()).isEqualTo(5);
        assertThat(risk.reasons()).containsExactly(new RiskReason(Kind.UNANSWERED, 3.0, null));
        f.answered = 1;
        assertThat(RiskRule.assess(f.build(), DAY, RULES).score()).isZero();
    }

    @Test
    void theLaterOfADetractorAndAnUnhappyAnswerIsTheReason() {
        Facts f = new Facts();
        f.lastDetractor = LocalDate.of(2026, 3, 14).atTime(9, 0);
        f.lastUnhappy = LocalDate.of(2026, 5, 2).atTime(9, 0);
        assertThat(RiskRule.assess(f.build(), DAY, RULES).reasons()).containsExactly(new RiskReason(Kind.UNHAPPY, null, LocalDate.of(2026, 5, 2)));
    }

    @Test
    void weightsAreSettings() {
        ValueRules onlyScores = new ValueRules(new BigDecimal("0.3"), new BigDecimal("0.1"), 10, 85, 40, 30, 0, 0, 0, 100, 0, 0, 0);
        Facts f = new Facts();
        f.orders = 3;
        f.firstOrder = DAY.minusDays(300);
        f.lastOrder = DAY.minusDays(200);
        assertThat(RiskRule.assess(f.build(), DAY, onlyScores).score()).isZero();
        f.lastDetractor = DAY.minusDays(3).atStartOfDay();
        assertThat(RiskRule.assess(f.build(), DAY, onlyScores).score()).isEqualTo(100);
    }

    @Test
    void reasonsSurviveTheirStoredForm() {
        var reasons = java.util.List.of(new RiskReason(Kind.OVERDUE, 2.3, null), new RiskReason(Kind.SPEND, -40.0, null),
                new RiskReason(Kind.DETRACTOR, null, LocalDate.of(2026, 3, 14)), new RiskReason(Kind.PAST_SLA, 2.0, null));
        String stored = RiskReason.encode(reasons);
        assertThat(stored).isEqualTo("OVERDUE:2.3|SPEND:-40|DETRACTOR:2026-03-14|PAST_SLA:2");
        assertThat(RiskReason.decode(stored)).isEqualTo(reasons);
    }
}
