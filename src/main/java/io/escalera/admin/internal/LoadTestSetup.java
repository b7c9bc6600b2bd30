package io.escalera.admin.internal;

import io.escalera.admin.Unit;
import io.escalera.admin.UnitKind;
import io.escalera.admin.UnitService;
import io.escalera.security.ApiToken;
import io.escalera.security.ApiTokenForm;
import io.escalera.security.ApiTokens;
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
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Load-test preparation (demo databases only, {@code --escalera.load.prepare=true}): logins spread over the demo units
 * for the Gatling harness (src/load/java) — STAFF in every store, the online shop and the call centre, MANAGER in
 * every region, EXECUTIVE at the head office, and one MANAGER at the head office ({@value #MINTER}) who mints the
 * survey links (feedback's LoadTestSurveyLinks) — and one API token. Written to {@code escalera.load.output}:
 * {@code staff.csv}, {@code manager.csv}, {@code executive.csv} (username,password) and {@code api-token.txt}.
 * Only in demo mode: the password is as public as the demo ones, and such users cannot log in outside demo mode.
 */
@Component
class LoadTestSetup {

    static final String MINTER = "load-minter";

    private static final Logger log = LoggerFactory.getLogger(LoadTestSetup.class);

    private final UnitService units;
    private final UserAdministration users;
    private final ApiTokens tokens;
    private final DemoProperties demo;
    private final Environment environment;
    private final Clock clock;

    LoadTestSetup(UnitService units, UserAdministration users, ApiTokens tokens, DemoProperties demo, Environment environment,
                  Clock clock) {
        this.units = units;
        this.users = users;
        this.tokens = tokens;
        this.demo = demo;
        this.environment = environment;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    void prepare() throws IOException {
        if (!environment.getProperty("escalera.load.prepare", Boolean.class, false)) {
            return;
        }
        if (!demo.enabled()) {
            log.warn("escalera.load.prepare is ignored outside demo mode");
            return;
        }
        int perUnit = environment.getProperty("escalera.load.users-per-unit", Integer.class, 40);
        String password = environment.getProperty("escalera.load.password", "load-test-2026");
        Path output = Path.of(environment.getProperty("escalera.load.output", "./data/load"));
        Files.createDirectories(output);
        SystemUser.run(() -> {
            List<Unit> all = units.all();
            List<String> staff = new ArrayList<>();
            List<String> managers = new ArrayList<>();
            List<String> executives = new ArrayList<>();
            Unit headOffice = all.stream().filter(u -> u.parentId() == null).findFirst().orElseThrow();
            for (Unit unit : all) {
                if (unit.kind() == UnitKind.REGION && unit.parentId() == null) {
                    executives.addAll(ensureUsers(Role.EXECUTIVE, unit, perUnit / 2, password));
                } else if (unit.kind() == UnitKind.REGION) {
                    managers.addAll(ensureUsers(Role.MANAGER, unit, perUnit / 2, password));
                } else {
                    staff.addAll(ensureUsers(Role.STAFF, unit, perUnit, password));
                }
            }
            ensureUser(MINTER, Role.MANAGER, headOffice, password);
            write(output.resolve("staff.csv"), staff, password);
            write(output.resolve("manager.csv"), managers, password);
            write(output.resolve("executive.csv"), executives, password);
            ApiTokenForm form = new ApiTokenForm();
            form.setName("load-" + clock.millis());
            form.setRole(Role.MANAGER);
            form.setUnitId(headOffice.id());
            form.setExpiresOn(LocalDate.now(clock).plusDays(30));
            ApiToken.Issued issued = tokens.issue(form);
            writeQuietly(output.resolve("api-token.txt"), List.of(issued.secret()));
            log.info("Load test: {} staff, {} managers, {} executives and an API token written to {}", staff.size(),
                    managers.size(), executives.size(), output.toAbsolutePath());
        });
    }

    private List<String> ensureUsers(Role role, Unit unit, int count, String password) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String username = ("load-" + role.name() + "-" + unit.code() + "-" + i).toLowerCase(Locale.ROOT);
            ensureUser(username, role, unit, password);
            names.add(username);
        }
        return names;
    }

    private void ensureUser(String username, Role role, Unit unit, String password) {
        if (users.exists(username)) {
            return;
        }
        UserForm form = new UserForm();
        form.setUsername(username);
        form.setDisplayName("Load " + username.substring("load-".length()));
        form.setRole(role);
        form.setUnitId(unit.id());
        form.setPassword(password);
        users.create(form);
    }

    private static void write(Path file, List<String> usernames, String password) {
        List<String> lines = new ArrayList<>();
        lines.add("username,password");
        usernames.forEach(u -> lines.add(u + "," + password));
        writeQuietly(file, lines);
    }

    private static void writeQuietly(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
