package io.escalera.security;

/**
 * The four roles of the brief. Annotations use the names ({@code @RolesAllowed("MANAGER")}); Spring Security sees
 * them as {@code ROLE_MANAGER}.
 */
public enum Role {
    STAFF, MANAGER, EXECUTIVE, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public String labelKey() {
        return "role." + name();
    }
}
