package io.escalera.interaction.internal;

import io.escalera.customer.CustomerEvents;
import io.escalera.interaction.Direction;
import io.escalera.interaction.InteractionChannel;
import io.escalera.shared.jdbc.RowWriter;
import io.escalera.shared.jdbc.RowWriters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * Interactions for generated customers (about 3 each; 9,000 for the generator's very heavy buyers, so that their
 * timeline holds about 10,000 entries): a realistic channel mix, reasons, first-contact resolution and minutes.
 * Deterministic for the data set's seed.
 */
@Component
public class InteractionDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(InteractionDataGenerator.class);
    public static final List<String> COLUMNS = List.of("id", "customer_id", "occurred_at", "channel", "direction", "reason_id",
            "summary", "resolved_first_contact", "minutes", "handled_by", "handled_by_name", "unit_id", "follow_up_on",
            "follow_up_done_at", "created_at", "version");
    /** Matches the customer generator's very heavy buyers (external codes C10000077, C10100077, …). */
    private static final int HEAVY_EVERY = 100_000;
    private static final int HEAVY_OFFSET = 77;
    private static final int HEAVY_INTERACTIONS = 9_000;
    private static final int CHUNK = 20_000;
    private static final String[][] SUMMARIES = {
            {"Asked where the order is", "Wanted the delivery date", "Checked the order status"},
            {"Parcel arrived late", "Courier did not come", "Parcel missing an item"},
            {"Asked about sizes", "Wanted to know if it is in stock", "Asked how to use the product"},
            {"Wants to return an item", "Asked about the refund", "Exchange for another size"},
            {"Charged twice", "Invoice needed", "Discount not applied"},
            {"Unhappy with the service", "Product broke after a week", "Staff was rude"},
            {"Changed the address", "Updated the phone number", "Asked to delete the account"},
            {"General question", "Called by mistake", "Feedback about the shop"}};

    public record Result(long interactions, Duration elapsed) {
        public double rowsPerSecond() {
            return interactions / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    InteractionDataGenerator(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @EventListener
    void onCustomersGenerated(CustomerEvents.CustomersGenerated generated) throws SQLException {
        load(generated.firstId(), generated.lastId(), generated.seed(), generated.today());
    }

    public Result load(long firstCustomerId, long lastCustomerId, long seed, LocalDate today) throws SQLException {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        long nextId = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM interaction").query(Long.class).single() + 1_000;
        long firstId = nextId;
        Instant end = today.atStartOfDay(ZoneId.systemDefault()).toInstant();
        Timestamp loadedAt = Timestamp.from(end);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement session = connection.createStatement()) {
                session.execute("SET SESSION foreign_key_checks = 0");
            }
            try (RowWriter rows = RowWriters.forTable(connection, RowWriters.loadDataAllowed(connection), "interaction", COLUMNS)) {
                for (long from = firstCustomerId; from <= lastCustomerId; from += CHUNK) {
                    long to = Math.min(lastCustomerId, from + CHUNK - 1);
                    List<Object[]> customers = jdbc.sql("SELECT id, external_code, created_at, home_unit_id FROM customer WHERE id BETWEEN ? AND ? ORDER BY id")
                            .params(from, to).query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4)})
                            .list();
                    for (Object[] customer : customers) {
                        nextId = interactionsFor(customer, random, nextId, end, loadedAt, rows);
                    }
                    rows.flush();
                    connection.commit();
                }
            }
            connection.commit();
        }
        long max = nextId - 1;
        jdbc.sql("SELECT SETVAL(interaction_seq, " + (max + 100) + ")").query().listOfRows();
        Result result = new Result(nextId - firstId, Duration.ofNanos(System.nanoTime() - started));
        log.info(String.format(Locale.ROOT, "Loaded %,d interactions in %.1f s (%,.0f rows/s)", result.interactions(),
                result.elapsed().toMillis() / 1000.0, result.rowsPerSecond()));
        return result;
    }

    private static long interactionsFor(Object[] customer, SplittableRandom random, long nextId, Instant end, Timestamp loadedAt,
                                        RowWriter rows) throws SQLException {
        long customerId = (Long) customer[0];
        String code = (String) customer[1];
        Instant joined = (Instant) customer[2];
        long unit = (Long) customer[3];
        int index = code.startsWith("C1") && code.length() == 9 ? Integer.parseInt(code.substring(1)) - 10_000_000 : -1;
        int count = index >= 0 && index % HEAVY_EVERY == HEAVY_OFFSET ? HEAVY_INTERACTIONS
                : random.nextDouble() < 0.15 ? 0 : 1 + random.nextInt(6);
        long span = Math.max(1, Duration.between(joined, end).getSeconds());
        for (int i = 0; i < count; i++) {
            Instant at = joined.plusSeconds((long) (random.nextDouble() * span));
            InteractionChannel channel = channel(random);
            int reason = reason(random);
            boolean resolved = random.nextDouble() < (reason == 2 || reason == 6 ? 0.45 : 0.78);
            int minutes = switch (channel) {
                case PHONE -> 3 + random.nextInt(13);
                case CHAT -> 4 + random.nextInt(17);
                case EMAIL -> 2 + random.nextInt(7);
                default -> 2 + random.nextInt(9);
            };
            LocalDate followUp = !resolved && random.nextDouble() < 0.5
                    ? at.atZone(ZoneId.systemDefault()).toLocalDate().plusDays(1 + random.nextInt(5)) : null;
            Timestamp followUpDone = followUp != null && followUp.isBefore(end.atZone(ZoneId.systemDefault()).toLocalDate())
                    && random.nextDouble() < 0.9 ? Timestamp.valueOf(followUp.atTime(11, 0)) : null;
            String[] texts = SUMMARIES[reason - 1];
            rows.add(nextId++, customerId, Timestamp.from(at), channel.name(), random.nextDouble() < 0.8 ? Direction.IN.name() : Direction.OUT.name(),
                    (long) reason, texts[random.nextInt(texts.length)], resolved, minutes, "generator", "Generated staff", unit,
                    followUp == null ? null : Date.valueOf(followUp), followUpDone, loadedAt, 0L);
        }
        return nextId;
    }

    private static InteractionChannel channel(SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.40) return InteractionChannel.PHONE;
        if (r < 0.65) return InteractionChannel.EMAIL;
        if (r < 0.80) return InteractionChannel.CHAT;
        if (r < 0.90) return InteractionChannel.IN_STORE;
        if (r < 0.95) return InteractionChannel.SOCIAL;
        return InteractionChannel.APP;
    }

    /** Reason ids of the seeded list, weighted: order status and delivery problems are the most common. */
    private static int reason(SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.28) return 1;
        if (r < 0.45) return 2;
        if (r < 0.60) return 3;
        if (r < 0.72) return 4;
        if (r < 0.80) return 5;
        if (r < 0.86) return 6;
        if (r < 0.93) return 7;
        return 8;
    }

}
