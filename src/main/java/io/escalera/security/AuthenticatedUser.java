package io.escalera.security;

import java.util.Locale;

/**
 * Who is acting, for the services of other modules: identity, role, the unit they belong to, and whether they were
 * given the right to widen their lists to all units.
 */
public record AuthenticatedUser(long id, String username, String displayName, Role role, long unitId, Locale language,
                                boolean allUnitsAllowed) {

    public boolean hasRole(Role wanted) {
        return role == wanted;
    }

    /** Whether this is a REST call made with an API token (whose principal id is the token's id, negated). */
    public boolean isApiToken() {
        return id < 0;
    }
}
