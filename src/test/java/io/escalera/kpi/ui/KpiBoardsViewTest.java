package io.escalera.kpi.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import io.escalera.complaint.ComplaintService;
import io.escalera.complaint.ComplaintStatus;
import io.escalera.complaint.Severity;
import io.escalera.customer.CustomerDetails;
import io.escalera.kpi.KpiRebuilds;
import io.escalera.kpi.KpiService;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.shared.ui.EChart;
import io.escalera.support.BrowserlessWindows;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestAnswers;
import io.escalera.support.TestClock;
import io.escalera.support.TestComplaints;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The KPI boards as a manager uses them (browserless). */
@EscaleraTest
class KpiBoardsViewTest {

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired TestAnswers answers;
    @Autowired KpiService kpis;
    @Autowired KpiRebuilds rebuilds;
    @Autowired ComplaintService complaints;
    @Autowired TestClock clock;

    @org.junit.jupiter.api.extension.RegisterExtension
    final BrowserlessWindows windows = new BrowserlessWindows();


    @Test
    void theServiceBoardDrawsThePercentileSparklinePointsOnceComputedInTheBackground() throws InterruptedException {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails customer = testCustomers.newCustomer(manager.unitId());
        // a case answered three months ago: neither this month, the one before, nor a year ago
        Duration back = Duration.ofDays(92);
        clock.advance(back.negated());
        try {
            testUsers.signIn(manager);
            var opened = complaints.open(TestComplaints.form(customer, Severity.MEDIUM));
            opened = complaints.take(opened.id(), opened.version());
            complaints.move(opened.id(), opened.version(), ComplaintStatus.IN_PROGRESS);
            SecurityContextHolder.clearContext();
        } finally {
            clock.advance(back);
        }
        LocalDate answered = LocalDate.now().minusDays(92);
        SystemUser.call(() -> rebuilds.rebuild(answered, answered));

        BrowserlessUIContext window = windows.signedIn(manager);
        window.navigate("kpi", KpiBoardsView.class);
        window.find(Tabs.class).single().setSelectedTab(window.find(Tab.class).withId("board-service").single());
        assertThat(sparkline(window, "tile-FIRST_RESPONSE_MEDIAN")).as("no point yet: the tile draws none").isEmpty();

        for (int i = 0; i < 200 && kpis.sparklinesPending(); i++) {
            Thread.sleep(50);
        }
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
        assertThat(sparkline(window, "tile-FIRST_RESPONSE_MEDIAN")).as("drawn after the page polled").isPresent();
    }

    private static Optional<EChart> sparkline(BrowserlessUIContext window, String tileId) {
        return window.find(Div.class).withId(tileId).single().getChildren().filter(EChart.class::isInstance).map(EChart.class::cast).findFirst();
    }

    @Test
    void aBarOfTheNpsDistributionOpensTheAnswersWithThatScore() {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails unhappy = testCustomers.newCustomer(manager.unitId());
        CustomerDetails happy = testCustomers.newCustomer(manager.unitId());
        answers.nps(unhappy, 3);
        answers.nps(happy, 10);
        LocalDate today = LocalDate.now();
        SystemUser.call(() -> rebuilds.rebuild(today, today));

        BrowserlessUIContext window = windows.signedIn(manager);
        window.navigate("kpi", KpiBoardsView.class);
        window.find(Tabs.class).single().setSelectedTab(window.find(Tab.class).withId("board-voice").single());
        Div nps = window.find(Div.class).withId("distribution-NPS").single();
        EChart chart = (EChart) nps.getChildren().filter(EChart.class::isInstance).findFirst().orElseThrow();
        assertThat(chart.getOptionJson()).contains("\"value\":1");
        // the bar of score 3 (the fourth of 0–10)
        ComponentUtil.fireEvent(chart, new EChart.ChartClickEvent(chart, true, 0, 3, ""));
        Grid<?> answersGrid = window.find(Grid.class).withId("kpi-answers").single();
        assertThat(window.test(answersGrid).size()).isEqualTo(1);
        // a point of the NPS sparkline opens the answers of its month: this month's two, none the month before
        Div tile = window.find(Div.class).withId("tile-NPS").single();
        EChart spark = (EChart) tile.getChildren().filter(EChart.class::isInstance).findFirst().orElseThrow();
        ComponentUtil.fireEvent(spark, new EChart.ChartClickEvent(spark, true, 0, 11, ""));
        assertThat(window.test(window.find(Grid.class).withId("kpi-records").single()).size()).isEqualTo(2);
        // a kind nobody answered says so instead of drawing an empty chart
        assertThat(window.find(Div.class).withId("distribution-CES").single().getChildren().noneMatch(EChart.class::isInstance)).isTrue();
    }

    @Test
    void theCommerceBoardShowsTheCustomerKpisAndTheRepeatRateOpensTheSecondOrders() {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails twice = testCustomers.newCustomer(manager.unitId());
        CustomerDetails once = testCustomers.newCustomer(manager.unitId());
        LocalDate today = LocalDate.now();
        testCustomers.newOrder(twice, today, "20");
        testCustomers.newOrder(twice, today, "30");
        testCustomers.newOrder(once, today, "40");
        SystemUser.call(() -> rebuilds.rebuild(today, today));

        BrowserlessUIContext window = windows.signedIn(manager);
        window.navigate("kpi", KpiBoardsView.class);
        window.find(Tabs.class).single().setSelectedTab(window.find(Tab.class).withId("board-commerce").single());
        for (String kpi : List.of("REPEAT_PURCHASE", "PURCHASE_FREQUENCY", "RETENTION", "CHURN")) {
            assertThat(window.find(Div.class).withId("tile-" + kpi).all()).as(kpi).hasSize(1);
        }
        // two buyers this month, one of them twice: 50 %; three orders by two active customers: 1.5
        assertThat(window.find(Div.class).withId("tile-REPEAT_PURCHASE").single().getElement().getTextRecursively()).contains("50");
        assertThat(window.find(Div.class).withId("tile-PURCHASE_FREQUENCY").single().getElement().getTextRecursively()).contains("1.5");
        window.test(window.find(Button.class).withId("records-REPEAT_PURCHASE").single()).click();
        assertThat(window.test(window.find(Grid.class).withId("kpi-records").single()).getCellText(0, 4)).isEqualTo("Second order in the period");
    }
}
