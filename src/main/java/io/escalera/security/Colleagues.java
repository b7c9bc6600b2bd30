package io.escalera.security;

import io.escalera.security.internal.UserRepository;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Front-line users other modules may hand work to (a case's assignee): enabled STAFF and MANAGER users of given
 * units. Names and units only — never credentials.
 */
@Service
public class Colleagues {

    private final UserRepository users;

    Colleagues(UserRepository users) {
        this.users = users;
    }

    /** Enabled STAFF and MANAGER users whose unit is one of {@code units}, by name. */
    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public List<Colleague> frontLineOf(Set<Long> units) {
        return users.findByUnitIdInAndEnabledTrue(units).stream()
                .filter(u -> u.getRole() == Role.STAFF || u.getRole() == Role.MANAGER)
                .map(u -> new Colleague(u.getUsername(), u.getDisplayName(), u.getRole(), u.getUnitId()))
                .sorted(Comparator.comparing(Colleague::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
    @Transactional(readOnly = true)
    public Optional<Colleague> find(String username) {
        return users.findByUsernameIgnoreCase(username).filter(u -> u.isEnabled())
                .map(u -> new Colleague(u.getUsername(), u.getDisplayName(), u.getRole(), u.getUnitId()));
    }

    public record Colleague(String username, String displayName, Role role, long unitId) {
    }
}
