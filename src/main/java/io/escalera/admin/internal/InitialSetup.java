package io.escalera.admin.internal;

import io.escalera.admin.Unit;
import io.escalera.admin.UnitForm;
import io.escalera.admin.UnitKind;
import io.escalera.admin.UnitService;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.security.UserAdministration;
import io.escalera.security.UserForm;
import io.escalera.shared.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * First start on an empty database: one head-office unit and one {@code admin} whose password comes from
 * {@code ESCALERA_ADMIN_PASSWORD}, or is generated and printed once. Never a fixed default password, and the admin
 * must choose a new one at the first login.
 * In demo mode the demo setup creates the users instead.
 */
@Component
class InitialSetup {

    private static final Logger log = LoggerFactory.getLogger(InitialSetup.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAdministration users;
    private final UnitService units;
    private final DemoProperties demo;
    private final Environment environment;

    InitialSetup(UserAdministration users, UnitService units, DemoProperties demo, Environment environment) {
        this.users = users;
        this.units = units;
        this.demo = demo;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void createFirstAdmin() {
        if (demo.enabled()) {
            return;
        }
        SystemUser.run(() -> {
            if (users.hasAnyUser()) {
                return;
            }
            long headOffice = units.all().stream().filter(u -> u.parentId() == null).findFirst()
                    .map(Unit::id)
                    .orElseGet(() -> units.create(UnitForm.of("HQ", "Head office", UnitKind.REGION, null)).id());
            String given = environment.getProperty("ESCALERA_ADMIN_PASSWORD");
            boolean generated = given == null || given.isBlank();
            String password = generated ? generatePassword() : given;
            createAdmin("admin", headOffice, password);
            if (generated) {
                log.warn("""

                        ================================================================
                         First start: created user 'admin' with the password
                             {}
                         It is shown only this once. It must be changed at the first login.
                        ================================================================""", password);
            } else {
                log.info("First start: created user 'admin' with the password from ESCALERA_ADMIN_PASSWORD");
            }
        });
    }

    /** The first admin, who must choose a new password at the first login (the given one was in a log or a variable). */
    UserAccount createAdmin(String username, long unitId, String password) {
        UserForm admin = new UserForm();
        admin.setUsername(username);
        admin.setDisplayName("Administrator");
        admin.setRole(Role.ADMIN);
        admin.setUnitId(unitId);
        admin.setPassword(password);
        UserAccount created = users.create(admin);
        users.requirePasswordChange(created.id());
        return created;
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
