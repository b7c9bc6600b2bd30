package io.escalera.customer.internal;

import io.escalera.customer.AcquisitionChannel;
import io.escalera.customer.SalesChannel;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Believable customers, orders and referrals, the same for the same seed: a few heavy buyers and many one-off
 * shoppers, seasonality, every channel, customers who climb, lapse and come back, late and incomplete deliveries,
 * returns, discounts and referrals. Rows go to a {@link Sink}, so the data can be checked without a database.
 */
public final class CustomerDataGenerator {

    /** Receives rows in the column order of {@link #CUSTOMER_COLUMNS}, {@link #ORDER_COLUMNS} and {@link #REFERRAL_COLUMNS}. */
    public interface Sink {
        void customer(Object[] row) throws Exception;

        void order(Object[] row) throws Exception;

        void referral(Object[] row) throws Exception;
    }

    public record Size(int customers, long orders, long seed) {
    }

    /** The units orders are placed in: stores for shop sales, the online shop for web, app and marketplace, the call centre for phone. */
    public record Units(List<Long> stores, long online, long callCentre) {
    }

    public static final List<String> CUSTOMER_COLUMNS = List.of("id", "external_code", "name", "name_search", "email", "phone",
            "phone_digits", "phone_national", "phone_reversed", "birth_date", "home_unit_id", "acquisition_channel",
            "survey_consent", "created_at", "updated_by", "version");
    public static final List<String> ORDER_COLUMNS = List.of("id", "external_id", "customer_id", "order_date", "channel",
            "unit_id", "gross_amount", "discount", "cost_of_goods", "promised_delivery", "actual_delivery", "delivered_in_full",
            "returned_amount", "categories", "created_at", "updated_by", "version");
    public static final List<String> REFERRAL_COLUMNS = List.of("id", "referrer_id", "referred_id", "referred_on", "created_by");

    /** Every 100,000th customer is a very heavy buyer with this many orders (the benchmark's worst customer page). */
    public static final int HEAVIEST_BUYER_ORDERS = 1_000;
    public static final int HEAVIEST_BUYER_EVERY = 100_000;
    public static final int HEAVIEST_BUYER_OFFSET = 77;

    private static final String[] FIRST = {"María", "José", "Lucía", "Antonio", "Carmen", "Manuel", "Ana", "Francisco", "Isabel",
            "David", "Laura", "Javier", "Cristina", "Daniel", "Marta", "Jesús", "Elena", "Alejandro", "Pilar", "Miguel", "Raquel",
            "Rafael", "Sofía", "Pablo", "Nuria", "Sergio", "Rocío", "Álvaro", "Inés", "Adrián", "Begoña", "Íñigo", "Ainhoa",
            "Jorge", "Paula", "Andrés", "Irene", "Óscar", "Beatriz", "Rubén", "Noelia", "Iván", "Alba", "Hugo", "Nerea",
            "Ramón", "Sara", "Joaquín", "Mónica", "Tomás"};
    private static final String[] LAST = {"García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez",
            "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero",
            "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco",
            "Molina", "Morales", "Suárez", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Núñez",
            "Iglesias", "Medina", "Garrido", "Cortés", "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto",
            "Méndez", "Cruz", "Calvo", "Gallego", "Vidal", "León", "Márquez", "Herrera", "Peña", "Flores", "Etxeberria",
            "Goikoetxea", "de la Fuente"};
    private static final String[] CATEGORIES = {"shoes", "bags", "clothing", "accessories", "home", "beauty", "sports", "kids",
            "electronics", "books"};
    /** Relative sales by month, January first: sales in January, a quiet August, a busy November and December. */
    private static final double[] SEASON = {1.3, 0.85, 0.9, 0.95, 1.0, 1.0, 1.05, 0.7, 0.95, 1.0, 1.45, 1.75};
    private static final double MAX_SEASON = 1.75;
    private static final int HISTORY_DAYS = 4 * 365;

    private CustomerDataGenerator() {
    }

