package io.escalera.shared.internal;

import io.escalera.shared.JobHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In memory, per node: each node runs its own scheduler, so each reports its own jobs. */
@Component
class JobRegistry implements JobHealth {

    static final String GAUGE = "escalera.job.since.success";

    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Watched> jobs = new ConcurrentHashMap<>();

    JobRegistry(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void expect(String job, Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a job's period must be positive: " + job);
        }
        jobs.compute(job, (name, known) -> {
            if (known != null) {
                return new Watched(period, known.since, known.lastRun, known.running, known.lastSuccess, known.gauge);
            }
            Meter gauge = Gauge.builder(GAUGE, () -> lagOf(name).toMillis() / 1000.0)
                    .tag("job", name).baseUnit("seconds")
                    .description("Seconds since the job last succeeded on this node").register(meters);
            return new Watched(period, clock.instant(), null, false, null, gauge);
        });
    }

    @Override
    public void ran(String job) {
        Instant now = clock.instant();
        Watched known = jobs.get(job);
        if (known == null) {
            throw new IllegalStateException("not a watched job (call expect first): " + job);
        }
        jobs.computeIfPresent(job, (name, w) -> new Watched(w.period, w.since, w.running ? w.lastRun : now, false, now, w.gauge));
    }

    @Override
    public List<Job> jobs() {
        Instant now = clock.instant();
        return jobs.entrySet().stream().map(e -> e.getValue().view(e.getKey(), now))
                .sorted(Comparator.comparing(Job::name)).toList();
    }

    /** As {@link #ran}, ignoring a job not (yet) watched: a scheduled run may end before the watch starts. */
    void ranIfWatched(String job) {
        if (jobs.containsKey(job)) {
            ran(job);
        }
    }

    /** A run of a watched job has started (ignored for a job not watched yet). */
    void startedIfWatched(String job) {
        Instant now = clock.instant();
        jobs.computeIfPresent(job, (name, w) -> new Watched(w.period, w.since, now, true, w.lastSuccess, w.gauge));
    }

    /** A run of a watched job ended with an error: it is no longer running, and its last success stays. */
    void failedIfWatched(String job) {
        jobs.computeIfPresent(job, (name, w) -> new Watched(w.period, w.since, w.lastRun, false, w.lastSuccess, w.gauge));
    }

    private Duration lagOf(String job) {
        Watched w = jobs.get(job);
        return w == null ? Duration.ZERO : w.view(job, clock.instant()).lag();
    }

    private record Watched(Duration period, Instant since, Instant lastRun, boolean running, Instant lastSuccess, Meter gauge) {

        Job view(String name, Instant now) {
            Instant from = lastSuccess == null ? since : lastSuccess;
            Duration lag = Duration.between(from, now);
            if (lag.isNegative()) {
                lag = Duration.ZERO;
            }
            return new Job(name, period, lastRun, running, lastSuccess, lag, lag.compareTo(period.multipliedBy(2)) > 0);
        }
    }
}
