package io.escalera.shared.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times in the user's locale. */
public final class Formats {

    private Formats() {
    }

    public static String date(java.time.LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public static String date(Instant instant, Locale locale) {
        return instant == null ? "" : date(instant.atZone(ZoneId.systemDefault()).toLocalDate(), locale);
    }

    /** Money in the configured currency, in the user's number format; rounded only here, for display. */
    public static String money(java.math.BigDecimal amount, java.util.Currency currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        return format.format(amount);
    }

    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(instant.atZone(ZoneId.systemDefault()));
    }
}
