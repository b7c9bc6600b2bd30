package io.escalera.support;

import io.escalera.admin.UnitForm;
import io.escalera.admin.UnitKind;
import io.escalera.admin.UnitService;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.security.UserAdministration;
import io.escalera.security.UserForm;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates real users (and their unit) in the test database and signs them in the way the login does. */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger counter = new AtomicInteger();

    private final UserAdministration users;
    private final UnitService units;
    private final UserDetailsService userDetails;

    public TestUsers(UserAdministration users, UnitService units, UserDetailsService userDetails) {
        this.users = users;
        this.units = units;
        this.userDetails = userDetails;
    }

    public long newUnit(UnitKind kind) {
        String code = "T" + counter.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        return SystemUser.call(() -> units.create(UnitForm.of(code, "Test unit " + code, kind, null)).id());
    }

    /** A unit below another (a store of a region). */
    public long newUnitUnder(UnitKind kind, long parentId) {
        String code = "T" + counter.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        return SystemUser.call(() -> units.create(UnitForm.of(code, "Test unit " + code, kind, parentId)).id());
    }

    public String unitCode(long unitId) {
        return SystemUser.call(() -> units.get(unitId).orElseThrow().code());
    }

    public UserAccount newUser(Role role) {
        return newUser(role, false);
    }

    public UserAccount newUser(Role role, boolean allUnitsAllowed) {
        return newUser(role, newUnit(UnitKind.STORE), allUnitsAllowed);
    }

    /** A user of an existing unit (a colleague of another test user). */
    public UserAccount newUserIn(Role role, long unit) {
        return newUser(role, unit, false);
    }

    /** A user of an existing unit, with or without the right to see all units. */
    public UserAccount newUserIn(Role role, long unit, boolean allUnitsAllowed) {
        return newUser(role, unit, allUnitsAllowed);
    }

    private UserAccount newUser(Role role, long unit, boolean allUnitsAllowed) {
        UserForm form = new UserForm();
        form.setUsername(role.name().toLowerCase() + "-" + counter.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8));
        form.setDisplayName("Test " + role + " " + counter.incrementAndGet());
        form.setRole(role);
        form.setUnitId(unit);
        form.setPassword(PASSWORD);
        form.setAllUnitsAllowed(allUnitsAllowed);
        return SystemUser.call(() -> users.create(form));
    }

    /** Signs the account in on this thread, as the login would. */
    public void signIn(UserAccount account) {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(authenticationOf(account));
    }

    /** An authentication as the login would produce it, with the real principal. */
    public Authentication authenticationOf(UserAccount account) {
        UserDetails details = userDetails.loadUserByUsername(account.username());
        return UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
    }
}
