/**
 * Interactions with customers on every channel, their reasons, follow-ups, the quick-log dialog and the cost to
 * serve. Contributes to the customer 360 (timeline entries, a "log interaction" action) and to the header.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interactions",
        allowedDependencies = {"shared", "shared :: ui", "shared :: jdbc", "shared :: imports", "security", "admin", "customer", "customer :: ui"})
package io.escalera.interaction;
