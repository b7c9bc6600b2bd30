package io.escalera.feedback.internal;

import io.escalera.customer.CustomerEvents;
import io.escalera.feedback.FeedbackKind;
import io.escalera.feedback.FollowUpOutcome;
import io.escalera.shared.jdbc.RowWriter;
import io.escalera.shared.jdbc.RowWriters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
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

/**
 * Answers for generated customers (about 2 million at 10 million orders): one order in eight gets an after-purchase
 * answer (NPS, with a CSAT 40 % of the time) and about one customer in four a relationship NPS; survey links and staff as sources; a realistic NPS spread
 * that turns sour after late or incomplete deliveries and after complaints; and a closed-loop follow-up for every
 * unhappy answer (most of them closed, some late). Runs after the complaint generator, whose cases it reads.
 */
@Component
public class FeedbackDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(FeedbackDataGenerator.class);
    static final List<String> FEEDBACK_COLUMNS = List.of("id", "customer_id", "unit_id", "answered_at", "kind", "score", "comment",
            "source", "touchpoint", "order_id", "interaction_id", "complaint_id", "invitation_id", "recorded_by_name");
    static final List<String> FOLLOW_UP_COLUMNS = List.of("id", "feedback_id", "customer_id", "unit_id", "opened_at", "due_at",
            "closed_at", "outcome", "notes", "closed_by_name", "complaint_id", "version");
    private static final int CHUNK = 20_000;
    private static final String[] GOOD = {"Fast and friendly", "Great service", "Everything arrived perfectly", null, null};
    private static final String[] BAD = {"Late again", "Missing items", "Nobody answered my e-mails", "Too expensive", null};

    public record Result(long answers, long followUps, Duration elapsed) {
        public double rowsPerSecond() {
            return (answers + followUps) / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    FeedbackDataGenerator(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(20) // after the complaint generator: troubled orders and complaints make unhappy answers likelier
    void onCustomersGenerated(CustomerEvents.CustomersGenerated generated) throws SQLException {
        load(generated.firstId(), generated.lastId(), generated.seed(), generated.today());
    }

    private record OrderFacts(long id, long customerId, long unitId, LocalDate date, boolean troubled, boolean complained) {
    }

    public Result load(long firstCustomerId, long lastCustomerId, long seed, LocalDate today) throws SQLException {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed * 13 + 11);
        long nextId = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM feedback").query(Long.class).single() + 1_000;
        long nextFollowUp = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM feedback_follow_up").query(Long.class).single() + 1_000;
        long firstId = nextId;
        long firstFollowUp = nextFollowUp;
        Instant now = today.atStartOfDay(ZoneId.systemDefault()).toInstant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement session = connection.createStatement()) {
                session.execute("SET SESSION foreign_key_checks = 0");
            }
            boolean loadData = RowWriters.loadDataAllowed(connection);
            try (RowWriter answers = RowWriters.forTable(connection, loadData, "feedback", FEEDBACK_COLUMNS);
                 RowWriter followUps = RowWriters.forTable(connection, loadData, "feedback_follow_up", FOLLOW_UP_COLUMNS)) {
                for (long from = firstCustomerId; from <= lastCustomerId; from += CHUNK) {
                    long to = Math.min(lastCustomerId, from + CHUNK - 1);
                    List<OrderFacts> orders = jdbc.sql("""
                                    SELECT o.id, o.customer_id, c.home_unit_id, o.order_date,
                                           COALESCE(o.actual_delivery > o.promised_delivery, FALSE) OR COALESCE(o.delivered_in_full = FALSE, FALSE),
                                           EXISTS (SELECT 1 FROM complaint_case k WHERE k.order_id = o.id)
                                    FROM customer_order o JOIN customer c ON c.id = o.customer_id
                                    WHERE o.customer_id BETWEEN ? AND ? ORDER BY o.customer_id, o.id""")
                            .params(from, to).query((rs, n) -> new OrderFacts(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                                    rs.getDate(4).toLocalDate(), rs.getBoolean(5), rs.getBoolean(6))).list();
                    long lastCustomer = -1;
                    for (OrderFacts order : orders) {
                        if (order.customerId() != lastCustomer && random.nextDouble() < 0.25) {
                            // a relationship NPS some time after their first order
                            Instant at = order.date().plusDays(30 + random.nextInt(300)).atTime(10 + random.nextInt(10), random.nextInt(60))
                                    .atZone(ZoneId.systemDefault()).toInstant();
                            if (at.isBefore(now)) {
                                int score = nps(random, false, false);
                                nextFollowUp = answer(answers, followUps, nextId++, nextFollowUp, order, at, FeedbackKind.NPS, score,
                                        "RELATIONSHIP", null, random, now);
                            }
                        }
                        lastCustomer = order.customerId();
                        if (random.nextDouble() < 0.12) {
                            Instant at = order.date().plusDays(3 + random.nextInt(8)).atTime(9 + random.nextInt(12), random.nextInt(60))
                                    .atZone(ZoneId.systemDefault()).toInstant();
                            if (!at.isBefore(now)) {
                                continue;
                            }
                            int score = nps(random, order.troubled(), order.complained());
                            nextFollowUp = answer(answers, followUps, nextId++, nextFollowUp, order, at, FeedbackKind.NPS, score,
                                    "AFTER_PURCHASE", order.id(), random, now);
                            if (random.nextDouble() < 0.4) {
                                int csat = Math.max(1, Math.min(5, (int) Math.round(1 + score * 0.4 + random.nextGaussian() * 0.6)));
                                nextFollowUp = answer(answers, followUps, nextId++, nextFollowUp, order, at.plusSeconds(20), FeedbackKind.CSAT,
                                        csat, "AFTER_PURCHASE", order.id(), random, now);
                            }
                        }
                    }
                    answers.flush();
                    followUps.flush();
                    connection.commit();
                }
            }
            connection.commit();
        }
        Result result = new Result(nextId - firstId, nextFollowUp - firstFollowUp, Duration.ofNanos(System.nanoTime() - started));
        log.info(String.format(Locale.ROOT, "Loaded %,d answers and %,d follow-ups in %.1f s", result.answers(), result.followUps(),
                result.elapsed().toMillis() / 1000.0));
        return result;
    }

    private static long answer(RowWriter answers, RowWriter followUps, long id, long nextFollowUp, OrderFacts order, Instant at,
                               FeedbackKind kind, int score, String touchpoint, Long orderId, SplittableRandom random, Instant now)
            throws SQLException {
        boolean survey = random.nextDouble() < 0.7;
        String comment = random.nextDouble() < 0.3 ? (kind.unhappy(score) ? BAD : GOOD)[random.nextInt(5)] : null;
        answers.add(id, order.customerId(), order.unitId(), Timestamp.from(at), kind.name(), score, comment,
                survey ? "SURVEY_LINK" : "STAFF", touchpoint, orderId, null, null, null, survey ? null : "Generated staff");
        if (!kind.unhappy(score)) {
            return nextFollowUp;
        }
        Instant due = at.plus(Duration.ofHours(48));
        Instant closed = null;
        FollowUpOutcome outcome = null;
        if (random.nextDouble() < 0.85) {
            Instant candidate = at.plus(Duration.ofHours(random.nextDouble() < 0.8 ? 2 + random.nextInt(44) : 49 + random.nextInt(100)));
            if (candidate.isBefore(now)) {
                closed = candidate;
                double r = random.nextDouble();
                outcome = r < 0.45 ? FollowUpOutcome.CONTACTED_RECOVERED : r < 0.8 ? FollowUpOutcome.CONTACTED_NOT_RECOVERED : FollowUpOutcome.NOT_REACHABLE;
            }
        }
        followUps.add(nextFollowUp, id, order.customerId(), order.unitId(), Timestamp.from(at), Timestamp.from(due),
                closed == null ? null : Timestamp.from(closed), outcome == null ? null : outcome.name(), null,
                closed == null ? null : "Generated staff", null, 0L);
        return nextFollowUp + 1;
    }

    /** NPS 0–10: mostly promoters and passives; troubled orders and complaints shift answers towards detractors. */
    private static int nps(SplittableRandom random, boolean troubled, boolean complained) {
        double detractor = complained ? 0.6 : troubled ? 0.4 : 0.15;
        double passive = 0.3;
        double r = random.nextDouble();
        if (r < detractor) {
            return random.nextInt(7);
        }
        if (r < detractor + passive) {
            return 7 + random.nextInt(2);
        }
        return 9 + random.nextInt(2);
    }
}
