package io.escalera.customer;

import java.time.LocalDate;

/** Who referred whom, and when; names are filled only where the user may see that customer. */
public record Referral(long id, long referrerId, String referrerName, long referredId, String referredName, LocalDate on) {
}
