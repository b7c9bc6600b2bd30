package io.escalera.complaint.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import io.escalera.complaint.ComplaintCategory;
import io.escalera.complaint.ComplaintDetails;
import io.escalera.complaint.ComplaintFilter;
import io.escalera.complaint.ComplaintQueue;
import io.escalera.complaint.ComplaintQueues;
import io.escalera.complaint.ComplaintRow;
import io.escalera.complaint.ComplaintService;
import io.escalera.complaint.Severity;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.ui.CustomerView;
import io.escalera.interaction.Reason;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.BrowserlessWindows;
import io.escalera.support.Downloads;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestComplaints;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The complaint screens as staff and managers use them (browserless). */
@EscaleraTest
class ComplaintScreensTest {

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired TestComplaints testComplaints;
    @Autowired ComplaintService complaints;
    @Autowired ComplaintQueues queues;

    @org.junit.jupiter.api.extension.RegisterExtension
    final BrowserlessWindows windows = new BrowserlessWindows();


    @Test
    void theCasePageOffersOnlyTheMovesTheUserMayMakeNow() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        UserAccount executive = testUsers.newUser(Role.EXECUTIVE);
        ComplaintDetails complaint = testComplaints.openFor(testCustomers.newCustomer(staff.unitId()));
        BrowserlessUIContext staffWindow = window(staff);
        staffWindow.navigate("complaints/case/" + complaint.id(), ComplaintView.class);
        assertThat(actionIds(staffWindow)).containsExactlyInAnyOrder("action-take");

        staffWindow.test(staffWindow.find(Button.class).withId("action-take").single()).click();
        assertThat(actionIds(staffWindow)).containsExactlyInAnyOrder("action-start", "action-compensate");
        staffWindow.test(staffWindow.find(Button.class).withId("action-start").single()).click();
        assertThat(actionIds(staffWindow)).containsExactlyInAnyOrder("action-wait", "action-resolve", "action-compensate");

        BrowserlessUIContext executiveWindow = window(executive);
        executiveWindow.navigate("complaints/case/" + complaint.id(), ComplaintView.class);
        assertThat(actionIds(executiveWindow)).isEmpty();
        assertThat(executiveWindow.find(Button.class).withId("complaint-comment-add").all()).noneMatch(b -> b.isVisible()
                && b.getParent().map(p -> p.isVisible()).orElse(false));
        assertThat(staffWindow.find(Button.class).withId("complaint-comment-add").all()).anyMatch(b -> b.getParent().map(p -> p.isVisible()).orElse(false));
    }

    @Test
    void aChangeMadeMeanwhileIsShownNotOverwritten() {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        UserAccount otherManager = testUsers.newUserIn(Role.MANAGER, manager.unitId());
        ComplaintDetails complaint = testComplaints.openFor(testCustomers.newCustomer(manager.unitId()));
        BrowserlessUIContext window = window(manager);
        window.navigate("complaints/case/" + complaint.id(), ComplaintView.class);

        testUsers.signIn(otherManager);
        ComplaintDetails taken = complaints.take(complaint.id(), complaint.version());
        complaints.changeSeverity(taken.id(), taken.version(), Severity.CRITICAL);
        SecurityContextHolder.clearContext();

        window.test(window.find(Button.class).withId("action-take").single()).click();

        Dialog conflict = window.find(Dialog.class).withId("complaint-conflict").single();
        String text = conflict.getElement().getTextRecursively();
        assertThat(text).contains(otherManager.displayName()).contains("Severity Medium → Critical");
        testUsers.signIn(manager);
        assertThat(complaints.get(complaint.id()).assigneeName()).isEqualTo(otherManager.displayName());
    }

    @Test
    void thisIsAComplaintLogsTheCallThenOpensACasePrefilledFromIt() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        BrowserlessUIContext window = window(staff);
        window.navigate("customers/" + customer.id(), CustomerView.class);
        window.test(window.find(Button.class).withId("log-interaction").single()).click();

        @SuppressWarnings("unchecked")
        Select<Reason> reason = window.find(Select.class).withId("quick-log-reason").single();
        window.test(reason).selectItem("Complaint");
        window.test(window.find(TextArea.class).withId("quick-log-summary").single()).setValue("Broken on arrival, wants a refund");
        window.test(window.find(Button.class).withId("quick-log-escalate-0").single()).click();

        TextArea description = window.find(TextArea.class).withId("complaint-description").single();
        assertThat(description.getValue()).isEqualTo("Broken on arrival, wants a refund");
        @SuppressWarnings("unchecked")
        Select<ComplaintCategory> category = window.find(Select.class).withId("complaint-category").single();
        window.test(category).selectItem("Defective product");
        window.test(window.find(Button.class).withId("complaint-open").single()).click();

        assertThat(window.getCurrentView()).isInstanceOf(ComplaintView.class);
        testUsers.signIn(staff);
        List<ComplaintRow> unassigned = queues.list(
                ComplaintFilter.queue(ComplaintQueue.UNASSIGNED), 0, 10);
        assertThat(unassigned).hasSize(1);
        ComplaintDetails opened = complaints.get(unassigned.getFirst().id());
        assertThat(opened.customerId()).isEqualTo(customer.id());
        assertThat(opened.category()).isEqualTo(ComplaintCategory.DEFECTIVE_PRODUCT);
        assertThat(opened.sourceInteractionId()).as("linked to the call just logged").isNotNull();
    }

    private BrowserlessUIContext window(UserAccount user) {
        return windows.signedIn(user);
    }

    private static Set<String> actionIds(BrowserlessUIContext window) {
        Set<String> ids = window.find(Button.class).all().stream().filter(b -> b.isVisible())
                .map(b -> b.getId().orElse("")).filter(id -> id.startsWith("action-")).collect(Collectors.toSet());
        return ids;
    }

    @Test
    void theQueueOnScreenExportsAsAnXlsxWorkbookWithEveryCaseInTheUsersWords() throws Exception {
        UserAccount manager = testUsers.newUser(Role.MANAGER);
        ComplaintDetails first = testComplaints.openFor(testCustomers.newCustomer(manager.unitId()));
        ComplaintDetails second = testComplaints.openFor(testCustomers.newCustomer(manager.unitId()));
        BrowserlessUIContext window = window(manager);
        window.navigate(ComplaintsView.class);
        // a manager starts on "mine" (none): the export follows the queue on screen, so the unit's queue is chosen
        window.find(Tabs.class).single().setSelectedIndex(1);

        byte[] xlsx = Downloads.fetch(window.find(Anchor.class)
                .withId("complaints-export-xlsx").single());

        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("#");
            assertThat(rows.subList(1, rows.size())).extracting(r -> r.getCellAsNumber(0).orElseThrow().longValue())
                    .containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(rows.get(1).getCellText(5)).isEqualTo("New");
        }
    }
}
