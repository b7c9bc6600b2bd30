package io.escalera.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of the customer's timeline, contributed by the module that owns the record.
 *
 * @param kind     what it is (ORDER, INTERACTION, REFERRAL, …): the timeline's kind filter
 * @param at       when it happened; the timeline is newest first
 * @param channel  the channel it happened on (a channel name), or null
 * @param labelKey translation key of the headline, e.g. "timeline.order"
 * @param detail   text shown as is (an order number, a summary typed by staff)
 * @param amount   money to show in the user's currency format, or null
 * @param recordId the record's id in its module, for ordering ties
 */
public record TimelineEntry(String kind, Instant at, String channel, String labelKey, String detail, BigDecimal amount,
                            long recordId) {
}
