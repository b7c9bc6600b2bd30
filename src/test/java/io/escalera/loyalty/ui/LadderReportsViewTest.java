package io.escalera.loyalty.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.ui.CustomerView;
import io.escalera.loyalty.LadderReport;
import io.escalera.security.Role;
import io.escalera.security.UnitDirectory;
import io.escalera.security.UserAccount;
import io.escalera.shared.ui.EChart;
import io.escalera.support.AfterCommitListeners;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The ladder reports page as a manager uses it (browserless): charts drawn from the numbers, clicks open the customers. */
@EscaleraTest
class LadderReportsViewTest {

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired JdbcClient jdbc;

    @org.junit.jupiter.api.extension.RegisterExtension
    final io.escalera.support.BrowserlessWindows windows = new io.escalera.support.BrowserlessWindows();


    @Test
    void aClickOnTheClientBarListsTheClientsAndOpensOne() throws Exception {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails client = testCustomers.newCustomer(manager.unitId());
        CustomerDetails shopper = testCustomers.newCustomer(manager.unitId());
        for (int i = 0; i < 6; i++) {
            testCustomers.newOrder(client, LocalDate.now().minusDays(3L * i), "20.00");
        }
        testCustomers.newOrder(shopper, LocalDate.now().minusDays(3), "20.00");
        AfterCommitListeners.await(jdbc, "io.escalera.loyalty.internal.LadderTriggers");
        BrowserlessUIContext window = windows.signedIn(manager);
        window.navigate("loyalty", LadderReportsView.class);

        @SuppressWarnings("unchecked")
        ComboBox<UnitDirectory.UnitRef> unit = window.find(ComboBox.class).withId("ladder-unit").single();
        window.test(unit).selectItem(unit.getListDataView().getItems().filter(u -> u.id() == manager.unitId()).findFirst().orElseThrow().label());
        EChart chart = window.find(EChart.class).withId("ladder-funnel-chart").single();
        assertThat(chart.getOptionJson()).as("bars of the five rungs, now and ever")
                .contains("\"type\":\"bar\"").contains("[0,1,0,1,0]").contains("[2,2,1,1,0]");

        ComponentUtil.fireEvent(chart, new EChart.ChartClickEvent(chart, true, 0, 3, ""));
        @SuppressWarnings("unchecked")
        Grid<LadderReport.CustomerRow> customers = window.find(Grid.class).withId("ladder-customers").single();
        assertThat(window.test(customers).size()).isEqualTo(1);
        assertThat(window.test(customers).getRow(0).customerId()).isEqualTo(client.id());
        window.test(customers).clickRow(0);
        assertThat(window.getUI().getCurrentView()).isInstanceOf(CustomerView.class);
    }

    @Test
    void everyTabDrawsItsChartOrSaysThereIsNothing() {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        BrowserlessUIContext window = windows.signedIn(manager);
        window.navigate("loyalty", LadderReportsView.class);
        Tabs tabs = window.find(Tabs.class).single();

        for (String tab : new String[]{"movement", "cohorts", "lifecycle"}) {
            tabs.setSelectedTab(window.find(Tab.class).withId("tab-" + tab).single());
            assertThat(window.find(Grid.class).withId("ladder-" + (tab.equals("cohorts") ? "cohort" : tab) + "-table").all()).hasSize(1);
        }
        tabs.setSelectedTab(window.find(Tab.class).withId("tab-funnel").single());
        assertThat(window.find(com.vaadin.flow.component.html.Span.class).withId("ladder-empty").all())
                .as("a new store has no customers yet").hasSize(1);
    }
}
