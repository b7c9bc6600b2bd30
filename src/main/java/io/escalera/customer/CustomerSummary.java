package io.escalera.customer;

import java.time.Instant;

/** A row of the customer list. */
public record CustomerSummary(long id, String externalCode, String name, String email, String phone, long homeUnitId,
                              String homeUnitName, AcquisitionChannel acquisitionChannel, Instant createdAt) {
}
