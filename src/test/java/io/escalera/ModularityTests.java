package io.escalera;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Modules stay modules: no cycles, no reach-ins, thin views, and every door has a lock. */
class ModularityTests {

    private static final ApplicationModules modules = ApplicationModules.of(EscaleraApplication.class);
    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.escalera");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void sharedDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.escalera.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("io.escalera.security..", "io.escalera.admin..",
                        "io.escalera.customer..", "io.escalera.interaction..", "io.escalera.complaint..",
                        "io.escalera.feedback..", "io.escalera.loyalty..", "io.escalera.value..", "io.escalera.kpi..")
                .check(classes);
    }

    @Test
    void viewsLiveInUiPackagesAndNeverTouchRepositories() {
        classes().that().areAnnotatedWith(Route.class).should().resideInAPackage("..ui..").check(classes);
        noClasses().that().resideInAPackage("..ui..").should().dependOnClassesThat().areAssignableTo(Repository.class)
                .check(classes);
    }

    @Test
    void everyViewDeclaresWhoMayOpenIt() {
        classes().that().areAnnotatedWith(Route.class).should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class).orShould().beAnnotatedWith(AnonymousAllowed.class)
                .check(classes);
    }

    @Test
    void servicesOfBusinessModulesAreSecuredByRole() {
        // A service's public methods must carry a role rule (on the class or the method).
        classes().that().areAnnotatedWith(Service.class).and().resideOutsideOfPackages("io.escalera.shared..")
                .and().haveSimpleNameNotEndingWith("UserDetailsService").and().haveSimpleNameNotEndingWith("SignedInUsers")
                .should(io.escalera.support.ArchConditions.haveRoleRulesOnEveryPublicMethod())
                .check(classes);
    }
}
