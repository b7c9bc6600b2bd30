/**
 * The voice of the customer: NPS, CSAT and CES answers recorded by staff or given on a public survey link, survey
 * invitations with single-use tokens, and the closed loop (a detractor opens a follow-up with its own SLA).
 * Contributes the answers to the customer 360 (timeline, latest NPS) and publishes {@link FeedbackEvents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Voice of the customer",
        allowedDependencies = {"shared", "shared :: ui", "shared :: jdbc", "shared :: imports", "security", "customer", "customer :: ui", "interaction",
                "complaint", "complaint :: ui"})
package io.escalera.feedback;
