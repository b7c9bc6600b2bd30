package io.escalera.shared.internal;

import io.escalera.shared.LongJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The long-job executor: a few threads ({@code escalera-long-*}, setting {@code escalera.jobs.long.threads}, 2) and a
 * short queue ({@code escalera.jobs.long.queue}, 8). It is not a bean of type Executor on purpose: Spring Boot would
 * then no longer make its own task executor, which the event listeners run on.
 */
@Component
class LongJobRunner implements LongJobs, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LongJobRunner.class);

    private final JobRegistry registry;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    /** The jobs whose work is queued or running, so that a slow run is never doubled by the next round. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    LongJobRunner(JobRegistry registry, @Value("${escalera.jobs.long.threads:2}") int threads,
                  @Value("${escalera.jobs.long.queue:8}") int queue) {
        this.registry = registry;
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queue);
        executor.setThreadNamePrefix("escalera-long-");
        executor.setDaemon(true);
        executor.setBeanName("escaleraLongJobs");
        executor.initialize();
    }

    @Override
    public boolean handOff(Runnable work) {
        String job = ScheduledJobs.currentJob();
        String key = job == null ? "unnamed-" + UUID.randomUUID() : job;
        if (!busy.add(key)) {
            ScheduledJobs.handedOff();
            log.warn("{}: the previous run is still going, this round is skipped", job);
            return false;
        }
        try {
            executor.execute(() -> run(job, key, work));
        } catch (TaskRejectedException e) {
            busy.remove(key);
            throw e;
        }
        ScheduledJobs.handedOff();
        return true;
    }

    private void run(String job, String key, Runnable work) {
        try {
            work.run();
            if (job != null) {
                registry.ranIfWatched(job);
            }
        } catch (RuntimeException | Error e) {
            if (job != null) {
                registry.failedIfWatched(job);
            }
            log.error("Long job {} failed", job == null ? "" : job, e);
        } finally {
            busy.remove(key);
        }
    }

    /** The jobs queued or running now (for tests and the jobs page's "running"). */
    boolean busy(String job) {
        return busy.contains(job);
    }

    @Override
    public void destroy() {
        // a run still going is interrupted: each long job leaves the database consistent when stopped (one
        // transaction, or a cleanup at its next start), and its cluster lock is released or expires
        executor.shutdown();
    }
}
