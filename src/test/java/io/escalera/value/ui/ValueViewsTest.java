package io.escalera.value.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerSegments;
import io.escalera.customer.CustomerSummary;
import io.escalera.customer.ui.CustomerView;
import io.escalera.customer.ui.CustomersView;
import io.escalera.kpi.KpiRebuilds;
import io.escalera.kpi.ui.KpiBoardsView;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.support.AfterCommitListeners;
import io.escalera.support.BrowserlessWindows;
import io.escalera.support.Downloads;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestAnswers;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import io.escalera.value.ValueRules;
import io.escalera.value.ValueService;
import io.escalera.value.ValuedCustomer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The value screens as managers and staff use them (browserless). */
@EscaleraTest
class ValueViewsTest {

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired ValueService values;
    @Autowired TestAnswers answers;
    @Autowired JdbcClient jdbc;
    @Autowired KpiRebuilds rebuilds;

    @org.junit.jupiter.api.extension.RegisterExtension
    final BrowserlessWindows windows = new BrowserlessWindows();


    private BrowserlessUIContext open(UserAccount user) {
        BrowserlessUIContext window = windows.signedIn(user);
        return window;
    }

    private void awaitAndRecompute() throws InterruptedException {
        AfterCommitListeners.await(jdbc, "io.escalera.value.internal.ValueTriggers");
        SystemUser.run(values::recomputeAll);
    }

    @Test
    void theHighValueDetractorCornerListsTheCustomerAndOpensTheir360WithValueParts() throws Exception {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails big = testCustomers.newCustomer(manager.unitId());
        testCustomers.newOrder(big, LocalDate.now().minusDays(5), "40000", "0", "30000", "500");
        answers.nps(big, 4);
        awaitAndRecompute();

        BrowserlessUIContext window = open(manager);
        window.navigate("value", ValueMatrixView.class);
        Button corner = window.find(Button.class).withId("matrix-A-DETRACTOR").single();
        assertThat(corner.getText()).isEqualTo("1");
        assertThat(corner.getTooltip().getText()).isEqualTo("High value, detractor");
        assertThat(window.find(Span.class).withId("matrix-corner-label").single().getText()).contains("High value, detractor");
        assertThat(window.find(Button.class).withId("matrix-B-PROMOTER").single().getText()).isEqualTo("0");
        window.test(corner).click();
        @SuppressWarnings("unchecked")
        Grid<ValuedCustomer> list = window.find(Grid.class).withId("value-customers").single();
        assertThat(window.test(list).size()).isEqualTo(1);
        window.test(list).clickRow(0);
        assertThat(window.getUI().getCurrentView()).isInstanceOf(CustomerView.class);
        // 40,000 − 30,000 − 500 returned = 9,500
        assertThat(window.find(Span.class).withId("value-economic").single().getText()).contains("9,500.00");
        assertThat(window.find(Span.class).withId("value-tier").single().getText()).isEqualTo("A · top 20 %");
        assertThat(window.find(Span.class).withId("value-rfm").single().getText()).isNotEqualTo("—");
        assertThat(window.find(ListItem.class).all()).extracting(ListItem::getText).anyMatch(t -> t.startsWith("detractor in "));
    }

    @Test
    void theWorklistOffersTheOtherModulesActionsForACustomer() throws Exception {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails leaving = testCustomers.newCustomer(manager.unitId());
        for (int days : new int[]{250, 230, 210, 190}) {
            testCustomers.newOrder(leaving, LocalDate.now().minusDays(days), "100");
        }
        awaitAndRecompute();
        BrowserlessUIContext window = open(manager);
        window.navigate("value/at-risk", AtRiskView.class);
        assertThat(window.find(Span.class).withId("at-risk-counts").single().getText()).isEqualTo("1 at risk, 1 silent decliners");
        @SuppressWarnings("unchecked")
        Grid<ValuedCustomer> grid = window.find(Grid.class).withId("at-risk-grid").single();
        assertThat(window.test(grid).size()).isEqualTo(1);
        assertThat(window.test(grid).getCellText(0, 3)).startsWith("overdue 9.5× their usual gap; purchases −100 %");
        // the worklist as XLSX, read back: the one customer, with the reasons in words and the values as numbers
        byte[] xlsx = Downloads.fetch(window.find(Anchor.class)
                .withId("at-risk-export-xlsx").single());
        try (org.dhatim.fastexcel.reader.ReadableWorkbook book = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Row> rows = book.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getCell(2).getText()).isEqualTo("Risk");
            assertThat(rows.get(1).getCell(0).getText()).isEqualTo(leaving.name());
            assertThat(rows.get(1).getCell(3).getText()).startsWith("overdue 9.5× their usual gap; purchases −100 %");
            assertThat(rows.get(1).getCell(2).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
        }
        window.test(grid).clickRow(0);
        assertThat(window.find(Button.class).withId("log-interaction").all()).hasSize(1);
        window.test(window.find(Button.class).withId("at-risk-open-customer").single()).click();
        assertThat(window.getUI().getCurrentView()).isInstanceOf(CustomerView.class);
    }

