package io.escalera.security;

import io.escalera.shared.imports.BulkImport;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staged-import steps every module inherits from {@code shared.imports.StagedImport} keep the roles its import class
 * names ({@code @RolesAllowed} on the subclass): STAFF reach none of them, a MANAGER reaches every one.
 */
@EscaleraTest
class ImportStepsSecurityTest {

    private static final long NO_SUCH_IMPORT = Long.MAX_VALUE;

    @Autowired List<BulkImport<?>> imports;
    @Autowired TestUsers testUsers;

    private final Map<String, ThrowingConsumer<BulkImport<?>>> steps = Map.of(
            "stage", i -> i.stage(NO_SUCH_IMPORT, List.of()),
            "check", i -> i.check(NO_SUCH_IMPORT),
            "rejects", i -> i.rejects(NO_SUCH_IMPORT, 0, 10),
            "commit", i -> i.commit(NO_SUCH_IMPORT),
            "forgetAccepted", i -> i.forgetAccepted(NO_SUCH_IMPORT),
            "discard", i -> i.discard(NO_SUCH_IMPORT));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void staffReachNoStepOfAnyModulesImport() {
        signInAs(Role.STAFF);
        assertThat(imports).as("customers, orders, contacts, answers").hasSizeGreaterThanOrEqualTo(4);
        List<String> reached = new java.util.ArrayList<>();
        imports.forEach(bulk -> steps.forEach((name, step) -> {
            try {
                step.accept(bulk);
                reached.add(org.springframework.aop.support.AopUtils.getTargetClass(bulk).getSimpleName() + "." + name);
            } catch (AuthorizationDeniedException refused) {
                // as it should
            } catch (Throwable e) {
                throw new AssertionError(name, e);
            }
        }));
        assertThat(reached).as("steps a STAFF user reached").isEmpty();
    }

    @Test
    void aManagerReachesEveryStep() {
        signInAs(Role.MANAGER);
        imports.forEach(bulk -> steps.forEach((name, step) -> {
            try {
                step.accept(bulk);
            } catch (Throwable e) {
                throw new AssertionError(bulk.getClass().getSimpleName() + "." + name + " refused a manager", e);
            }
        }));
    }

    private void signInAs(Role role) {
        SecurityContextHolder.getContext().setAuthentication(testUsers.authenticationOf(testUsers.newUser(role)));
    }
}
