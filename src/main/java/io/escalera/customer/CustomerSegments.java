package io.escalera.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Contribution point for list filters: groups of customers another module knows (value tier A, at risk, an RFM
 * segment), offered as filters of the customer list and the reports without the lists knowing that module. A segment
 * is a condition on a customer id column, over the contributing module's own table only.
 */
public interface CustomerSegments {

    /**
     * The family of the value tiers (A, B, C: every buying customer in exactly one), which reports with counted
     * summaries (the ladder funnel, the KPI boards) keep counts for, from a snapshot taken at each full recompute.
     */
    String VALUE_TIERS = "value-tier";

    /** The segments this module offers, in the order to show them. */
    List<CustomerSegment> segments();

    /**
     * An SQL condition true for the segment's customers, e.g. {@code "c.id IN (SELECT customer_id FROM …)"}, or empty
     * when the key is not one of this module's.
     */
    Optional<String> condition(String key, String customerIdColumn);

    /**
     * @param key      a stable name
     * @param labelKey its translation key
     * @param family   segments of one family never overlap (e.g. the value tiers), or null
     */
    record CustomerSegment(String key, String labelKey, String family) {

        public CustomerSegment(String key, String labelKey) {
            this(key, labelKey, null);
        }
    }

    /**
     * A contributor recomputed its segments for every customer (not published for single-customer updates): reports
     * that keep a snapshot of a family take it again.
     */
    record SegmentsRecomputed(Instant at) {
    }
}