    /**
     * @param today the last day of history; nothing happens after it
     * @return the number of orders written
     */
    public static long generate(Size size, Units units, long firstCustomerId, long firstOrderId, long firstReferralId,
                                LocalDate today, Sink sink, Progress progress) throws Exception {
        SplittableRandom random = new SplittableRandom(size.seed());
        double scale = size.orders() / (expectedOrdersPerCustomer() * size.customers());
        LocalDate start = today.minusDays(HISTORY_DAYS);
        long orderId = firstOrderId;
        long referralId = firstReferralId;
        long ordersWritten = 0;
        Timestamp loadedAt = Timestamp.valueOf(today.atStartOfDay());
        for (int i = 0; i < size.customers(); i++) {
            long customerId = firstCustomerId + i;
            // customers join in order of their index, so that a referrer always joined before the one referred
            int joinDay = (int) ((long) i * (HISTORY_DAYS - 1) / Math.max(1, size.customers()));
            LocalDate joined = start.plusDays(joinDay);
            boolean referred = i > 100 && random.nextDouble() < 0.03;
            AcquisitionChannel acquisition = referred ? AcquisitionChannel.REFERRAL : acquisitionChannel(random);
            long homeUnit = homeUnit(acquisition, units, random);
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)] + " " + LAST[random.nextInt(LAST.length)];
            String name = first + " " + last;
            String nameSearch = SearchText.normalise(name);
            String email = random.nextDouble() < 0.6 ? nameSearch.replaceAll("[^a-z]+", ".") + "." + i + "@example.com" : null;
            String national = random.nextDouble() < 0.8 ? Long.toString(600_000_000L + (i * 7_919L) % 100_000_000L) : null;
            LocalDate birth = random.nextDouble() < 0.7 ? today.minusDays(18 * 365 + random.nextInt(67 * 365)) : null;
            sink.customer(new Object[]{customerId, "C" + (10_000_000 + i), name, nameSearch, email,
                    national == null ? null : "+34" + national, national == null ? null : "34" + national, national,
                    national == null ? null : new StringBuilder("34" + national).reverse().toString(),
                    birth == null ? null : Date.valueOf(birth), homeUnit, acquisition.name(), random.nextDouble() < 0.65,
                    Timestamp.valueOf(joined.atTime(9 + random.nextInt(10), random.nextInt(60))), "generator", 0L});
            if (referred) {
                long referrer = firstCustomerId + random.nextInt(i);
                sink.referral(new Object[]{referralId++, referrer, customerId, Date.valueOf(joined), "generator"});
            }

