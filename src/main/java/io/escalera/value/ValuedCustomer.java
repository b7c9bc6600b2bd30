package io.escalera.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A row of the value lists (matrix cells, at-risk worklist): who, what they are worth, how they feel and what
 * warns. {@code lastWorkedBy}/{@code lastWorkedAt}: the latest contact by a colleague (an interaction, a case or a
 * survey invitation) since the customer was flagged, or null.
 */
public record ValuedCustomer(long customerId, String name, String unitName, ValueTier tier, BigDecimal economicValue,
                             BigDecimal strategicValue, NpsBand npsBand, RfmSegment rfmSegment, Integer riskScore,
                             List<RiskReason> riskReasons, LocalDate flaggedOn, String lastWorkedBy, Instant lastWorkedAt) {
}
