/**
 * Customers, their orders and referrals, and the customer page. Orders live here rather than in a module of their
 * own: a purchase is the customer's history, every order screen is scoped by the customer's unit, and the ladder,
 * value and KPI modules read both together through this module's API and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers and orders",
        allowedDependencies = {"shared", "shared :: ui", "shared :: jdbc", "shared :: imports", "security", "admin"})
package io.escalera.customer;
