package io.escalera.shared.internal;

import io.escalera.shared.JobHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code jobs} in {@code /actuator/health}: DOWN while any recurring job of this node is overdue (no success for more
 * than twice its period) — a node whose background work has stalled is not healthy, whatever its web answers say, and
 * should be looked at or restarted. The details (each job's period, last success and lag) are shown to ADMIN only.
 */
@Component("jobs")
class JobsHealthIndicator implements HealthIndicator {

    private final JobHealth jobs;

    JobsHealthIndicator(JobHealth jobs) {
        this.jobs = jobs;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean overdue = false;
        for (JobHealth.Job job : jobs.jobs()) {
            overdue |= job.overdue();
            details.put(job.name(), Map.of(
                    "period", job.period().toString(),
                    "lastRun", job.lastRun() == null ? "never" : job.lastRun().toString(),
                    "running", job.running(),
                    "lastSuccess", job.lastSuccess() == null ? "never" : job.lastSuccess().toString(),
                    "lag", job.lag().toString(),
                    "overdue", job.overdue()));
        }
        return (overdue ? Health.down() : Health.up()).withDetails(details).build();
    }
}
