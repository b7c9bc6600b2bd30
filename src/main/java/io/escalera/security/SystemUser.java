package io.escalera.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Runs start-up and background work (first admin, demo data, scheduled jobs) as the user "system", so that the
 * services keep their role checks and the audit log names who acted.
 */
public final class SystemUser {

    public static final String NAME = "system";

    private SystemUser() {
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        String[] authorities = Arrays.stream(Role.values()).map(Role::authority).toArray(String[]::new);
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(NAME, null,
                AuthorityUtils.createAuthorityList(authorities)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
