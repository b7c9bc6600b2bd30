package io.escalera.security;

import java.time.Instant;
import java.util.Locale;

/** A user as the administration screens show it (never with the password hash). */
public record UserAccount(long id, String username, String displayName, String email, Role role, long unitId,
                          String unitName, boolean enabled, boolean allUnitsAllowed, Locale language, Instant createdAt,
                          long version) {
}
