package io.escalera.shared.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Dates, times, numbers and durations in the user's locale. */
public final class Formats {

    private Formats() {
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public static String date(Instant instant, Locale locale) {
        return instant == null ? "" : date(instant.atZone(ZoneId.systemDefault()).toLocalDate(), locale);
    }

    /** Money in the configured currency, in the user's number format; rounded only here, for display. */
    public static String money(BigDecimal amount, Currency currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
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

    /** A whole number with the locale's grouping (1,234 / 1.234). */
    public static String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A duration in minutes as days, hours and minutes ("2 d 3 h 5 min"; the units read the same in en and es). */
    public static String minutes(long minutes) {
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long rest = minutes % 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) text.append(days).append(" d ");
        if (hours > 0 || days > 0) text.append(hours).append(" h ");
        return text.append(rest).append(" min").toString();
    }

    /** A share (0.256) as a percentage with one decimal in the locale's style (25.6% / 25,6 %); "—" for none. */
    public static String percent(Double share, Locale locale) {
        if (share == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    /** A number with at most one decimal (12 / 12.5 / 12,5); "—" for none. */
    public static String decimal(Double value, Locale locale) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }
}
