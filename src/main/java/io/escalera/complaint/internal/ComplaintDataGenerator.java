package io.escalera.complaint.internal;

import io.escalera.complaint.CompensationType;
import io.escalera.complaint.ComplaintCategory;
import io.escalera.complaint.ComplaintStatus;
import io.escalera.complaint.Severity;
import io.escalera.customer.CustomerEvents;
import io.escalera.interaction.InteractionChannel;
import io.escalera.shared.jdbc.RowWriter;
import io.escalera.shared.jdbc.RowWriters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.math.BigDecimal;
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
 * Complaint cases for generated customers: about 3 per 100 orders, five times likelier on late, incomplete or
 * returned orders, with the category that fits; realistic response and resolution times (default SLA targets, some
 * breached), waiting-for-customer pauses, compensations on a third of resolved cases, and a compact history
 * (opened, assigned, started, resolved, closed). Deterministic for the data set's seed.
 */
@Component
public class ComplaintDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(ComplaintDataGenerator.class);
    static final List<String> CASE_COLUMNS = List.of("id", "customer_id", "unit_id", "opened_at", "opened_by", "opened_by_name",
            "channel", "category", "severity", "order_id", "description", "status", "assignee", "assignee_name",
            "response_due_at", "resolution_due_at", "first_response_at", "first_response_minutes", "paused_since",
            "paused_minutes", "resolved_at", "resolution_minutes", "resolution", "root_cause_id", "closed_at",
            "response_breached_at", "resolution_breached_at", "reopened_count", "source_interaction_id", "updated_by_name",
            "updated_at", "version");
    static final List<String> HISTORY_COLUMNS = List.of("case_id", "at", "actor_name", "kind", "from_value", "to_value", "note");
    static final List<String> COMPENSATION_COLUMNS = List.of("id", "case_id", "type", "amount", "reason", "granted_by",
            "granted_by_name", "granted_at", "status", "decided_by_name", "decided_at", "version");
    private static final int CHUNK = 20_000;
    /** Sub-causes of the seeded taxonomy, by category. */
    private static final long[][] ROOT_CAUSES = {{2, 4}, {3}, {6, 7, 8}, {14, 15}, {10, 11, 12}, {7, 17, 18}, {11, 12, 17}};

    public record Result(long cases, long historyRows, long compensations, Duration elapsed) {
        public double rowsPerSecond() {
            return (cases + historyRows + compensations) / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    ComplaintDataGenerator(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(10) // before the feedback generator, which reads the cases
    void onCustomersGenerated(CustomerEvents.CustomersGenerated generated) throws SQLException {
        load(generated.firstId(), generated.lastId(), generated.seed(), generated.today());
    }

    /** One order as the generator needs it. */
    private record OrderFacts(long id, long customerId, long unitId, LocalDate date, boolean late, boolean incomplete, boolean returned) {
    }

    public Result load(long firstCustomerId, long lastCustomerId, long seed, LocalDate today) throws SQLException {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed * 17 + 3);
        long nextId = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM complaint_case").query(Long.class).single() + 1_000;
        long nextCompensationId = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM complaint_compensation").query(Long.class).single() + 1_000;
        long firstId = nextId;
        long firstCompensationId = nextCompensationId;
        long[] history = {0};
        Instant now = today.atStartOfDay(ZoneId.systemDefault()).toInstant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement session = connection.createStatement()) {
                session.execute("SET SESSION foreign_key_checks = 0");
            }
            boolean loadData = RowWriters.loadDataAllowed(connection);
            try (RowWriter cases = RowWriters.forTable(connection, loadData, "complaint_case", CASE_COLUMNS);
                 RowWriter historyRows = RowWriters.forTable(connection, loadData, "complaint_history", HISTORY_COLUMNS);
                 RowWriter compensations = RowWriters.forTable(connection, loadData, "complaint_compensation", COMPENSATION_COLUMNS)) {
                for (long from = firstCustomerId; from <= lastCustomerId; from += CHUNK) {
                    long to = Math.min(lastCustomerId, from + CHUNK - 1);
                    List<OrderFacts> orders = jdbc.sql("""
                                    SELECT o.id, o.customer_id, c.home_unit_id, o.order_date,
                                           o.actual_delivery > o.promised_delivery, o.delivered_in_full = FALSE, o.returned_amount > 0
                                    FROM customer_order o JOIN customer c ON c.id = o.customer_id
                                    WHERE o.customer_id BETWEEN ? AND ? ORDER BY o.customer_id, o.id""")
                            .params(from, to).query((rs, n) -> new OrderFacts(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                                    rs.getDate(4).toLocalDate(), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7))).list();
                    for (OrderFacts order : orders) {
                        boolean troubled = order.late() || order.incomplete() || order.returned();
                        // an order of the last two days has had no time to go wrong yet
                        if (random.nextDouble() < (troubled ? 0.10 : 0.018) && order.date().isBefore(today.minusDays(1))) {
                            nextCompensationId = caseFor(order, random, nextId++, nextCompensationId, now, cases, historyRows,
                                    compensations, history);
                        }
                    }
                    cases.flush();
                    historyRows.flush();
                    compensations.flush();
                    connection.commit();
                }
            }
            connection.commit();
        }
        jdbc.sql("SELECT SETVAL(complaint_case_seq, " + (nextId + 100) + ")").query().listOfRows();
        jdbc.sql("SELECT SETVAL(complaint_compensation_seq, " + (nextCompensationId + 100) + ")").query().listOfRows();
        Result result = new Result(nextId - firstId, history[0], nextCompensationId - firstCompensationId,
                Duration.ofNanos(System.nanoTime() - started));
        log.info(String.format(Locale.ROOT, "Loaded %,d complaint cases (%,d history rows, %,d compensations) in %.1f s",
                result.cases(), result.historyRows(), result.compensations(), result.elapsed().toMillis() / 1000.0));
        return result;
    }

    private static long caseFor(OrderFacts order, SplittableRandom random, long id, long nextCompensationId, Instant now,
                                RowWriter cases, RowWriter history, RowWriter compensations, long[] historyCount) throws SQLException {
        ComplaintCategory category = order.late() ? ComplaintCategory.LATE_DELIVERY
                : order.incomplete() ? ComplaintCategory.INCOMPLETE_ORDER
                : order.returned() ? ComplaintCategory.RETURN_REFUND
                : ComplaintCategory.values()[2 + random.nextInt(5)];
        Severity severity = severity(random);
        Instant opened = order.date().atStartOfDay(ZoneId.systemDefault()).toInstant()
                .plus(Duration.ofMinutes(60L * 24 * (2 + random.nextInt(10)) + random.nextInt(600) + 480));
        if (!opened.isBefore(now)) {
            opened = now.minus(Duration.ofMinutes(30 + random.nextInt(600)));
        }
        Instant responseDue = opened.plus(severity.defaultResponse());
        Instant resolutionDue = opened.plus(severity.defaultResolution());
        long ageMinutes = Duration.between(opened, now).toMinutes();
        // response after a fraction of the target; one in eight late
        long responseMinutes = (long) (severity.defaultResponse().toMinutes() * (random.nextDouble() < 0.125
                ? 1.05 + random.nextDouble() : 0.1 + random.nextDouble() * 0.85));
        long resolutionMinutes = responseMinutes + (long) (severity.defaultResolution().toMinutes() * (random.nextDouble() < 0.15
                ? 1.02 + random.nextDouble() : 0.15 + random.nextDouble() * 0.8));
        long pausedMinutes = random.nextDouble() < 0.25 ? 60 + random.nextInt(60 * 24 * 2) : 0;
        Instant firstResponse = responseMinutes <= ageMinutes ? opened.plus(Duration.ofMinutes(responseMinutes)) : null;
        Instant resolved = resolutionMinutes + pausedMinutes <= ageMinutes ? opened.plus(Duration.ofMinutes(resolutionMinutes + pausedMinutes)) : null;
        Instant dueWithPause = resolutionDue.plus(Duration.ofMinutes(pausedMinutes));
        Instant closed = resolved != null && Duration.between(resolved, now).toDays() > 7 && random.nextDouble() < 0.85
                ? resolved.plus(Duration.ofDays(3 + random.nextInt(4))) : null;
        ComplaintStatus status = closed != null ? ComplaintStatus.CLOSED : resolved != null ? ComplaintStatus.RESOLVED
                : firstResponse != null ? (random.nextDouble() < 0.2 ? ComplaintStatus.WAITING_CUSTOMER : ComplaintStatus.IN_PROGRESS)
                : random.nextDouble() < 0.5 ? ComplaintStatus.NEW : ComplaintStatus.ASSIGNED;
        boolean assigned = status != ComplaintStatus.NEW;
        Instant pausedSince = status == ComplaintStatus.WAITING_CUSTOMER ? now.minus(Duration.ofMinutes(30 + random.nextInt(600))) : null;
        Instant responseBreached = firstResponse == null ? (now.isAfter(responseDue) ? responseDue : null)
                : firstResponse.isAfter(responseDue) ? responseDue : null;
        Instant resolutionBreached = resolved != null ? (resolved.isAfter(dueWithPause) ? dueWithPause : null)
                : pausedSince == null && now.isAfter(dueWithPause) ? dueWithPause : null;
        long rootCause = ROOT_CAUSES[category.ordinal()][random.nextInt(ROOT_CAUSES[category.ordinal()].length)];
        String assignee = assigned ? "generator" : null;
        Instant updated = closed != null ? closed : resolved != null ? resolved : firstResponse != null ? firstResponse : opened;
        cases.add(id, order.customerId(), order.unitId(), ts(opened), "generator", "Generated staff", channel(random).name(),
                category.name(), severity.name(), order.id(), describe(category), status.name(), assignee,
                assigned ? "Generated staff" : null, ts(responseDue), ts(dueWithPause), ts(firstResponse),
                firstResponse == null ? null : (int) responseMinutes, ts(pausedSince), resolved == null ? 0 : (int) pausedMinutes,
                ts(resolved), resolved == null ? null : (int) resolutionMinutes, resolved == null ? null : "Solved with the customer",
                resolved == null ? null : rootCause, ts(closed), ts(responseBreached), ts(resolutionBreached), 0, null,
                "Generated staff", ts(updated), 0L);
        historyCount[0] += historyFor(id, opened, assigned, firstResponse, resolved, closed, status, history);
        if (resolved != null && random.nextDouble() < 0.33) {
            CompensationType type = CompensationType.values()[random.nextInt(CompensationType.values().length)];
            BigDecimal amount = type == CompensationType.GESTURE ? BigDecimal.ZERO.setScale(2)
                    : BigDecimal.valueOf(500 + random.nextInt(7_500), 2);
            compensations.add(nextCompensationId, id, type.name(), amount, "Goodwill for the trouble", "generator",
                    "Generated staff", ts(resolved), "GRANTED", null, null, 0L);
            history.add(id, ts(resolved), "Generated staff", "COMPENSATION", type.name(), "GRANTED", amount.toPlainString());
            historyCount[0]++;
            return nextCompensationId + 1;
        }
        return nextCompensationId;
    }

    private static int historyFor(long id, Instant opened, boolean assigned, Instant firstResponse, Instant resolved,
                                  Instant closed, ComplaintStatus status, RowWriter history) throws SQLException {
        int rows = 1;
        history.add(id, ts(opened), "Generated staff", "CREATED", null, "NEW", null);
        if (assigned) {
            history.add(id, ts(opened.plusSeconds(600)), "Generated staff", "STATUS", "NEW", "ASSIGNED", null);
            rows++;
        }
        if (firstResponse != null) {
            history.add(id, ts(firstResponse), "Generated staff", "STATUS", "ASSIGNED", "IN_PROGRESS", null);
            rows++;
            if (status == ComplaintStatus.WAITING_CUSTOMER) {
                history.add(id, ts(firstResponse.plusSeconds(60)), "Generated staff", "STATUS", "IN_PROGRESS", "WAITING_CUSTOMER", null);
                rows++;
            }
        }
        if (resolved != null) {
            history.add(id, ts(resolved), "Generated staff", "STATUS", "IN_PROGRESS", "RESOLVED", "Solved with the customer");
            rows++;
        }
        if (closed != null) {
            history.add(id, ts(closed), "Generated staff", "STATUS", "RESOLVED", "CLOSED", null);
            rows++;
        }
        return rows;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Severity severity(SplittableRandom random) {
        double r = random.nextDouble();
        return r < 0.30 ? Severity.LOW : r < 0.75 ? Severity.MEDIUM : r < 0.95 ? Severity.HIGH : Severity.CRITICAL;
    }

    private static InteractionChannel channel(SplittableRandom random) {
        double r = random.nextDouble();
        return r < 0.45 ? InteractionChannel.PHONE : r < 0.75 ? InteractionChannel.EMAIL : r < 0.88 ? InteractionChannel.CHAT
                : r < 0.95 ? InteractionChannel.IN_STORE : InteractionChannel.SOCIAL;
    }

    private static String describe(ComplaintCategory category) {
        return switch (category) {
            case LATE_DELIVERY -> "The parcel arrived days after the promised date";
            case INCOMPLETE_ORDER -> "Items missing from the parcel";
            case DEFECTIVE_PRODUCT -> "The product does not work";
            case BILLING -> "Charged the wrong amount";
            case STAFF_ATTITUDE -> "Unhappy with how they were treated";
            case RETURN_REFUND -> "The refund has not arrived";
            case OTHER -> "Other problem";
        };
    }
}
