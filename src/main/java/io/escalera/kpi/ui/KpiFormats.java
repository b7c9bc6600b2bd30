package io.escalera.kpi.ui;

import io.escalera.kpi.Kpi;
import io.escalera.shared.ui.Formats;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** A KPI's value as the boards and the targets show it (its format: percent, money, minutes, …). */
final class KpiFormats {

    private KpiFormats() {
    }

    static String format(Kpi kpi, double value, Currency currency, Locale locale) {
        return switch (kpi.format()) {
            case POINTS -> Formats.decimal(value, locale);
            case PERCENT -> Formats.percent(value, locale);
            case DECIMAL -> Formats.decimal(value, locale);
            case COUNT -> Formats.number(Math.round(value), locale);
            case PER_THOUSAND -> Formats.decimal(value, locale) + " ‰";
            case MINUTES -> Formats.minutes(Math.round(value));
            case MONEY -> Formats.money(BigDecimal.valueOf(value), currency, locale);
        };
    }

    /** A value as exported (CSV, XLSX): as computed, empty when absent. */
    static String raw(Double value) {
        return value == null ? "" : String.valueOf(value);
    }
}
