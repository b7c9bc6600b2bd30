package io.escalera.admin.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.escalera.security.Role;
import io.escalera.shared.EventDeliveries;
import io.escalera.shared.JobHealth;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestClock;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ADMIN sees this node's recurring jobs with their period, last run, last success and lag, an overdue one first
 * and marked, and the events that could not be delivered. (Only ADMIN may open the page: RouteAccessMatrixTest.)
 */
@EscaleraTest
class JobsViewTest {

    @Autowired TestUsers testUsers;
    @Autowired JobHealth jobHealth;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @org.junit.jupiter.api.extension.RegisterExtension
    final io.escalera.support.BrowserlessWindows windows = new io.escalera.support.BrowserlessWindows();
    private BrowserlessUIContext window;
    private final String deadLetterId = UUID.randomUUID().toString();

    @BeforeEach
    void signInAsAdmin() {
        window = windows.signedIn(testUsers.newUser(Role.ADMIN));
        window.getUI().setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
        jdbc.sql("DELETE FROM EVENT_PUBLICATION WHERE ID = ?").param(deadLetterId).update();
    }

    @Test
    void anOverdueJobIsListedFirstWithARedBadgeAndTheSummarySaysSo() {
        String stalled = "JobsViewTest.stalled-" + UUID.randomUUID().toString().substring(0, 6);
        jobHealth.expect(stalled, Duration.ofHours(1));
        // three hours without a success: more than twice its period (the other jobs of the node are late too)
        clock.advance(Duration.ofHours(3));

        window.navigate(JobsView.class);

        @SuppressWarnings("unchecked")
        Grid<JobHealth.Job> jobs = window.find(Grid.class).withId("jobs").single();
        var listed = jobs.getListDataView().getItems().toList();
        assertThat(listed).extracting(JobHealth.Job::name).contains(stalled);
        assertThat(listed.getFirst().overdue()).as("overdue jobs first").isTrue();
        JobHealth.Job job = listed.stream().filter(j -> j.name().equals(stalled)).findFirst().orElseThrow();
        assertThat(job.overdue()).isTrue();
        assertThat(job.lastSuccess()).isNull();
        assertThat(job.lag()).isGreaterThanOrEqualTo(Duration.ofHours(3));
        assertThat(window.test(jobs).getCellText(listed.indexOf(job), 2)).isEqualTo("1 h");
        assertThat(window.test(jobs).getCellText(listed.indexOf(job), 3)).isEqualTo("Never");
        assertThat(window.test(jobs).getCellText(listed.indexOf(job), 5)).startsWith("3 h");
        Span summary = window.find(Span.class).withId("jobs-summary").single();
        assertThat(summary.getText()).endsWith("job(s) overdue");
        assertThat(summary.getElement().getThemeList()).contains("error");
        Span badge = (Span) window.test(jobs).getCellComponent(listed.indexOf(job), 1);
        assertThat(badge.getText()).isEqualTo("Overdue");
        assertThat(badge.getElement().getThemeList()).contains("error");

        // it succeeds and the clock is back: on time after a refresh
        clock.reset();
        jobHealth.ran(stalled);
        window.test(window.find(Button.class).withId("jobs-refresh").single()).click();
        JobHealth.Job again = jobs.getListDataView().getItems().filter(j -> j.name().equals(stalled)).findFirst().orElseThrow();
        assertThat(again.overdue()).isFalse();
        assertThat(again.lastSuccess()).isNotNull();
        assertThat(again.lastRun()).isNotNull();
    }

    @Test
    void theJobsThatRanShowTheirLastRunAndTheDeadLettersAreListed() {
        jdbc.sql("""
                        INSERT INTO EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE, STATUS,
                                                       COMPLETION_ATTEMPTS)
                        VALUES (?, 'io.escalera.exchange.internal.WebhookTriggers.on(FeedbackReceived)', 'io.escalera.feedback.FeedbackEvents$FeedbackReceived',
                                '{}', NOW(6) - INTERVAL 1 HOUR, 'FAILED', 99)""").param(deadLetterId).update();

        window.navigate(JobsView.class);

        @SuppressWarnings("unchecked")
        Grid<EventDeliveries.DeadLetter> dead = window.find(Grid.class).withId("dead-letters").single();
        assertThat(dead.getListDataView().getItems().toList()).extracting(d -> d.id().toString()).contains(deadLetterId);
        assertThat(window.find(H3.class).withId("dead-letters-title").single().getText()).startsWith("Dead letters: ");
        @SuppressWarnings("unchecked")
        Grid<JobHealth.Job> jobs = window.find(Grid.class).withId("jobs").single();
        // the KPI refresh runs every 10 s in the tests too
        assertThat(jobs.getListDataView().getItems().toList()).isNotEmpty()
                .allSatisfy(j -> assertThat(j.period()).isPositive());
    }
}
