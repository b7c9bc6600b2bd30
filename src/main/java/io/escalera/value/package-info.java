/**
 * What a customer is worth and whether they are quietly leaving: economic value to date (with its parts), strategic
 * value (forward LTV by segment retention), value tiers, RFM scores and segments, the value × satisfaction matrix,
 * the early-warning risk score with its reasons in words, silent decliners and the back-test of the rule. Recomputed
 * for every customer by a set-based job (nightly, on demand, after a generated data set) and per customer on events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer value and early warning",
        allowedDependencies = {"shared", "shared :: ui", "shared :: jdbc", "security", "customer", "customer :: ui", "interaction",
                "complaint", "feedback", "loyalty"})
package io.escalera.value;
