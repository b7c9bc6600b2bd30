package io.escalera.admin.internal;

import io.escalera.admin.Unit;
import io.escalera.admin.UnitForm;
import io.escalera.admin.UnitKind;
import io.escalera.admin.UnitService;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAdministration;
import io.escalera.security.UserForm;
import io.escalera.shared.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo mode: units (two regions with stores, an online shop, a call centre) and one login per role, created once.
 * Later modules add their own demo data.
 */
@Component
class DemoSetup {

    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

    private record DemoUnit(String code, String name, UnitKind kind, String parentCode) {
    }

    private static final List<DemoUnit> DEMO_UNITS = List.of(
            new DemoUnit("HQ", "Head office", UnitKind.REGION, null),
            new DemoUnit("NORTH", "North region", UnitKind.REGION, "HQ"),
            new DemoUnit("SOUTH", "South region", UnitKind.REGION, "HQ"),
            new DemoUnit("BIL-01", "Bilbao centre", UnitKind.STORE, "NORTH"),
            new DemoUnit("SAN-01", "Santander port", UnitKind.STORE, "NORTH"),
            new DemoUnit("SEV-01", "Sevilla Triana", UnitKind.STORE, "SOUTH"),
            new DemoUnit("MAL-01", "Málaga centro", UnitKind.STORE, "SOUTH"),
            new DemoUnit("WEB", "Online shop", UnitKind.ONLINE, "HQ"),
            new DemoUnit("CALL", "Call centre", UnitKind.CALL_CENTRE, "HQ"));

    private final UnitService units;
    private final UserAdministration users;
    private final DemoProperties demo;

    DemoSetup(UnitService units, UserAdministration users, DemoProperties demo) {
        this.units = units;
        this.users = users;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    void createDemoUnitsAndUsers() {
        if (!demo.enabled()) {
            return;
        }
        SystemUser.run(() -> {
            Map<String, Long> ids = new HashMap<>();
            units.all().forEach(u -> ids.put(u.code(), u.id()));
            for (DemoUnit unit : DEMO_UNITS) {
                if (!ids.containsKey(unit.code())) {
                    Unit created = units.create(UnitForm.of(unit.code(), unit.name(), unit.kind(),
                            unit.parentCode() == null ? null : ids.get(unit.parentCode())));
                    ids.put(created.code(), created.id());
                }
            }
            int created = 0;
            for (DemoProperties.DemoLogin login : demo.users()) {
                if (users.exists(login.username())) {
                    continue;
                }
                UserForm form = new UserForm();
                form.setUsername(login.username());
                form.setDisplayName(login.displayName());
                form.setRole(Role.valueOf(login.role()));
                form.setUnitId(ids.getOrDefault(login.unitCode(), ids.get("HQ")));
                form.setPassword(login.password());
                users.create(form);
                created++;
            }
            if (created > 0) {
                log.info("Demo mode: created {} demo users (logins on the login page and in the README)", created);
            }
        });
    }
}
