package io.escalera.customer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/** All contributed {@link CustomerSegments}, for the lists that filter by them. */
@Component
public class CustomerSegmentFilters {

    private final ObjectProvider<CustomerSegments> contributions;

    CustomerSegmentFilters(ObjectProvider<CustomerSegments> contributions) {
        this.contributions = contributions;
    }

    public List<CustomerSegments.CustomerSegment> all() {
        return contributions.orderedStream().flatMap(c -> c.segments().stream()).toList();
    }

    /** The condition of a segment on the given id column; null for no segment. Unknown keys are refused. */
    public String condition(String key, String customerIdColumn) {
        if (key == null) {
            return null;
        }
        return contributions.orderedStream().map(c -> c.condition(key, customerIdColumn)).flatMap(java.util.Optional::stream)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no customer segment " + key));
    }
}
