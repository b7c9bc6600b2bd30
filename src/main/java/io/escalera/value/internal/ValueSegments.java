package io.escalera.value.internal;

import io.escalera.customer.CustomerSegments;
import io.escalera.value.RfmSegment;
import io.escalera.value.ValueTier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Value tiers, RFM segments, at-risk customers and silent decliners as filters of the customer list and the ladder. */
@Component
class ValueSegments implements CustomerSegments {

    @Override
    public List<CustomerSegment> segments() {
        List<CustomerSegment> segments = new ArrayList<>();
        for (ValueTier tier : ValueTier.values()) {
            segments.add(new CustomerSegment(tier.segmentKey(), tier.labelKey(), VALUE_TIERS));
        }
        segments.add(new CustomerSegment("at-risk", "segment.at-risk"));
        segments.add(new CustomerSegment("silent", "segment.silent"));
        for (RfmSegment segment : RfmSegment.values()) {
            segments.add(new CustomerSegment("rfm-" + segment, "rfm." + segment, "rfm"));
        }
        return segments;
    }

    @Override
    public Optional<String> condition(String key, String customerIdColumn) {
        String where;
        if (key.startsWith("tier-")) {
            where = "tier = '" + ValueTier.valueOf(key.substring(5)) + "'";
        } else if (key.startsWith("rfm-")) {
            where = "rfm_segment = '" + RfmSegment.valueOf(key.substring(4)) + "'";
        } else if (key.equals("at-risk")) {
            where = "at_risk = 1";
        } else if (key.equals("silent")) {
            where = "silent = 1";
        } else {
            return Optional.empty();
        }
        return Optional.of(customerIdColumn + " IN (SELECT customer_id FROM customer_value WHERE " + where + ")");
    }
}
