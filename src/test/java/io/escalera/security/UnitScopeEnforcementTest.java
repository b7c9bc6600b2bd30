package io.escalera.security;

import io.escalera.support.EscaleraTest;
import io.escalera.support.ScopeWorld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope test nothing can escape: it finds, by reflection, every public method of every module's public services
 * that takes a record id or a unit (a parameter named {@code id} or {@code …Id}, or a form, filter or search that
 * carries one), and requires a case for each in {@link ScopeCases}. Each case is run, on real data of a store A1 in
 * region A, as a MANAGER of the sibling store A2, a MANAGER of a store B1 of another region, the regional MANAGER of
 * region B and an API token (MANAGER) of region B — and, for writes, also as a MANAGER of A2 whom an ADMIN let see
 * every unit (seeing is not acting). Each must get "not found" (or the record left out), and the tables must be
 * unchanged afterwards. A new method without a case fails {@link #everyServiceMethodThatTakesARecordIdOrAUnitHasAScopeCase}.
 */
@EscaleraTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitScopeEnforcementTest {

    @Autowired ApplicationContext context;
    @Autowired ScopeWorld world;
    @Autowired JdbcClient jdbc;
    @Autowired io.escalera.support.TestUsers testUsers;

    private final Map<String, Authentication> outsiders = new LinkedHashMap<>();
    private Authentication widenedSibling;
    private ScopeCases cases;

    @BeforeAll
    void buildTheWorld() {
        world.build();
        outsiders.put("MANAGER of the sibling store A2", testUsers.authenticationOf(testUsers.newUserIn(Role.MANAGER, world.storeA2)));
        outsiders.put("MANAGER of store B1 of another region", testUsers.authenticationOf(testUsers.newUserIn(Role.MANAGER, world.storeB1)));
        outsiders.put("regional MANAGER of region B", testUsers.authenticationOf(testUsers.newUserIn(Role.MANAGER, world.regionB)));
        outsiders.put("API token (MANAGER) of region B", world.tokenOf(Role.MANAGER, world.regionB));
        widenedSibling = testUsers.authenticationOf(testUsers.newUserIn(Role.MANAGER, world.storeA2, true));
        cases = new ScopeCases(context, world);
    }

    @Test
    void everyServiceMethodThatTakesARecordIdOrAUnitHasAScopeCase() {
        Set<String> scoped = scopedServiceMethods();
        assertThat(scoped).as("methods found").hasSizeGreaterThan(60);
        Set<String> missing = new TreeSet<>(scoped);
        missing.removeAll(cases.keys());
        assertThat(missing).as("service methods taking a record id or a unit without a case in ScopeCases").isEmpty();
        Set<String> stale = new TreeSet<>(cases.keys());
        stale.removeAll(scoped);
        assertThat(stale).as("cases in ScopeCases for methods that no longer exist").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> noUserOrTokenOutsideTheUnitSeesOrChangesItsRecords() {
        List<DynamicTest> tests = new ArrayList<>();
        cases.all().forEach((method, scopeCase) -> {
            outsiders.forEach((who, authentication) -> tests.add(DynamicTest.dynamicTest(method + " as " + who,
                    () -> runAs(authentication, scopeCase))));
            if (scopeCase.write()) {
                tests.add(DynamicTest.dynamicTest(method + " as a MANAGER of A2 who may see all units",
                        () -> runAs(widenedSibling, scopeCase)));
            }
        });
        return tests.stream();
    }

    private void runAs(Authentication who, ScopeCases.ScopeCase scopeCase) throws Exception {
        List<Map<String, Object>> before = checksums();
        SecurityContextHolder.getContext().setAuthentication(who);
        try {
            scopeCase.check().run();
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(checksums()).as("nothing changed").isEqualTo(before);
    }

    private List<Map<String, Object>> checksums() {
        return jdbc.sql("CHECKSUM TABLE customer, customer_order, referral, interaction, complaint_case, complaint_history, "
                + "compensation, feedback, loop_follow_up, survey_invitation, kpi_target, market_value, unit, app_user")
                .query().listOfRows();
    }

    /** Public methods of the modules' public services (root packages) that take a record id or a unit. */
    private Set<String> scopedServiceMethods() {
        Set<String> found = new TreeSet<>();
        for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            String module = type.getPackageName();
            if (!module.startsWith("io.escalera.") || module.chars().filter(c -> c == '.').count() != 2) {
                continue;
            }
            // with the public methods the service inherits from an Escalera base (the staged-import steps), under its own name
            for (Class<?> declaring = type; declaring.getName().startsWith("io.escalera."); declaring = declaring.getSuperclass()) {
                for (Method method : declaring.getDeclaredMethods()) {
                    if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()
                            && !method.isBridge() && Arrays.stream(method.getParameters()).anyMatch(UnitScopeEnforcementTest::carriesARecordIdOrUnit)) {
                        found.add(type.getSimpleName() + "." + ScopeCases.key(method).substring(declaring.getSimpleName().length() + 1));
                    }
                }
            }
        }
        return found;
    }

    private static boolean carriesARecordIdOrUnit(Parameter parameter) {
        if (isId(parameter.getName(), parameter.getType())) {
            return true;
        }
        Class<?> type = parameter.getType();
        if (!type.getName().startsWith("io.escalera.")) {
            return false;
        }
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).anyMatch(c -> isId(c.getName(), c.getType()));
        }
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getParameterCount() == 0 && m.getName().startsWith("get")
                && isId(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4), m.getReturnType()));
    }

    private static boolean isId(String name, Class<?> type) {
        return (type == long.class || type == Long.class) && (name.equals("id") || name.endsWith("Id"));
    }
}