    @Test
    void theCustomerListFiltersByAValueSegment() throws Exception {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails leaving = testCustomers.newCustomer(manager.unitId());
        CustomerDetails steady = testCustomers.newCustomer(manager.unitId());
        for (int days : new int[]{250, 230, 210, 190}) {
            testCustomers.newOrder(leaving, LocalDate.now().minusDays(days), "100");
        }
        testCustomers.newOrder(steady, LocalDate.now().minusDays(3), "100");
        awaitAndRecompute();
        BrowserlessUIContext window = open(manager);
        window.navigate("customers", CustomersView.class);
        @SuppressWarnings("unchecked")
        Grid<CustomerSummary> grid = window.find(Grid.class).withId("customers-grid").single();
        assertThat(window.test(grid).size()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        Select<CustomerSegments.CustomerSegment> segment =
                window.find(Select.class).withId("customers-segment").single();
        assertThat(segment.getListDataView().getItems().map(s -> segment.getItemLabelGenerator().apply(s)))
                .contains("Value tier A (top 20 %)", "Silent decliners", "Champions");
        segment.setValue(segment.getListDataView().getItems().filter(s -> s.key().equals("silent")).findFirst().orElseThrow());
        assertThat(window.test(grid).size()).isEqualTo(1);
        assertThat(window.test(grid).getRow(0).id()).isEqualTo(leaving.id());
    }

    @Test
    void staffSaveMarketValueOnThe360AndOutOfRangeInputIsKept() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        BrowserlessUIContext window = open(staff);
        window.navigate("customers/" + customer.id(), CustomerView.class);
        IntegerField pressure = window.find(IntegerField.class).withId("market-pressure").single();
        IntegerField share = window.find(IntegerField.class).withId("market-share").single();
        share.setValue(35);
        pressure.setValue(7);
        window.test(window.find(Button.class).withId("market-save").single()).click();
        assertThat(pressure.isInvalid()).isTrue();
        assertThat(share.getValue()).isEqualTo(35);
        testUsers.signIn(staff);
        assertThat(values.marketValue(customer.id())).isEmpty();
        pressure.setValue(3);
        window.test(window.find(Button.class).withId("market-save").single()).click();
        assertThat(values.marketValue(customer.id())).hasValueSatisfying(m -> {
            assertThat(m.shareOfWallet()).isEqualTo(35);
            assertThat(m.competitivePressure()).isEqualTo(3);
        });
    }

    @Test
    void aManagerReadsTheCompanyWideRulesWithSavingOffAndALineSayingWhy() {
        BrowserlessUIContext window = open(testUsers.newUser(Role.MANAGER));
        window.navigate("value/rules", ValueRulesView.class);
        assertThat(window.find(Button.class).withId("value-rules-save").single().isEnabled()).isFalse();
        assertThat(window.find(Paragraph.class).withId("rules-admin-only").single().getText())
                .isEqualTo("Only an administrator can change these company-wide rules.");
    }

    @Test
    void rulesOutOfRangeAreMarkedAndNothingIsSaved() {
        BrowserlessUIContext window = open(testUsers.newUser(Role.ADMIN));
        window.navigate("value/rules", ValueRulesView.class);
        BigDecimalField margin = window.find(BigDecimalField.class).withId("marginRate").single();
        IntegerField weight = window.find(IntegerField.class).withId("spendWeight").single();
        margin.setValue(new BigDecimal("1.5"));
        weight.setValue(-3);
        window.test(window.find(Button.class).withId("value-rules-save").single()).click();
        assertThat(margin.isInvalid()).isTrue();
        assertThat(margin.getErrorMessage()).isEqualTo("A rate between 0 and 1");
        assertThat(window.find(IntegerField.class).withId("overdueWeight").single().isInvalid()).isTrue();
        assertThat(margin.getValue()).isEqualByComparingTo("1.5");
        assertThat(SystemUser.call(values::rules)).isEqualTo(ValueRules.defaults());
    }

    @Test
    void theLtvCalculatorShowsTheArticlesExampleAndThenWhatIsTyped() {
        BrowserlessUIContext window = open(testUsers.newUser(Role.STAFF));
        window.navigate("value/ltv", LtvCalculatorView.class);
        Span result = window.find(Span.class).withId("ltv-result").single();
        assertThat(result.getText()).startsWith("Example: ").contains("26,000.00");
        window.find(BigDecimalField.class).withId("ltv-spend").single().setValue(new BigDecimal("12.50"));
        assertThat(result.getText()).startsWith("Fill in all three");
        window.find(IntegerField.class).withId("ltv-visits").single().setValue(40);
        window.find(IntegerField.class).withId("ltv-years").single().setValue(3);
        // 12.50 × 40 × 3 = 1,500
        assertThat(result.getText()).doesNotStartWith("Example").contains("1,500.00");
    }

    @Test
    void theKpiBoardFilteredByValueTierCountsThatTiersCustomersOnly() throws Exception {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        CustomerDetails big = testCustomers.newCustomer(manager.unitId());
        LocalDate today = LocalDate.now();
        testCustomers.newOrder(big, today, "50000", "0", "20000", "0");
        awaitAndRecompute();
        SystemUser.call(rebuilds::rebuildTiered);
        SystemUser.call(() -> rebuilds.rebuild(today, today));

        BrowserlessUIContext window = open(manager);
        window.navigate("kpi", KpiBoardsView.class);
        window.find(Tabs.class).single()
                .setSelectedTab(window.find(Tab.class).withId("board-commerce").single());
        @SuppressWarnings("unchecked")
        Select<String> tier = window.find(Select.class).withId("kpi-tier").single();
        assertThat(ordersShown(window)).isEqualTo("1");
        tier.setValue("C");
        assertThat(ordersShown(window)).as("the big buyer is not in tier C").isIn("0", "—");
        tier.setValue("A");
        assertThat(ordersShown(window)).isEqualTo("1");
        window.test(window.find(Button.class).withId("records-ORDERS").single()).click();
        Grid<?> records = window.find(Grid.class).withId("kpi-records").single();
        assertThat(window.test(records).size()).isEqualTo(1);
    }

    private static String ordersShown(BrowserlessUIContext window) {
        Div tile = window.find(Div.class).withId("tile-ORDERS").single();
        return tile.getChildren().filter(c -> c instanceof Span s && s.hasClassName("kpi-value")).map(c -> ((Span) c).getText())
                .findFirst().orElseThrow();
    }
}
