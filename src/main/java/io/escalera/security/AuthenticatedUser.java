package io.escalera.security;

import java.util.Locale;

/** Who is acting, for the services of other modules: identity, role and the unit they belong to. */
public record AuthenticatedUser(long id, String username, String displayName, Role role, long unitId, Locale language) {

    public boolean hasRole(Role wanted) {
        return role == wanted;
    }
}
