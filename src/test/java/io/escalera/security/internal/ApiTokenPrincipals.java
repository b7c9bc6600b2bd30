package io.escalera.security.internal;

import io.escalera.security.ApiToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The authentication a REST call made with this token runs under, for service-level tests. */
public final class ApiTokenPrincipals {

    private ApiTokenPrincipals() {
    }

    public static Authentication of(ApiToken token) {
        EscaleraUserDetails principal = EscaleraUserDetails.forApiToken(token.id(), token.name(), token.role(), token.unitId());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
