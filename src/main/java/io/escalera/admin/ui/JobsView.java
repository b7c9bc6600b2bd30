package io.escalera.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.shared.EventDeliveries;
import io.escalera.shared.EventDeliveries.DeadLetter;
import io.escalera.shared.JobHealth;
import io.escalera.shared.JobHealth.Job;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import jakarta.annotation.security.RolesAllowed;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * ADMIN, read only: this node's recurring jobs (period, last run, last success, lag; overdue ones first, with a red
 * badge) and the events no listener could handle after every attempt (dead letters).
 */
@Route("admin/jobs")
@Menu(title = "nav.admin.jobs", order = 96, icon = "vaadin:clock")
@RolesAllowed("ADMIN")
public class JobsView extends VerticalLayout implements LocalizedTitle {

    static final int DEAD_LETTERS_SHOWN = 200;

    private final JobHealth jobHealth;
    private final EventDeliveries deliveries;
    private final Grid<Job> jobs = new Grid<>();
    private final Grid<DeadLetter> deadLetters = new Grid<>();
    private final Span summary = new Span();
    private final H3 deadLettersTitle = new H3();

    public JobsView(JobHealth jobHealth, EventDeliveries deliveries) {
        this.jobHealth = jobHealth;
        this.deliveries = deliveries;
        setSizeFull();
        summary.setId("jobs-summary");
        Button refresh = new Button(getTranslation("jobs.refresh"), e -> refresh());
        refresh.setId("jobs-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout toolbar = new HorizontalLayout(summary, refresh);
        toolbar.setAlignItems(Alignment.BASELINE);

        jobs.setId("jobs");
        jobs.addColumn(Job::name).setHeader(getTranslation("jobs.name")).setAutoWidth(true);
        jobs.addComponentColumn(this::stateBadge).setHeader(getTranslation("jobs.state")).setAutoWidth(true);
        jobs.addColumn(job -> duration(job.period())).setHeader(getTranslation("jobs.period")).setAutoWidth(true);
        jobs.addColumn(job -> when(job.lastRun())).setHeader(getTranslation("jobs.last-run")).setAutoWidth(true);
        jobs.addColumn(job -> when(job.lastSuccess())).setHeader(getTranslation("jobs.last-success")).setAutoWidth(true);
        jobs.addColumn(job -> duration(job.lag())).setHeader(getTranslation("jobs.lag")).setAutoWidth(true);
        jobs.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        jobs.setEmptyStateText(getTranslation("jobs.empty"));
        jobs.setAllRowsVisible(true);

        deadLettersTitle.setId("dead-letters-title");
        deadLetters.setId("dead-letters");
        deadLetters.addColumn(d -> Formats.dateTime(d.publishedAt(), getLocale())).setHeader(getTranslation("jobs.dead.published")).setAutoWidth(true);
        deadLetters.addColumn(DeadLetter::eventType).setHeader(getTranslation("jobs.dead.event")).setAutoWidth(true);
        deadLetters.addColumn(DeadLetter::listener).setHeader(getTranslation("jobs.dead.listener")).setFlexGrow(2);
        deadLetters.addColumn(DeadLetter::attempts).setHeader(getTranslation("jobs.dead.attempts")).setAutoWidth(true);
        deadLetters.addColumn(d -> d.id().toString()).setHeader(getTranslation("jobs.dead.id")).setAutoWidth(true);
        deadLetters.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        deadLetters.setEmptyStateText(getTranslation("jobs.dead.empty"));
        deadLetters.setAllRowsVisible(true);

        add(toolbar, new Paragraph(getTranslation("jobs.per-node")), jobs, deadLettersTitle,
                new Paragraph(getTranslation("jobs.dead.help")), deadLetters);
        refresh();
    }

    private void refresh() {
        List<Job> all = jobHealth.jobs().stream()
                .sorted(Comparator.comparing((Job job) -> !job.overdue()).thenComparing(Job::name)).toList();
        jobs.setItems(all);
        long overdue = all.stream().filter(Job::overdue).count();
        summary.setText(overdue == 0 ? getTranslation("jobs.summary.ok", all.size()) : getTranslation("jobs.summary.overdue", overdue));
        summary.getElement().getThemeList().clear();
        summary.getElement().getThemeList().add("badge pill " + (overdue == 0 ? "success" : "error primary"));
        long dead = deliveries.deadLetterCount();
        deadLettersTitle.setText(getTranslation("jobs.dead.title", dead));
        deadLetters.setItems(deliveries.deadLetters(DEAD_LETTERS_SHOWN));
    }

    private Span stateBadge(Job job) {
        String state = job.overdue() ? "overdue" : job.running() ? "running" : job.lastSuccess() == null ? "waiting" : "ok";
        Span badge = new Span(getTranslation("jobs.state." + state));
        badge.getElement().getThemeList().add("badge pill small " + switch (state) {
            case "overdue" -> "error primary";
            case "running", "waiting" -> "contrast";
            default -> "success";
        });
        badge.addClassName("job-" + state);
        return badge;
    }

    private String when(Instant instant) {
        return instant == null ? getTranslation("jobs.never") : Formats.dateTime(instant, getLocale());
    }

    /** 2 d 3 h, 1 h 30 min, 5 min, 45 s: the largest two units. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long days = seconds / 86_400, hours = seconds % 86_400 / 3600, minutes = seconds % 3600 / 60, rest = seconds % 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (minutes > 0) {
            return minutes + " min" + (rest > 0 ? " " + rest + " s" : "");
        }
        return rest + " s";
    }

    @Override
    public String titleKey() {
        return "nav.admin.jobs";
    }
}
