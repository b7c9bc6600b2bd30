package io.escalera.interaction.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.html.Anchor;
import io.escalera.customer.CustomerDetails;
import io.escalera.interaction.Direction;
import io.escalera.interaction.InteractionChannel;
import io.escalera.interaction.InteractionForm;
import io.escalera.interaction.InteractionService;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.support.Downloads;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The follow-ups worklist exported as it is on screen (browserless). */
@EscaleraTest
class FollowUpsViewTest {

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;
    @Autowired InteractionService interactions;

    @org.junit.jupiter.api.extension.RegisterExtension
    final io.escalera.support.BrowserlessWindows windows = new io.escalera.support.BrowserlessWindows();


    @Test
    void myFollowUpsDueExportWithTheirCustomerAndSummary() throws Exception {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        CustomerDetails customer = testCustomers.newCustomer(staff.unitId());
        testUsers.signIn(staff);
        InteractionForm due = interactions.newForm(customer.id());
        due.setChannel(InteractionChannel.PHONE);
        due.setDirection(Direction.IN);
        due.setReasonId(1L);
        due.setSummary("Call back about the refund");
        due.setMinutes(3);
        due.setFollowUpOn(LocalDate.now());
        interactions.log(due);
        InteractionForm later = interactions.newForm(customer.id());
        later.setChannel(InteractionChannel.PHONE);
        later.setDirection(Direction.IN);
        later.setReasonId(1L);
        later.setSummary("Not due yet");
        later.setMinutes(3);
        later.setFollowUpOn(LocalDate.now().plusDays(5));
        interactions.log(later);
        SecurityContextHolder.clearContext();

        BrowserlessUIContext window = windows.signedIn(staff);
        window.navigate(FollowUpsView.class);
        byte[] csv = Downloads.fetch(window.find(Anchor.class).withId("follow-ups-due-export-csv").single());

        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(customer.name()).contains("Call back about the refund").doesNotContain("Not due yet");
    }
}
