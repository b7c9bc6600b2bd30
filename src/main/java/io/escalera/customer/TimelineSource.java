package io.escalera.customer;

import java.util.List;

/**
 * Contribution point of the customer 360: a module that knows things about customers (orders, interactions, cases,
 * answers, stage changes) provides a bean of this type; the customer page merges all of them into one timeline
 * without reading other modules' tables.
 */
public interface TimelineSource {

    String kind();

    /** The customer's newest {@code limit} entries of this kind, newest first, optionally only on one channel. */
    List<TimelineEntry> newest(long customerId, String channel, int limit);
}
