package io.escalera.value;

import java.time.Instant;

/** What staff entered about the customer's market value, by whom and when. */
public record MarketValue(Integer shareOfWallet, Integer competitivePressure, String updatedByName, Instant updatedAt,
                          long version) {
}
