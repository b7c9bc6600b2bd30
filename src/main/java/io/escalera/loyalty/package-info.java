/**
 * The loyalty ladder: stages PROSPECT → SHOPPER → CUSTOMER → CLIENT → ADVOCATE (and LAPSED off the ladder) by the
 * rules of the brief, every number a setting; stage history with the reason in words; incremental updates on orders,
 * answers and referrals, and a set-based full recompute (nightly and after a rule change).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Loyalty ladder",
        allowedDependencies = {"shared", "shared :: ui", "shared :: jdbc", "security", "customer", "customer :: ui", "feedback"})
package io.escalera.loyalty;
