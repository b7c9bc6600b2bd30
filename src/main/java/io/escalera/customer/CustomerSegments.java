package io.escalera.customer;

import java.util.List;
import java.util.Optional;

/**
 * Contribution point for list filters: groups of customers another module knows (value tier A, at risk, an RFM
 * segment), offered as filters of the customer list and the reports without the lists knowing that module. A segment
 * is a condition on a customer id column, over the contributing module's own table only.
 */
public interface CustomerSegments {

    /** The segments this module offers, in the order to show them. */
    List<CustomerSegment> segments();

    /**
     * An SQL condition true for the segment's customers, e.g. {@code "c.id IN (SELECT customer_id FROM …)"}, or empty
     * when the key is not one of this module's.
     */
    Optional<String> condition(String key, String customerIdColumn);

    /** @param key a stable name; @param labelKey its translation key */
    record CustomerSegment(String key, String labelKey) {
    }
}
