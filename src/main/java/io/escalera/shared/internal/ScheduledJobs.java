package io.escalera.shared.internal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Schedules;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * Watches every {@code @Scheduled} method in the {@link JobRegistry}, named {@code SimpleClassName.method}, with the
 * period its schedule gives (for a cron schedule: the longest gap between its next runs), and records each run that
 * ends without an exception (Spring's scheduler observes every run; this handler listens). A job that another node
 * runs under the cluster lock still counts as a success here: this node's scheduler did its part.
 */
@Component
class ScheduledJobs implements ObservationHandler<ScheduledTaskObservationContext> {

    private final JobRegistry registry;
    private final ObjectProvider<ScheduledTaskHolder> holders;
    private final Clock clock;

    ScheduledJobs(JobRegistry registry, ObjectProvider<ScheduledTaskHolder> holders, Clock clock) {
        this.registry = registry;
        this.holders = holders;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watchAll() {
        holders.orderedStream().flatMap(holder -> holder.getScheduledTasks().stream()).map(ScheduledTask::getTask)
                .forEach(task -> {
                    Duration period = periodOf(task);
                    String job = scheduledMethodOf(task.getRunnable());
                    if (period != null && job != null) {
                        registry.expect(job, period);
                    }
                });
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ScheduledTaskObservationContext;
    }

    @Override
    public void onStart(ScheduledTaskObservationContext context) {
        String job = nameOf(context);
        CURRENT.set(new Run(job));
        registry.startedIfWatched(job);
    }

    @Override
    public void onStop(ScheduledTaskObservationContext context) {
        Run run = CURRENT.get();
        CURRENT.remove();
        String job = nameOf(context);
        if (run != null && run.handedOff && context.getError() == null) {
            return; // the long-job executor records how it ends
        }
        if (context.isComplete() && context.getError() == null) {
            registry.ranIfWatched(job);
        } else {
            registry.failedIfWatched(job);
        }
    }

    /** The {@code @Scheduled} job running on this thread, or null. */
    static String currentJob() {
        Run run = CURRENT.get();
        return run == null ? null : run.job;
    }

    /** The job running on this thread handed its work to the long-job executor, which records how it ends. */
    static void handedOff() {
        Run run = CURRENT.get();
        if (run != null) {
            run.handedOff = true;
        }
    }

    private static String nameOf(ScheduledTaskObservationContext context) {
        Method method = context.getMethod();
        return shortName(method.getDeclaringClass().getName(), method.getName());
    }

    /** The scheduled run on this thread (the scheduler observes each run on the thread that runs it). */
    private static final ThreadLocal<Run> CURRENT = new ThreadLocal<>();

    private static final class Run {
        final String job;
        boolean handedOff;

        Run(String job) {
            this.job = job;
        }
    }

    /**
     * The job's name when the task runs a {@code @Scheduled} method: the scheduler wraps the method's runnable, whose
     * text is {@code declaring.class.Name.method}; null for any other task.
     */
    private static String scheduledMethodOf(Runnable runnable) {
        String text = String.valueOf(runnable);
        int dot = text.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String type = text.substring(0, dot);
        String name = text.substring(dot + 1);
        try {
            Class<?> declaring = ClassUtils.forName(type, ScheduledJobs.class.getClassLoader());
            boolean scheduled = Arrays.stream(declaring.getDeclaredMethods()).anyMatch(m -> m.getName().equals(name)
                    && (m.isAnnotationPresent(Scheduled.class) || m.isAnnotationPresent(Schedules.class)));
            return scheduled ? shortName(type, name) : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String shortName(String type, String method) {
        return type.substring(type.lastIndexOf('.') + 1) + "." + method;
    }

    private Duration periodOf(Task task) {
        if (task instanceof IntervalTask interval) {
            return interval.getIntervalDuration().plus(interval.getInitialDelayDuration());
        }
        if (task instanceof CronTask cron) {
            CronExpression expression = CronExpression.parse(cron.getExpression());
            ZonedDateTime at = ZonedDateTime.now(clock);
            Duration longest = Duration.ZERO;
            for (int i = 0; i < 16; i++) {
                ZonedDateTime next = expression.next(at);
                if (next == null) {
                    break;
                }
                if (i > 0 && Duration.between(at, next).compareTo(longest) > 0) {
                    longest = Duration.between(at, next);
                }
                at = next;
            }
            return longest.isZero() ? null : longest;
        }
        return null;
    }
}
