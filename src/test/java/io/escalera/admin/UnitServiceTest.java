package io.escalera.admin;

import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.shared.FieldErrorsException;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EscaleraTest
class UnitServiceTest {

    @Autowired UnitService units;
    @Autowired TestUsers testUsers;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDuplicateCodeIsAFieldErrorWhateverItsCase() {
        String code = "DUP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        SystemUser.run(() -> units.create(UnitForm.of(code, "First", UnitKind.STORE, null)));
        assertThatThrownBy(() -> SystemUser.run(() -> units.create(UnitForm.of(code.toLowerCase(), "Second", UnitKind.STORE, null))))
                .isInstanceOfSatisfying(FieldErrorsException.class,
                        e -> assertThat(e.errors()).extracting(FieldErrorsException.FieldError::messageKey).containsExactly("unit.code.taken"));
    }

    @Test
    void aRegionCannotBePlacedInsideItsOwnStoresOrUnderAStore() {
        Unit region = SystemUser.call(() -> units.create(UnitForm.of(code(), "Region", UnitKind.REGION, null)));
        Unit subRegion = SystemUser.call(() -> units.create(UnitForm.of(code(), "Sub-region", UnitKind.REGION, region.id())));
        Unit store = SystemUser.call(() -> units.create(UnitForm.of(code(), "Store", UnitKind.STORE, subRegion.id())));

        assertThat(SystemUser.call(() -> units.selfAndDescendants(region.id()))).containsExactlyInAnyOrder(region.id(), subRegion.id(), store.id());

        UnitForm cycle = UnitForm.of(region);
        cycle.setParentId(subRegion.id());
        assertThatThrownBy(() -> SystemUser.run(() -> units.update(region.id(), cycle)))
                .isInstanceOfSatisfying(FieldErrorsException.class,
                        e -> assertThat(e.errors()).extracting(FieldErrorsException.FieldError::messageKey).containsExactly("unit.parent.cycle"));

        UnitForm underStore = UnitForm.of(code(), "Odd", UnitKind.STORE, store.id());
        assertThatThrownBy(() -> SystemUser.run(() -> units.create(underStore)))
                .isInstanceOfSatisfying(FieldErrorsException.class,
                        e -> assertThat(e.errors()).extracting(FieldErrorsException.FieldError::messageKey).containsExactly("unit.parent.not-region"));
    }

    @Test
    void everyoneSignedInMayReadUnitsButOnlyAnAdminChangesThem() {
        SecurityContextHolder.getContext().setAuthentication(testUsers.authenticationOf(testUsers.newUser(Role.MANAGER)));
        assertThat(units.all()).isNotEmpty();
        assertThatThrownBy(() -> units.create(UnitForm.of(code(), "Nope", UnitKind.STORE, null)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    private static String code() {
        return "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
