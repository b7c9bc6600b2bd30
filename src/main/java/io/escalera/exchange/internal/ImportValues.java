package io.escalera.exchange.internal;

import io.escalera.customer.AcquisitionChannel;
import io.escalera.customer.SalesChannel;
import io.escalera.interaction.Direction;
import io.escalera.interaction.InteractionChannel;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading values the way spreadsheets and shop systems write them: ISO and day-first dates (and Excel's day
 * numbers), amounts with a decimal point or comma and thousands separators, yes/no in English and Spanish. A value
 * that cannot be read is a {@link BadValue} naming what was wrong.
 */
public final class ImportValues {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    // compiled once: a million-row file reads several values per row
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EXCEL_DAY = Pattern.compile("\\d{5}(\\.0+)?");
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("-?\\d{1,10}(\\.\\d{1,2})?");
    private static final Pattern NOISE = Pattern.compile("[\\s\u00a0€$£]");
    private static final Pattern COMMA_THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+");
    private static final Pattern DOT_THOUSANDS = Pattern.compile("-?\\d{1,3}(\\.\\d{3}){2,}");
    private static final Map<String, SalesChannel> CHANNELS = Map.of("tienda", SalesChannel.STORE, "online", SalesChannel.WEB,
            "telefono", SalesChannel.PHONE, "aplicacion", SalesChannel.APP, "marketplace", SalesChannel.MARKETPLACE);

    private ImportValues() {
    }

    /** A cell that is not what its field needs: the message key ({@code import.format.*}) and the value. */
    static final class BadValue extends Exception {
        final String reasonKey;
        final String value;

        BadValue(String reasonKey, String value) {
            super(reasonKey, null, false, false);
            this.reasonKey = reasonKey;
            this.value = value;
        }
    }

    /** A rejected row's detail as the staging tables keep it: at most 200 characters. */
    static String detail(String detail) {
        return detail == null ? null : detail.substring(0, Math.min(200, detail.length()));
    }

    static String text(String cell, int maxLength, String field) throws BadValue {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String value = cell.strip();
        if (value.length() > maxLength) {
            throw new BadValue("import.format.too-long", field + ": " + value.substring(0, Math.min(40, value.length())) + "…");
        }
        return value;
    }

