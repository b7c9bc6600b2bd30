package io.escalera.value;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One reason of a risk score, shown in words ("overdue 2.3× their usual gap"). Stored compactly as
 * {@code KIND:argument}, several joined by {@code |}, most weighty first.
 *
 * @param kind     what was seen
 * @param number   the measure (ratio, percent change, count), or null
 * @param day      the day it refers to (the answer, the complaint), or null
 */
public record RiskReason(Kind kind, Double number, LocalDate day) {

    public enum Kind {
        /** days since the last purchase / the usual gap between purchases (number: the ratio) */
        OVERDUE,
        /** purchases in the last 6 months against the 6 before (number: change in %) */
        FREQUENCY,
        /** spend in the last 6 months against the 6 before (number: change in %) */
        SPEND,
        /** an NPS answer of 0–6 in the window (day: when) */
        DETRACTOR,
        /** a CSAT answer of 1–2 in the window (day: when) */
        UNHAPPY,
        /** complaints open past their resolution SLA (number: how many) */
        PAST_SLA,
        /** no purchase since a complaint (day: when it was opened) */
        SILENCE,
        /** survey invitations sent and never answered (number: how many) */
        UNANSWERED
    }

    public String encode() {
        return kind + ":" + (day != null ? day.toString() : number == null ? "" : stripZeros(number));
    }

    private static String stripZeros(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    public static String encode(List<RiskReason> reasons) {
        return String.join("|", reasons.stream().map(RiskReason::encode).toList());
    }

    public static List<RiskReason> decode(String encoded) {
        List<RiskReason> reasons = new ArrayList<>();
        if (encoded == null || encoded.isBlank()) {
            return reasons;
        }
        for (String part : encoded.split("\\|")) {
            int colon = part.indexOf(':');
            Kind kind = Kind.valueOf(part.substring(0, colon));
            String argument = part.substring(colon + 1);
            boolean isDay = argument.length() == 10 && argument.charAt(4) == '-' && argument.charAt(7) == '-';
            reasons.add(new RiskReason(kind, isDay || argument.isEmpty() ? null : Double.valueOf(argument),
                    isDay ? LocalDate.parse(argument) : null));
        }
        return reasons;
    }
}
