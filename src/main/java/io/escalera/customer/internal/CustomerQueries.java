package io.escalera.customer.internal;

import io.escalera.customer.AcquisitionChannel;
import io.escalera.customer.CustomerSearch;
import io.escalera.customer.CustomerSummary;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The customer list in SQL: the search text is recognised by its shape and each shape uses its own index (code
 * prefix, e-mail prefix, phone prefix/suffix, full-text name words); paging and sorting happen in the database.
 */
@Component
public class CustomerQueries {

    private static final Map<String, String> SORTABLE = Map.of(
            "name", "c.name_search", "externalCode", "c.external_code", "createdAt", "c.created_at");

    private final JdbcClient jdbc;

    CustomerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CustomerSummary> search(CustomerSearch search, Set<Long> units, Sort sort, long offset, int limit,
                                        Map<Long, String> unitNames) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.external_code, c.name, c.email, c.phone, c.home_unit_id, c.acquisition_channel, c.created_at
                FROM customer c""");
        String matches = matchingIds(search.text(), params);
        if (matches != null) {
            sql.append(" JOIN (").append(matches).append(") m ON m.id = c.id");
        }
        sql.append(filters(search, units, params));
        sql.append(" ORDER BY ").append(orderBy(sort)).append(" LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new CustomerSummary(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), unitNames.getOrDefault(rs.getLong(6), ""),
                AcquisitionChannel.valueOf(rs.getString(7)), rs.getTimestamp(8).toInstant())).list();
    }

    /** A union of id lists, one per way the text may identify customers, or null for "everybody". */
    static String matchingIds(String text, List<Object> params) {
        if (!StringUtils.hasText(text)) {
            return null;
        }
        String trimmed = text.trim();
        List<String> parts = new ArrayList<>();
        parts.add("SELECT id FROM customer WHERE external_code LIKE ?");
        params.add(SearchText.likePrefix(trimmed));
        if (trimmed.contains("@")) {
            parts.add("SELECT id FROM customer WHERE email LIKE ?");
            params.add(SearchText.likePrefix(trimmed.toLowerCase(java.util.Locale.ROOT)));
        } else if (trimmed.matches("[+()\\d\\s./-]+") && Phones.digitsOf(trimmed).length() >= 3) {
            String digits = Phones.digitsOf(trimmed);
            parts.add("SELECT id FROM customer WHERE phone_national LIKE ?");
            params.add(digits + "%");
            parts.add("SELECT id FROM customer WHERE phone_digits LIKE ?");
            params.add(digits + "%");
            parts.add("SELECT id FROM customer WHERE phone_reversed LIKE ?");
            params.add(new StringBuilder(digits).reverse() + "%");
        } else {
            if (!trimmed.contains(" ")) {
                // "ana.garcia" may be the start of an e-mail address
                parts.add("SELECT id FROM customer WHERE email LIKE ?");
                params.add(SearchText.likePrefix(trimmed.toLowerCase(java.util.Locale.ROOT)));
            }
            // "ana.garcia" or "C-123_4" is an e-mail or a code being typed, not a name
            String words = trimmed.matches(".*[._@/].*") ? "" : SearchText.fullTextQuery(trimmed);
            if (!words.isEmpty()) {
                parts.add("SELECT id FROM customer WHERE MATCH(name_search) AGAINST (? IN BOOLEAN MODE)");
                params.add(words);
            }
        }
        return String.join(" UNION ", parts);
    }

    private static String filters(CustomerSearch search, Set<Long> units, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (units != null) {
            if (units.isEmpty()) {
                conditions.add("1 = 0");
            } else {
                conditions.add("c.home_unit_id IN (" + units.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
            }
        }
        if (search.channel() != null) {
            conditions.add("c.acquisition_channel = ?");
            params.add(search.channel().name());
        }
        if (search.createdFrom() != null) {
            conditions.add("c.created_at >= ?");
            params.add(Timestamp.valueOf(search.createdFrom().atStartOfDay()));
        }
        if (search.createdTo() != null) {
            conditions.add("c.created_at < ?");
            params.add(Timestamp.valueOf(search.createdTo().plusDays(1).atStartOfDay()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String orderBy(Sort sort) {
        List<String> columns = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = SORTABLE.get(order.getProperty());
            if (column != null) {
                columns.add(column + (order.isAscending() ? " ASC" : " DESC"));
            }
        }
        if (columns.isEmpty()) {
            columns.add("c.name_search ASC");
        }
        columns.add("c.id" + (sort.stream().findFirst().map(o -> o.isAscending() ? " ASC" : " DESC").orElse(" ASC")));
        return String.join(", ", columns);
    }

    /** Customers sharing the e-mail or phone, or with the same name in the same unit; {@code excludeId} is the one edited. */
    public List<Map<String, Object>> duplicates(String email, String phoneDigits, String nameSearch, Long unitId, Long excludeId) {
        List<Object> params = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (email != null) {
            parts.add("SELECT id, 'duplicate.same-email' AS reason FROM customer WHERE email = ?");
            params.add(email);
        }
        if (phoneDigits != null) {
            parts.add("SELECT id, 'duplicate.same-phone' AS reason FROM customer WHERE phone_digits = ?");
            params.add(phoneDigits);
        }
        if (StringUtils.hasText(nameSearch) && unitId != null) {
            parts.add("SELECT id, 'duplicate.similar-name' AS reason FROM customer WHERE home_unit_id = ? AND name_search = ?");
            params.add(unitId);
            params.add(nameSearch);
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT c.id, c.external_code, c.name, c.email, c.phone, MIN(d.reason) AS reason FROM ("
                + String.join(" UNION ALL ", parts) + ") d JOIN customer c ON c.id = d.id"
                + (excludeId != null ? " WHERE c.id <> " + excludeId.longValue() : "")
                + " GROUP BY c.id, c.external_code, c.name, c.email, c.phone, c.name_search ORDER BY c.name_search LIMIT 5";
        return jdbc.sql(sql).params(params).query().listOfRows();
    }

}
