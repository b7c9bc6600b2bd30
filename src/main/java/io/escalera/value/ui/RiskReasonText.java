package io.escalera.value.ui;

import com.vaadin.flow.i18n.I18NProvider;
import io.escalera.shared.ui.Formats;
import io.escalera.value.RiskReason;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A risk score's reasons in words, in the user's language: "overdue 2.3× their usual gap; spend −40 % …". */
public final class RiskReasonText {

    private RiskReasonText() {
    }

    public static String describe(List<RiskReason> reasons, Locale locale, I18NProvider i18n) {
        return reasons.stream().map(reason -> describe(reason, locale, i18n)).collect(Collectors.joining("; "));
    }

    public static String describe(RiskReason reason, Locale locale, I18NProvider i18n) {
        String argument = switch (reason.kind()) {
            case OVERDUE -> Formats.decimal(reason.number(), locale);
            case FREQUENCY, SPEND -> (reason.number() < 0 ? "−" : "+") + Formats.decimal(Math.abs(reason.number()), locale);
            case PAST_SLA, UNANSWERED -> Formats.number(reason.number().longValue(), locale);
            case DETRACTOR, UNHAPPY -> DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(reason.day());
            case SILENCE -> Formats.date(reason.day(), locale);
        };
        return i18n.getTranslation("value.reason." + reason.kind(), locale, argument);
    }
}
