package io.escalera.security.internal;

import io.escalera.shared.AuditLog;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Clock;
import java.time.Instant;

/**
 * Checks the password like Spring's provider, but refuses attempts while the (username, address) pair or the address is locked out
 * (with the same message as a wrong password), and records every attempt for the throttle and the audit log.
 */
class ThrottlingAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;
    private final AuditLog auditLog;
    private final Clock clock;

    ThrottlingAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                                     AuditLog auditLog, Clock clock) {
        super(users);
        setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        Instant now = clock.instant();
        String who = LoginThrottle.key(username);
        if (throttle.isLocked(username, address, now)) {
            throttle.record(username, address, LoginThrottle.Outcome.THROTTLED, now);
            auditLog.recordAs(who, "LOGIN_THROTTLED", "user", who, "from " + address);
            throw new BadCredentialsException(messages.getMessage("AbstractUserDetailsAuthenticationProvider.badCredentials", "Bad credentials"));
        }
        try {
            Authentication result = super.authenticate(authentication);
            throttle.record(username, address, LoginThrottle.Outcome.SUCCESS, now);
            auditLog.recordAs(who, "LOGIN_SUCCESS", "user", who, "from " + address);
            return result;
        } catch (AuthenticationException e) {
            throttle.record(username, address, LoginThrottle.Outcome.FAILURE, now);
            auditLog.recordAs(who, "LOGIN_FAILURE", "user", who, "from " + address + ": " + e.getClass().getSimpleName());
            throw e;
        }
    }
}
