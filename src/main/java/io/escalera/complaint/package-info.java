/**
 * Complaint cases: capture, the status machine, SLAs per severity (paused while waiting for the customer),
 * compensation with an approval limit, root causes, history, queues. Contributes the cases to the customer 360 and
 * "this is a complaint" to the quick-log dialog; publishes {@link io.escalera.complaint.ComplaintEvents} for the
 * feedback, value and KPI modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints",
        allowedDependencies = {"shared", "shared :: ui", "shared :: jdbc", "security", "customer", "customer :: ui",
                "interaction"})
package io.escalera.complaint;
