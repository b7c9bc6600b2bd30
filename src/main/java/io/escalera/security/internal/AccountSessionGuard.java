package io.escalera.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Sessions follow the account: at every request of a signed-in user the account's state is checked, and a session
 * whose account was disabled, deleted, or had its rights or password changed since it signed in (its
 * {@code session_stamp} moved on) is ended there and then. The state comes from {@link AccountStates}: in memory,
 * forgotten on this node when the account changes and read again from the database after a few seconds, so that the
 * check costs no connection on most requests and still holds for sessions on every node.
 */
class AccountSessionGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccountSessionGuard.class);

    private final AccountStates accounts;

    AccountSessionGuard(AccountStates accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof EscaleraUserDetails user && user.id() > 0
                && !stillValid(user)) {
            log.info("Session of {} ended: the account was disabled or its rights changed since it signed in", user.getUsername());
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(EscaleraUserDetails user) {
        Optional<Integer> stamp = accounts.stampOfEnabled(user.id());
        return stamp.isPresent() && stamp.get() == user.sessionStamp();
    }
}
