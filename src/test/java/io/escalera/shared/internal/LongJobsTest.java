package io.escalera.shared.internal;

import io.escalera.shared.JobHealth;
import io.escalera.shared.LongJobs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long job handed to the long-job executor leaves the scheduler thread at once; it counts as running until its work
 * ends, and as a success only then. Spring's own scheduler and its observation of each run, without the application.
 */
class LongJobsTest {

    static final String JOB = "LongJobsTest$Nightly.rebuild";
    static final CountDownLatch started = new CountDownLatch(1);
    static final CountDownLatch release = new CountDownLatch(1);
    static final AtomicInteger scheduledRuns = new AtomicInteger();
    static final AtomicReference<String> workThread = new AtomicReference<>();

    private AnnotationConfigApplicationContext context;

    @AfterEach
    void close() {
        release.countDown();
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aHandedOffJobFreesTheSchedulerAndSucceedsOnlyWhenItsWorkEnds() throws Exception {
        context = new AnnotationConfigApplicationContext(Jobs.class);
        JobRegistry registry = context.getBean(JobRegistry.class);

        assertThat(started.await(10, TimeUnit.SECONDS)).as("the work started").isTrue();
        // the scheduler's thread came back: the method runs again (every 50 ms) while the first work is still going
        for (int i = 0; i < 100 && scheduledRuns.get() < 4; i++) {
            Thread.sleep(50);
        }
        assertThat(scheduledRuns.get()).as("scheduled runs while the work is held").isGreaterThanOrEqualTo(4);
        assertThat(workThread.get()).startsWith("escalera-long-");
        JobHealth.Job held = job(registry);
        assertThat(held.running()).isTrue();
        assertThat(held.lastRun()).isNotNull();
        assertThat(held.lastSuccess()).as("no success before the work ends").isNull();
        assertThat(context.getBean(LongJobRunner.class).busy(JOB)).isTrue();
        // checked while held: once the work ends, the next 50 ms round may rightly start a second one
        assertThat(Nightly.works.get()).as("rounds skipped while the work was going: one work only").isEqualTo(1);

        release.countDown();
        for (int i = 0; i < 100 && job(registry).lastSuccess() == null; i++) {
            Thread.sleep(50);
        }
        assertThat(job(registry).lastSuccess()).as("a success once the work ended").isNotNull();
    }

    private static JobHealth.Job job(JobRegistry registry) {
        return registry.jobs().stream().filter(j -> j.name().equals(JOB)).findFirst().orElseThrow();
    }

    static class Nightly {
        static final AtomicInteger works = new AtomicInteger();
        private final LongJobs longJobs;

        Nightly(LongJobs longJobs) {
            this.longJobs = longJobs;
        }

        @Scheduled(fixedDelay = 50)
        void rebuild() {
            scheduledRuns.incrementAndGet();
            longJobs.handOff(() -> {
                works.incrementAndGet();
                workThread.set(Thread.currentThread().getName());
                started.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Configuration
    @EnableScheduling
    static class Jobs implements SchedulingConfigurer {

        final JobRegistry registry = new JobRegistry(Clock.systemUTC(), new SimpleMeterRegistry());

        Jobs() {
            registry.expect(JOB, Duration.ofHours(24));
        }

        @Bean
        JobRegistry registry() {
            return registry;
        }

        @Bean
        LongJobRunner longJobRunner() {
            return new LongJobRunner(registry, 1, 2);
        }

        @Bean
        Nightly nightly(LongJobs longJobs) {
            return new Nightly(longJobs);
        }

        @Bean
        ThreadPoolTaskScheduler taskScheduler() {
            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.setPoolSize(1);
            scheduler.setThreadNamePrefix("test-job-");
            return scheduler;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            ObservationRegistry observations = ObservationRegistry.create();
            observations.observationConfig().observationHandler(new ScheduledJobs(registry, null, Clock.systemUTC()));
            registrar.setObservationRegistry(observations);
        }
    }
}
