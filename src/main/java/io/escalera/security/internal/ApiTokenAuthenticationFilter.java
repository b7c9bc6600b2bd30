package io.escalera.security.internal;

import io.escalera.security.ApiToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Authenticates a REST call by its {@code Authorization: Bearer <token>} header: the token's hash must match an
 * unrevoked, unexpired token, and the token must be within its rate limit. The call then acts as the token's role and
 * unit, through the same services (and the same unit scoping) as the UI. No session is read or created.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    /** Last-used times are written at most this often per token, not at every call. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiTokenStore store;
    private final ApiRateLimiter limiter;
    private final Clock clock;
    private final ConcurrentMap<Long, Instant> lastTouched = new ConcurrentHashMap<>();

    ApiTokenAuthenticationFilter(ApiTokenStore store, ApiRateLimiter limiter, Clock clock) {
        this.store = store;
        this.limiter = limiter;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = Instant.now(clock);
        Optional<ApiToken> token = store.byHash(ApiTokenStore.hash(header.substring(7).trim()));
        if (token.isEmpty() || !token.get().usableAt(now)) {
            ApiProblems.write(request, response, 401, "Unauthorized", "The API token is unknown, expired or revoked.");
            return;
        }
        long wait = limiter.acquire(token.get().id());
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            ApiProblems.write(request, response, 429, "Too Many Requests",
                    "This token may make " + limiter.perMinute() + " calls a minute; retry in " + wait + " s.");
            return;
        }
        touch(token.get().id(), now);
        ApiToken t = token.get();
        EscaleraUserDetails principal = EscaleraUserDetails.forApiToken(t.id(), t.name(), t.role(), t.unitId());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void touch(long tokenId, Instant now) {
        Instant last = lastTouched.get(tokenId);
        if (last == null || last.plus(TOUCH_EVERY).isBefore(now)) {
            lastTouched.put(tokenId, now);
            store.touch(tokenId, now);
        }
    }
}