            int orders = ordersFor(i, random, scale);
            if (orders > 0) {
                ordersWritten += orders(customerId, i, orders, joined, today, homeUnit, units, random, orderId, loadedAt, sink);
                orderId += orders;
            }
            if (progress != null && (i + 1) % 10_000 == 0) {
                progress.report(i + 1, ordersWritten);
            }
        }
        if (progress != null) {
            progress.report(size.customers(), ordersWritten);
        }
        return ordersWritten;
    }

    public interface Progress {
        void report(long customers, long orders);
    }

    private static long orders(long customerId, int index, int count, LocalDate joined, LocalDate today, long homeUnit,
                               Units units, SplittableRandom random, long firstOrderId, Timestamp loadedAt, Sink sink) throws Exception {
        int span = (int) ChronoUnit.DAYS.between(joined, today);
        // Some stop buying (lapse), some of those come back after a long pause (won back).
        double shape = random.nextDouble();
        int activeUntil = shape < 0.25 ? (int) (span * (0.2 + 0.5 * random.nextDouble())) : span;
        int pauseFrom = -1;
        int pauseDays = 0;
        if (shape < 0.07 && span > 900) {
            pauseFrom = (int) (span * 0.3);
            pauseDays = 400 + random.nextInt(200);
            activeUntil = span;
        }
        SalesChannel preferred = preferredChannel(random);
        double ticket = Math.exp(3.4 + 0.6 * gaussian(random));
        long orderId = firstOrderId;
        for (int n = 0; n < count; n++) {
            int day = n == 0 ? 0 : seasonalDay(random, joined, Math.max(1, activeUntil));
            if (pauseFrom >= 0 && day > pauseFrom && day < pauseFrom + pauseDays) {
                day = Math.min(span, day + pauseDays);
            }
            LocalDate date = joined.plusDays(Math.min(day, span));
            SalesChannel channel = random.nextDouble() < 0.75 ? preferred : SalesChannel.values()[random.nextInt(5)];
            long unit = switch (channel) {
                case STORE -> units.stores().contains(homeUnit) ? homeUnit : units.stores().get(random.nextInt(units.stores().size()));
                case PHONE -> units.callCentre();
                default -> units.online();
            };
            long grossCents = Math.max(100, Math.round(ticket * Math.exp(0.4 * gaussian(random)) * 100));
            long discountCents = random.nextDouble() < 0.35 ? grossCents * (5 + random.nextInt(26)) / 100 : 0;
            long netCents = grossCents - discountCents;
            BigDecimal cost = random.nextDouble() < 0.7 ? BigDecimal.valueOf(netCents * (50 + random.nextInt(21)) / 100, 2) : null;
            Date promised = null;
            Date actual = null;
            Boolean inFull = null;
            if (channel != SalesChannel.STORE) {
                LocalDate promisedDate = date.plusDays(2 + random.nextInt(4));
                promised = Date.valueOf(promisedDate);
                LocalDate actualDate = random.nextDouble() < 0.85 ? promisedDate.minusDays(random.nextInt(2)) : promisedDate.plusDays(1 + random.nextInt(7));
                if (!actualDate.isAfter(today)) {
                    actual = Date.valueOf(actualDate.isBefore(date) ? date : actualDate);
                    inFull = random.nextDouble() < 0.93;
                }
            }
            long returnedCents = random.nextDouble() < 0.08 ? grossCents * (30 + random.nextInt(71)) / 100 : 0;
            String categories = CATEGORIES[random.nextInt(CATEGORIES.length)]
                    + (random.nextDouble() < 0.3 ? "," + CATEGORIES[random.nextInt(CATEGORIES.length)] : "");
            sink.order(new Object[]{orderId, "O" + orderId, customerId, Date.valueOf(date), channel.name(), unit,
                    BigDecimal.valueOf(grossCents, 2), BigDecimal.valueOf(discountCents, 2), cost, promised, actual, inFull,
                    BigDecimal.valueOf(returnedCents, 2), categories, loadedAt, "generator", 0L});
            orderId++;
        }
        return count;
    }

    /** A day within [0, limit] weighted by the season of its month. */
    private static int seasonalDay(SplittableRandom random, LocalDate joined, int limit) {
        while (true) {
            int day = random.nextInt(limit + 1);
            int month = joined.plusDays(day).getMonthValue();
            if (random.nextDouble() * MAX_SEASON <= SEASON[month - 1]) {
                return day;
            }
        }
    }

    static int ordersFor(int index, SplittableRandom random, double scale) {
        double profile = random.nextDouble();
        if (index % HEAVIEST_BUYER_EVERY == HEAVIEST_BUYER_OFFSET) {
            return HEAVIEST_BUYER_ORDERS;
        }
        int raw;
        if (profile < 0.08) {
            return 0; // prospects: known, never bought
        } else if (profile < 0.45) {
            return 1; // one-off shoppers
        } else if (profile < 0.75) {
            raw = 2 + random.nextInt(5);
        } else if (profile < 0.93) {
            raw = 8 + random.nextInt(23);
        } else {
            raw = 30 + random.nextInt(121);
        }
        return Math.max(2, (int) Math.round(raw * scale));
    }

    /** The mean of {@link #ordersFor} before scaling, so that a requested total of orders is met on average. */
    static double expectedOrdersPerCustomer() {
        return 0.37 * 1 + 0.30 * 4 + 0.18 * 19 + 0.07 * 90;
    }

    private static AcquisitionChannel acquisitionChannel(SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.55) return AcquisitionChannel.STORE;
        if (r < 0.80) return AcquisitionChannel.WEB;
        if (r < 0.89) return AcquisitionChannel.APP;
        if (r < 0.94) return AcquisitionChannel.PHONE;
        if (r < 0.99) return AcquisitionChannel.MARKETPLACE;
        return AcquisitionChannel.OTHER;
    }

    private static SalesChannel preferredChannel(SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.55) return SalesChannel.STORE;
        if (r < 0.80) return SalesChannel.WEB;
        if (r < 0.90) return SalesChannel.APP;
        if (r < 0.95) return SalesChannel.PHONE;
        return SalesChannel.MARKETPLACE;
    }

    private static long homeUnit(AcquisitionChannel channel, Units units, SplittableRandom random) {
        if ((channel == AcquisitionChannel.WEB || channel == AcquisitionChannel.APP) && random.nextDouble() < 0.5) {
            return units.online();
        }
        if (channel == AcquisitionChannel.PHONE && random.nextDouble() < 0.5) {
            return units.callCentre();
        }
        return units.stores().get(random.nextInt(units.stores().size()));
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian of its own before Java 17's RandomGenerator default
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
