package io.escalera.exchange.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import io.escalera.shared.imports.ImportReject;
import io.escalera.shared.imports.ImportSummary;
import io.escalera.admin.UnitKind;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.OrderImport;
import io.escalera.exchange.ImportJob;
import io.escalera.exchange.ImportKind;
import io.escalera.exchange.Imports;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.AfterCommitListeners;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A manager works an import on the page: the guessed columns, the dry run's counts and rejects, the import itself. */
@EscaleraTest
class ImportViewTest {

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired Imports imports;
    @Autowired JdbcClient jdbc;

    @org.junit.jupiter.api.extension.RegisterExtension
    final io.escalera.support.BrowserlessWindows windows = new io.escalera.support.BrowserlessWindows();

    @AfterEach
    void close() throws InterruptedException {
        for (String module : List.of("io.escalera.loyalty", "io.escalera.value", "io.escalera.kpi")) {
            AfterCommitListeners.await(jdbc, module);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagerChecksAFileReadsItsRejectsAndImportsTheGoodRows() throws Exception {
        long unit = testUsers.newUnit(UnitKind.STORE);
        UserAccount manager = testUsers.newUserIn(Role.MANAGER, unit);
        CustomerDetails customer = testCustomers.newCustomer(unit);
        String good = "UI-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "order id,customer code,date,store,amount\n"
                + good + "," + customer.externalCode() + ",2026-02-01," + testUsers.unitCode(unit) + ",42.00\n"
                + "UI-X," + customer.externalCode() + ",not a date," + testUsers.unitCode(unit) + ",1\n";
        testUsers.signIn(manager);
        ImportJob uploaded = imports.upload(ImportKind.ORDERS, "shop.csv", new ByteArrayInputStream(csv.getBytes()));

        BrowserlessUIContext window = windows.signedIn(manager);
        window.navigate(ImportView.class);
        Grid<ImportJob> recent = window.find(Grid.class).all().stream().filter(g -> g.getId().isEmpty()).findFirst().orElseThrow();
        assertThat(recent.getListDataView().getItems().map(ImportJob::id)).contains(uploaded.id());
        window.test(recent).clickRow(recent.getListDataView().getItems().toList().indexOf(
                recent.getListDataView().getItems().filter(j -> j.id() == uploaded.id()).findFirst().orElseThrow()));

        assertThat(window.find(ComboBox.class).withId("import-field-grossAmount").single().getValue()).isEqualTo("amount");
        assertThat(window.find(ComboBox.class).withId("import-field-unitCode").single().getValue()).isEqualTo("store");
        window.test(window.find(Button.class).withId("import-check").single()).click();
        pollUntil(window, uploaded.id(), ImportJob.Status.CHECKED);

        assertThat(window.find(Span.class).withId("import-counts").single().getText())
                .isEqualTo("1 to create, 0 to change, 0 already as in the file, 1 lines rejected.");
        Grid<ImportReject> rejects = window.find(Grid.class).withId("import-rejects").single();
        assertThat(rejects.getGenericDataView().getItems().map(r -> r.line() + " " + r.reasonKey()).toList())
                .containsExactly("3 import.format.bad-date");

        window.test(window.find(Button.class).withId("import-commit").single()).click();
        window.test(window.find(ConfirmDialog.class).single()).confirm();
        pollUntil(window, uploaded.id(), ImportJob.Status.DONE);
        assertThat(jdbc.sql("SELECT gross_amount FROM customer_order WHERE external_id = ?").param(good)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("42.00");
    }

    /** The page polls while the import runs; here the test polls for it. */
    private void pollUntil(BrowserlessUIContext window, long jobId, ImportJob.Status status) throws InterruptedException {
        for (int i = 0; i < 400 && imports.job(jobId).status() != status; i++) {
            assertThat(imports.job(jobId).status()).isNotEqualTo(ImportJob.Status.FAILED);
            Thread.sleep(50);
        }
        ComponentUtil.fireEvent(window.getUI(), new PollEvent(window.getUI(), true));
    }
}
