package io.escalera.support;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.prepost.PreAuthorize;

public final class ArchConditions {

    private ArchConditions() {
    }

    public static ArchCondition<JavaClass> haveRoleRulesOnEveryPublicMethod() {
        return new ArchCondition<>("have a role rule on every public method") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean classRule = type.isAnnotatedWith(RolesAllowed.class) || type.isAnnotatedWith(PreAuthorize.class);
                for (JavaMethod method : type.getMethods()) {
                    if (!method.getModifiers().contains(JavaModifier.PUBLIC) || method.getModifiers().contains(JavaModifier.STATIC)) {
                        continue;
                    }
                    boolean methodRule = method.isAnnotatedWith(RolesAllowed.class) || method.isAnnotatedWith(PermitAll.class)
                            || method.isAnnotatedWith(PreAuthorize.class);
                    if (!classRule && !methodRule) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " has no role rule"));
                    }
                }
                // Spring Security takes a class-level rule from the class that declares the method: what a service
                // inherits from an Escalera base is covered by the base's rule, not by the service's
                for (JavaClass base : type.getAllRawSuperclasses()) {
                    if (!base.getPackageName().startsWith("io.escalera.")) {
                        continue;
                    }
                    boolean baseRule = base.isAnnotatedWith(RolesAllowed.class) || base.isAnnotatedWith(PreAuthorize.class);
                    for (JavaMethod method : base.getMethods()) {
                        if (method.getModifiers().contains(JavaModifier.PUBLIC) && !method.getModifiers().contains(JavaModifier.STATIC)
                                && !method.getModifiers().contains(JavaModifier.ABSTRACT) && !baseRule
                                && !method.isAnnotatedWith(RolesAllowed.class) && !method.isAnnotatedWith(PreAuthorize.class)
                                && !method.isAnnotatedWith(PermitAll.class)) {
                            events.add(SimpleConditionEvent.violated(method, type.getName() + " inherits " + method.getFullName()
                                    + ", which has no role rule of its own (the subclass's does not cover it)"));
                        }
                    }
                }
            }
        };
    }
}
