package io.escalera.customer.internal;

import io.escalera.customer.OrderFilter;
import io.escalera.customer.OrderRow;
import io.escalera.customer.SalesChannel;
import io.escalera.shared.jdbc.StreamingQuery;
import io.escalera.shared.jdbc.UnitCondition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Order lists in SQL, newest first, paged in the database. */
@Component
public class OrderQueries {

    private static final String SELECT = """
            SELECT o.id, o.external_id, o.customer_id, c.name, o.order_date, o.channel, o.unit_id, o.gross_amount, o.discount,
                   o.cost_of_goods, o.promised_delivery, o.actual_delivery, o.delivered_in_full, o.returned_amount,
                   o.categories, o.version, c.external_code
            FROM customer_order o JOIN customer c ON c.id = o.customer_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    OrderQueries(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    public List<OrderRow> ofCustomer(long customerId, long offset, int limit, Map<Long, String> unitNames) {
        return jdbc.sql(SELECT + " WHERE o.customer_id = ? ORDER BY o.order_date DESC, o.id DESC LIMIT ? OFFSET ?")
                .params(customerId, limit, offset).query(mapper(unitNames)).list();
    }

    public Optional<OrderRow> byId(long id, Map<Long, String> unitNames) {
        return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(mapper(unitNames)).optional();
    }

    public List<OrderRow> list(OrderFilter filter, Set<Long> units, long offset, int limit, Map<Long, String> unitNames) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, units, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(SELECT + where + " ORDER BY o.order_date DESC, o.id DESC LIMIT ? OFFSET ?").params(params)
                .query(mapper(unitNames)).list();
    }

    /**
     * Every order of the list, in the list's order, streamed from the server a thousand rows at a time (an export of
     * millions never holds them all, and never pages with OFFSET).
     */
    public void forEach(OrderFilter filter, Set<Long> units, Map<Long, String> unitNames, Consumer<OrderRow> sink) {
        List<Object> params = new ArrayList<>();
        String sql = SELECT + where(filter, units, params) + " ORDER BY o.order_date DESC, o.id DESC";
        StreamingQuery.forEach(jdbcTemplate, sql, params, mapper(unitNames), sink);
    }

    private static String where(OrderFilter filter, Set<Long> units, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (units != null) {
            conditions.add(UnitCondition.in("o.unit_id", units));
        }
        if (filter.from() != null) {
            conditions.add("o.order_date >= ?");
            params.add(Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("o.order_date <= ?");
            params.add(Date.valueOf(filter.to()));
        }
        if (filter.channel() != null) {
            conditions.add("o.channel = ?");
            params.add(filter.channel().name());
        }
        if (filter.late()) {
            conditions.add("o.actual_delivery > o.promised_delivery");
        }
        if (filter.incomplete()) {
            conditions.add("o.delivered_in_full = FALSE");
        }
        if (filter.returned()) {
            conditions.add("o.returned_amount > 0");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static RowMapper<OrderRow> mapper(Map<Long, String> unitNames) {
        return (rs, n) -> new OrderRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), SalesChannel.valueOf(rs.getString(6)), rs.getLong(7),
                unitNames.getOrDefault(rs.getLong(7), ""), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                rs.getDate(11) == null ? null : rs.getDate(11).toLocalDate(),
                rs.getDate(12) == null ? null : rs.getDate(12).toLocalDate(),
                rs.getObject(13) == null ? null : rs.getBoolean(13), rs.getBigDecimal(14), rs.getString(15), rs.getLong(16),
                rs.getString(17));
    }
}
