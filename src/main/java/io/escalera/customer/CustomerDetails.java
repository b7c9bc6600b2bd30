package io.escalera.customer;

import java.time.Instant;
import java.time.LocalDate;

/** One customer with every field of the brief. */
public record CustomerDetails(long id, String externalCode, String name, String email, String phone, LocalDate birthDate,
                              long homeUnitId, String homeUnitName, AcquisitionChannel acquisitionChannel,
                              boolean surveyConsent, Instant createdAt, String updatedBy, long version) {
}