    static LocalDate date(String cell) throws BadValue {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String value = cell.strip();
        if (ISO_DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new BadValue("import.format.bad-date", value);
            }
        }
        if (EXCEL_DAY.matcher(value).matches()) {
            int dot = value.indexOf('.');
            return EXCEL_EPOCH.plusDays(Long.parseLong(dot < 0 ? value : value.substring(0, dot)));
        }
        String day = value.length() > 10 && value.charAt(10) == 'T' || value.length() > 10 && value.charAt(10) == ' '
                ? value.substring(0, 10) : value;
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(day, format);
            } catch (DateTimeParseException ignored) {
                // next pattern
            }
        }
        throw new BadValue("import.format.bad-date", value);
    }

    static BigDecimal amount(String cell) throws BadValue {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String value = cell.strip();
        if (PLAIN_AMOUNT.matcher(value).matches()) {
            return new BigDecimal(value);
        }
        value = NOISE.matcher(value).replaceAll("");
        int dot = value.lastIndexOf('.');
        int comma = value.lastIndexOf(',');
        String normal;
        if (dot >= 0 && comma >= 0) {
            normal = dot > comma ? value.replace(",", "") : value.replace(".", "").replace(',', '.');
        } else if (comma >= 0) {
            normal = COMMA_THOUSANDS.matcher(value).matches() ? value.replace(",", "") : value.replace(',', '.');
        } else if (DOT_THOUSANDS.matcher(value).matches()) {
            normal = value.replace(".", "");
        } else {
            normal = value;
        }
        if (!PLAIN_AMOUNT.matcher(normal).matches()) {
            throw new BadValue("import.format.bad-amount", cell.strip());
        }
        return new BigDecimal(normal);
    }

    static Boolean yesNo(String cell) throws BadValue {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        return switch (plain(cell)) {
            case "true", "yes", "y", "si", "s", "1", "verdadero" -> true;
            case "false", "no", "n", "0", "falso" -> false;
            default -> throw new BadValue("import.format.bad-yes-no", cell.strip());
        };
    }

    /**
     * A value of an enumeration, by its name or one of its other names (English or Spanish), compared the way headers
     * are ({@link #plain}); null for an empty cell, else a bad value with {@code reasonKey}.
     */
    static <E extends Enum<E>> E named(String cell, E[] values, Map<String, E> aliases, String reasonKey) throws BadValue {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String plain = plain(cell);
        for (E value : values) {
            if (plain(value.name()).equals(plain)) {
                return value;
            }
        }
        E alias = aliases.get(plain);
        if (alias == null) {
            throw new BadValue(reasonKey, cell.strip());
        }
        return alias;
    }

    static SalesChannel channel(String cell) throws BadValue {
        return named(cell, SalesChannel.values(), CHANNELS, "import.format.bad-channel");
    }

    private static final Map<String, AcquisitionChannel> ACQUISITION_CHANNELS = Map.of(
            "tienda", AcquisitionChannel.STORE, "online", AcquisitionChannel.WEB,
            "telefono", AcquisitionChannel.PHONE, "aplicacion", AcquisitionChannel.APP,
            "recomendacion", AcquisitionChannel.REFERRAL, "referido", AcquisitionChannel.REFERRAL,
            "otro", AcquisitionChannel.OTHER);

    static AcquisitionChannel acquisitionChannel(String cell) throws BadValue {
        return named(cell, AcquisitionChannel.values(), ACQUISITION_CHANNELS, "import.format.bad-channel");
    }

    private static final Pattern EXCEL_MOMENT = Pattern.compile("\\d{5}\\.\\d+");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?");

    /**
     * A moment: a date as {@link #date} reads it with an optional time of day after a space or a 'T' (H:mm or
     * H:mm:ss; no time is midnight), or an Excel day number with a fraction of the day; local time in {@code zone}.
     */
    static Instant moment(String cell, ZoneId zone) throws BadValue {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String value = cell.strip();
        if (EXCEL_MOMENT.matcher(value).matches()) {
            double days = Double.parseDouble(value);
            long seconds = Math.round((days - Math.floor(days)) * 86_400);
            return EXCEL_EPOCH.plusDays((long) Math.floor(days)).atStartOfDay(zone).plusSeconds(seconds).toInstant();
        }
        int split = value.indexOf('T') == 10 ? 10 : value.indexOf(' ');
        LocalDate day = date(split < 0 ? value : value.substring(0, split));
        LocalTime time = LocalTime.MIDNIGHT;
        if (split >= 0) {
            Matcher m = TIME.matcher(value.substring(split + 1).strip());
            if (!m.matches() || Integer.parseInt(m.group(1)) > 23 || Integer.parseInt(m.group(2)) > 59
                    || m.group(3) != null && Integer.parseInt(m.group(3)) > 59) {
                throw new BadValue("import.format.bad-date", value);
            }
            time = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        }
        return day.atTime(time).atZone(zone).toInstant();
    }

    /** A whole number (a plain one, or "12.0" as spreadsheets write it). */
    static Integer whole(String cell) throws BadValue {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String value = cell.strip();
        if (!value.matches("-?\\d{1,9}(\\.0+)?")) {
            throw new BadValue("import.format.bad-number", value);
        }
        int dot = value.indexOf('.');
        return Integer.parseInt(dot < 0 ? value : value.substring(0, dot));
    }

    private static final Map<String, InteractionChannel> CONTACT_CHANNELS = Map.ofEntries(
            Map.entry("telefono", InteractionChannel.PHONE), Map.entry("llamada", InteractionChannel.PHONE),
            Map.entry("call", InteractionChannel.PHONE), Map.entry("correo", InteractionChannel.EMAIL),
            Map.entry("correoelectronico", InteractionChannel.EMAIL), Map.entry("mail", InteractionChannel.EMAIL),
            Map.entry("redessociales", InteractionChannel.SOCIAL), Map.entry("redes", InteractionChannel.SOCIAL),
            Map.entry("tienda", InteractionChannel.IN_STORE), Map.entry("store", InteractionChannel.IN_STORE),
            Map.entry("enpersona", InteractionChannel.IN_STORE), Map.entry("aplicacion", InteractionChannel.APP),
            Map.entry("otro", InteractionChannel.OTHER));

    /** A contact channel, by its name or its Spanish name. */
    static InteractionChannel contactChannel(String cell) throws BadValue {
        return named(cell, InteractionChannel.values(), CONTACT_CHANNELS, "import.format.bad-contact-channel");
    }

    private static final Map<String, Direction> DIRECTIONS = Map.ofEntries(
            Map.entry("inbound", Direction.IN), Map.entry("incoming", Direction.IN),
            Map.entry("entrante", Direction.IN), Map.entry("entrada", Direction.IN),
            Map.entry("e", Direction.IN), Map.entry("outbound", Direction.OUT),
            Map.entry("outgoing", Direction.OUT), Map.entry("saliente", Direction.OUT),
            Map.entry("salida", Direction.OUT), Map.entry("s", Direction.OUT));

    /** Who started the contact: in (the customer) or out (us), in English or Spanish. */
    static Direction direction(String cell) throws BadValue {
        return named(cell, Direction.values(), DIRECTIONS, "import.format.bad-direction");
    }

    /** Lower case, without accents, spaces, dashes or underscores: how headers and words are compared. */
    public static String plain(String text) {
        String folded = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.replaceAll("[\\s_\\-.]+", "");
    }
}
