package io.escalera.customer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** All contributed {@link CustomerSegments}, for the lists that filter by them. */
@Component
public class CustomerSegmentFilters {

    private final ObjectProvider<CustomerSegments> contributions;
    private final JdbcClient jdbc;

    CustomerSegmentFilters(ObjectProvider<CustomerSegments> contributions, JdbcClient jdbc) {
        this.contributions = contributions;
        this.jdbc = jdbc;
    }

    public List<CustomerSegments.CustomerSegment> all() {
        return contributions.orderedStream().flatMap(c -> c.segments().stream()).toList();
    }

    /** The segments of one family (e.g. {@link CustomerSegments#VALUE_TIERS}); empty when nobody contributes it. */
    public List<CustomerSegments.CustomerSegment> family(String family) {
        return all().stream().filter(s -> family.equals(s.family())).toList();
    }

    public boolean inFamily(String key, String family) {
        return key != null && family(family).stream().anyMatch(s -> s.key().equals(key));
    }

    /** The condition of a segment on the given id column; null for no segment. Unknown keys are refused. */
    public String condition(String key, String customerIdColumn) {
        if (key == null) {
            return null;
        }
        return contributions.orderedStream().map(c -> c.condition(key, customerIdColumn)).flatMap(Optional::stream)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no customer segment " + key));
    }

    /**
     * Replaces the rows of {@code table (customer_id, segment_key)} — a report's own snapshot — with the customers of
     * each segment of the family now (in the caller's transaction). @return customers copied
     */
    public int snapshot(String family, String table) {
        jdbc.sql("DELETE FROM " + table).update();
        int rows = 0;
        for (CustomerSegments.CustomerSegment segment : family(family)) {
            rows += jdbc.sql("INSERT INTO " + table + " (customer_id, segment_key) SELECT c.id, ? FROM customer c WHERE "
                    + condition(segment.key(), "c.id")).param(segment.key()).update();
        }
        return rows;
    }
}
