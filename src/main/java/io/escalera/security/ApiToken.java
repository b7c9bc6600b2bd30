package io.escalera.security;

import java.time.Instant;

/**
 * An API token as an ADMIN sees it: never its secret, which is shown once when the token is issued and kept only as
 * a hash. {@code prefix} is the secret's first characters, enough to tell tokens apart.
 */
public record ApiToken(long id, String name, String prefix, Role role, long unitId, String unitName, String createdBy,
                       Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** A token just issued, with its secret: the only time the secret exists outside the caller's hands. */
    public record Issued(ApiToken token, String secret) {
    }
}
