package io.escalera.security.internal;

import io.escalera.shared.DemoProperties;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users for the login form. Demo users (public passwords) exist only for demo mode: when it is off they are
 * treated like unknown users, so the login answers exactly as for a wrong password.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final DemoProperties demo;

    DatabaseUserDetailsService(UserRepository users, DemoProperties demo) {
        this.users = users;
        this.demo = demo;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsernameIgnoreCase(username == null ? "" : username.trim())
                .filter(user -> !user.isDemo() || demo.enabled())
                .map(EscaleraUserDetails::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
