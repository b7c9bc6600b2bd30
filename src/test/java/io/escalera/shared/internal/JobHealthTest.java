package io.escalera.shared.internal;

import io.escalera.shared.JobHealth;
import io.escalera.support.EscaleraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's own jobs: all watched, each with a thread. (The overdue rule itself: JobRegistryTest.) */
@EscaleraTest
class JobHealthTest {

    @Autowired JobRegistry registry;
    @Autowired ScheduledTaskHolder scheduled;
    @Autowired ThreadPoolTaskScheduler scheduler;

    @Test
    void everyScheduledMethodOfTheContextIsWatchedAndItsSuccessfulRunsAreRecorded() throws InterruptedException {
        var methods = scheduled.getScheduledTasks().stream().map(task -> String.valueOf(task.getTask().getRunnable()))
                .filter(text -> text.startsWith("io.escalera."))
                .map(text -> text.substring(text.lastIndexOf('.', text.lastIndexOf('.') - 1) + 1)).toList();
        assertThat(methods).isNotEmpty();
        assertThat(registry.jobs()).extracting(JobHealth.Job::name).containsAll(methods);
        assertThat(registry.jobs()).allSatisfy(j -> assertThat(j.period()).isPositive());
        // the KPI refresh runs every 10 s in the tests too: its runs are reported by the scheduler's observation
        for (int i = 0; i < 300 && registry.jobs().stream().allMatch(j -> j.lastSuccess() == null); i++) {
            Thread.sleep(100);
        }
        assertThat(registry.jobs()).anySatisfy(j -> assertThat(j.lastSuccess()).isNotNull());
    }

    @Test
    void theSchedulerHasAThreadForEveryScheduledMethodOfTheApplication() {
        // all of them, also those switched off in the tests: count the annotations in the application's classes
        long all = scheduledMethodsInApplication();
        assertThat(all).isGreaterThanOrEqualTo(9);
        assertThat(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize()).as("scheduler threads").isGreaterThanOrEqualTo((int) all);
    }

    private static long scheduledMethodsInApplication() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        return scanner.findCandidateComponents("io.escalera").stream()
                .map(bean -> org.springframework.util.ClassUtils.resolveClassName(bean.getBeanClassName(), null))
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(Scheduled.class)).count();
    }
}
