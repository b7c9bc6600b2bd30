package io.escalera.value.internal;

import io.escalera.value.RiskReason;
import io.escalera.value.RiskReason.Kind;
import io.escalera.value.ValueRules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The early-warning rule: a score 0–100 = Σ weight × signal / Σ weights, each signal between 0 and 1, with a
 * reason in words for every signal above 0 (weightiest first). Only for active customers (a purchase in the last
 * 365 days): the others have already gone, or never came.
 * <ul>
 *   <li>overdue: ratio = days since the last purchase / usual gap ((last − first purchase) / (purchases − 1));
 *       signal (ratio − 1) / 2, so 1× is nothing and 3× is everything</li>
 *   <li>falling frequency and spend: last 6 months against the 6 before; signal = the drop's share</li>
 *   <li>low score: a detractor NPS (0–6) or an unhappy CSAT (1–2) in the last 365 days</li>
 *   <li>a complaint open past its resolution SLA</li>
 *   <li>silence: no purchase since a complaint of the last 365 days, at least {@code silenceDays} ago</li>
 *   <li>never answering: two or more survey invitations sent, none answered</li>
 * </ul>
 */
public final class RiskRule {

    private RiskRule() {
    }

    public record Assessment(int score, List<RiskReason> reasons) {
    }

    private record Signal(RiskReason reason, double weighted) {
    }

    public static Assessment assess(ValueFacts f, LocalDate day, ValueRules rules) {
        List<Signal> signals = new ArrayList<>();
        if (f.orders() >= 2 && f.lastOrder().isAfter(f.firstOrder())) {
            double gap = (double) ChronoUnit.DAYS.between(f.firstOrder(), f.lastOrder()) / (f.orders() - 1);
            double ratio = ChronoUnit.DAYS.between(f.lastOrder(), day) / gap;
            double signal = clamp((ratio - 1) / 2);
            if (signal > 0) {
                signals.add(new Signal(new RiskReason(Kind.OVERDUE, round(ratio, 1), null), signal * rules.overdueWeight()));
            }
        }
        if (f.ordersPreviousHalf() > 0 && f.ordersHalf() < f.ordersPreviousHalf()) {
            double drop = (double) (f.ordersPreviousHalf() - f.ordersHalf()) / f.ordersPreviousHalf();
            signals.add(new Signal(new RiskReason(Kind.FREQUENCY, -Math.round(drop * 100.0) * 1.0, null), drop * rules.frequencyWeight()));
        }
        if (f.salesPreviousHalf().signum() > 0 && f.salesHalf().compareTo(f.salesPreviousHalf()) < 0) {
            double drop = clamp(1 - f.salesHalf().doubleValue() / f.salesPreviousHalf().doubleValue());
            signals.add(new Signal(new RiskReason(Kind.SPEND, -Math.round(drop * 100.0) * 1.0, null), drop * rules.spendWeight()));
        }
        if (f.lastDetractor() != null || f.lastUnhappy() != null) {
            boolean detractorLast = f.lastUnhappy() == null || (f.lastDetractor() != null && !f.lastDetractor().isBefore(f.lastUnhappy()));
            RiskReason reason = detractorLast ? new RiskReason(Kind.DETRACTOR, null, f.lastDetractor().toLocalDate())
                    : new RiskReason(Kind.UNHAPPY, null, f.lastUnhappy().toLocalDate());
            signals.add(new Signal(reason, rules.lowScoreWeight()));
        }
        if (f.complaintsPastSla() > 0) {
            signals.add(new Signal(new RiskReason(Kind.PAST_SLA, (double) f.complaintsPastSla(), null), rules.pastSlaWeight()));
        }
        if (f.lastComplaint() != null) {
            LocalDate complained = f.lastComplaint().toLocalDate();
            boolean boughtSince = f.lastOrder() != null && f.lastOrder().isAfter(complained);
            if (!boughtSince && ChronoUnit.DAYS.between(complained, day) >= rules.silenceDays()) {
                signals.add(new Signal(new RiskReason(Kind.SILENCE, null, complained), rules.silenceWeight()));
            }
        }
        if (f.invitationsSent() >= 2 && f.invitationsAnswered() == 0) {
            signals.add(new Signal(new RiskReason(Kind.UNANSWERED, (double) f.invitationsSent(), null), rules.unansweredWeight()));
        }
        double total = rules.totalWeight();
        double weighted = signals.stream().mapToDouble(Signal::weighted).sum();
        int score = total == 0 ? 0 : (int) Math.round(100 * weighted / total);
        List<RiskReason> reasons = signals.stream().filter(s -> s.weighted() > 0)
                .sorted(Comparator.comparingDouble(Signal::weighted).reversed()).map(Signal::reason).toList();
        return new Assessment(Math.min(100, score), reasons);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private static double round(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }
}
