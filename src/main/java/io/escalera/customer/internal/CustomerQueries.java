package io.escalera.customer.internal;

import io.escalera.customer.AcquisitionChannel;
import io.escalera.customer.CustomerSearch;
import io.escalera.customer.CustomerSummary;
import io.escalera.shared.jdbc.UnitCondition;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
                                        Map<Long, String> unitNames, String segmentCondition) {
        return search(search, units, sort, offset, limit, unitNames, true, segmentCondition);
    }

    /**
     * @param exactOrder true for lists, whose pages must follow the sort exactly; false for a typeahead, which shows
     *                   a few good matches at once: word matches are then taken as the full-text index yields them
     *                   instead of sorting every customer who shares a common first name
     */
    public List<CustomerSummary> search(CustomerSearch search, Set<Long> units, Sort sort, long offset, int limit,
                                        Map<Long, String> unitNames, boolean exactOrder) {
        return search(search, units, sort, offset, limit, unitNames, exactOrder, null);
    }

    private List<CustomerSummary> search(CustomerSearch search, Set<Long> units, Sort sort, long offset, int limit,
                                         Map<Long, String> unitNames, boolean exactOrder, String segmentCondition) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.external_code, c.name, c.email, c.phone, c.home_unit_id, c.acquisition_channel, c.created_at
                FROM customer c""");
        String matches = matchingIds(search.text(), params, offset + limit, exactOrder);
        if (matches != null) {
            sql.append(" JOIN (").append(matches).append(") m ON m.id = c.id");
        }
        sql.append(filters(search, units, params, segmentCondition));
        sql.append(" ORDER BY ").append(orderBy(sort)).append(" LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new CustomerSummary(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), unitNames.getOrDefault(rs.getLong(6), ""),
                AcquisitionChannel.valueOf(rs.getString(7)), rs.getTimestamp(8).toInstant())).list();
    }

    /**
     * A typeahead's answer: names that start with what was typed, read in name order straight from the name index —
     * the common case, and fast for any prefix, however many customers share it. Only when those do not fill the
     * page does it fall back to every way the text may match (code, e-mail, phone, a word inside the name).
     */
    public List<CustomerSummary> typeahead(String text, Set<Long> units, long offset, int limit, Map<Long, String> unitNames) {
        if (StringUtils.hasText(text) && looksLikeAName(text.trim())) {
            List<Object> params = new ArrayList<>();
            params.add(SearchText.likePrefix(SearchText.normalise(text.trim())));
            String sql = "SELECT c.id, c.external_code, c.name, c.email, c.phone, c.home_unit_id, c.acquisition_channel, c.created_at"
                    + " FROM customer c WHERE c.name_search LIKE ?" + UnitCondition.and("c.home_unit_id", units)
                    + " ORDER BY c.name_search, c.id LIMIT ? OFFSET ?";
            params.add(limit);
            params.add(offset);
            List<CustomerSummary> byName = jdbc.sql(sql).params(params).query((rs, n) -> new CustomerSummary(rs.getLong(1),
                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                    unitNames.getOrDefault(rs.getLong(6), ""), AcquisitionChannel.valueOf(rs.getString(7)),
                    rs.getTimestamp(8).toInstant())).list();
            if (byName.size() == limit) {
                return byName;
            }
            if (offset == 0) {
                // the names that start with the text first, then the other matches
                List<CustomerSummary> merged = new ArrayList<>(byName);
                Set<Long> seen = byName.stream().map(CustomerSummary::id).collect(Collectors.toSet());
                search(CustomerSearch.text(text), units, Sort.by("name"), 0, limit, unitNames, false).stream()
                        .filter(c -> !seen.contains(c.id())).limit(limit - byName.size()).forEach(merged::add);
                return merged;
            }
        }
        return search(CustomerSearch.text(text), units, Sort.by("name"), offset, limit, unitNames, false);
    }

    /** Letters and spaces (accents, apostrophes and hyphens allowed), and not the start of a customer code. */
    private static boolean looksLikeAName(String text) {
        return text.matches("[\\p{L}][\\p{L} '\\-]*") && !text.matches("(?i)c\\d.*");
    }

    /**
     * A union of id lists, one per way the text may identify customers, or null for "everybody". Each part reads
     * only the first {@code wanted} rows of its own index (its top rows by name where it can), so that a short,
     * common prefix typed into a typeahead never sorts hundreds of thousands of matches.
     */
    static String matchingIds(String text, List<Object> params, long wanted, boolean exactOrder) {
        if (!StringUtils.hasText(text)) {
            return null;
        }
        String trimmed = text.trim();
        boolean oneToken = !trimmed.contains(" ");
        List<String> parts = new ArrayList<>();
        if (oneToken) {
            parts.add("(SELECT id FROM customer WHERE external_code LIKE ? ORDER BY external_code LIMIT " + wanted + ")");
            params.add(SearchText.likePrefix(trimmed));
        }
        if (trimmed.contains("@") || (oneToken && trimmed.contains("."))) {
            // "ana.garcia" or "ana@" is the start of an e-mail address
            parts.add("(SELECT id FROM customer WHERE email LIKE ? ORDER BY email LIMIT " + wanted + ")");
            params.add(SearchText.likePrefix(trimmed.toLowerCase(Locale.ROOT)));
        } else if (trimmed.matches("[+()\\d\\s./-]+") && Phones.digitsOf(trimmed).length() >= 3) {
            String digits = Phones.digitsOf(trimmed);
            for (String column : List.of("phone_national", "phone_digits")) {
                parts.add("(SELECT id FROM customer WHERE " + column + " LIKE ? ORDER BY " + column + " LIMIT " + wanted + ")");
                params.add(digits + "%");
            }
            parts.add("(SELECT id FROM customer WHERE phone_reversed LIKE ? ORDER BY phone_reversed LIMIT " + wanted + ")");
            params.add(new StringBuilder(digits).reverse() + "%");
        } else if (!trimmed.matches(".*[_@/].*")) {
            String normalised = SearchText.normalise(trimmed);
            if (oneToken && (normalised.length() < 4 || !exactOrder)) {
                // a name being typed: its beginning, read in name order from the index
                parts.add("(SELECT id FROM customer WHERE name_search LIKE ? ORDER BY name_search LIMIT " + wanted + ")");
                params.add(SearchText.likePrefix(normalised));
            }
            String words = SearchText.fullTextQuery(trimmed);
            if (oneToken && !exactOrder && normalised.length() >= 2) {
                // a typeahead: any word of the name starting with the text, read from the word index
                parts.add("(SELECT customer_id AS id FROM customer_name_word WHERE word LIKE ? ORDER BY word, customer_id LIMIT " + wanted + ")");
                params.add(SearchText.likePrefix(normalised));
            } else if (!words.isEmpty() && (normalised.length() >= 4 || !oneToken)) {
                parts.add("(SELECT id FROM customer WHERE MATCH(name_search) AGAINST (? IN BOOLEAN MODE)"
                        + (exactOrder ? " ORDER BY name_search" : "") + " LIMIT " + wanted + ")");
                params.add(words);
            }
        }
        return parts.isEmpty() ? "SELECT id FROM customer WHERE 1 = 0" : String.join(" UNION ", parts);
    }

    private static String filters(CustomerSearch search, Set<Long> units, List<Object> params, String segmentCondition) {
        List<String> conditions = new ArrayList<>();
        if (segmentCondition != null) {
            conditions.add(segmentCondition);
        }
        if (units != null) {
            conditions.add(UnitCondition.in("c.home_unit_id", units));
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


    /** Keeps the customer's name words (the typeahead's word index) in step with their name. */
    public void replaceNameWords(long customerId, String nameSearch) {
        jdbc.sql("DELETE FROM customer_name_word WHERE customer_id = ?").param(customerId).update();
        indexNameWords(customerId, customerId);
    }

    /** Adds the name words of the customers with ids in [from, to], set-based (after a bulk load). */
    public int indexNameWords(long fromId, long toId) {
        return indexNameWords("", "c.id BETWEEN ? AND ?", fromId, toId);
    }

    /** Replaces the name words of the customers an import created or changed, set-based. */
    public void reindexNameWordsOfImport(long importId) {
        jdbc.sql("""
                DELETE w FROM customer_name_word w JOIN customer_import_row r ON r.existing_id = w.customer_id
                WHERE r.import_id = ? AND r.outcome = 'UPDATE'""").param(importId).update();
        indexNameWords(" JOIN customer_import_row r ON r.external_code = c.external_code",
                "r.import_id = ? AND r.outcome IN ('CREATE', 'UPDATE')", importId);
    }

    private int indexNameWords(String join, String condition, Object... params) {
        return jdbc.sql("""
                INSERT IGNORE INTO customer_name_word (word, customer_id)
                SELECT LEFT(SUBSTRING_INDEX(SUBSTRING_INDEX(c.name_search, ' ', n.n), ' ', -1), 100), c.id
                FROM customer c%s
                JOIN (SELECT 1 n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
                      UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8) n
                  ON n.n <= 1 + LENGTH(c.name_search) - LENGTH(REPLACE(c.name_search, ' ', ''))
                WHERE %s AND SUBSTRING_INDEX(SUBSTRING_INDEX(c.name_search, ' ', n.n), ' ', -1) <> ''""".formatted(join, condition))
                .params(params).update();
    }
}
