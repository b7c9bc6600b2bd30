package io.escalera.customer.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.escalera.customer.CustomerDetails;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.shared.ui.PageNotAvailableView;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestCustomers;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer screens as staff use them (browserless). */
@EscaleraTest
class CustomerScreensTest {

    @Autowired TestUsers testUsers;
    @Autowired TestCustomers testCustomers;

    @org.junit.jupiter.api.extension.RegisterExtension
    final io.escalera.support.BrowserlessWindows windows = new io.escalera.support.BrowserlessWindows();


    @Test
    void typingTheEmailOfAnExistingCustomerShowsThemAsAPossibleDuplicate() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        String mail = "known-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        CustomerDetails known = testCustomers.newCustomer(staff.unitId(), "Known Person", mail, null);
        BrowserlessUIContext window = open(staff);
        window.navigate(CustomersView.class);
        window.test(window.find(Button.class).withId("new-customer").single()).click();

        window.test(window.find(TextField.class).withId("customer-name").single()).setValue("Someone New");
        window.test(window.find(EmailField.class).withId("customer-email").single()).setValue(mail.toUpperCase());

        Div duplicates = window.find(Div.class).withId("possible-duplicates").single();
        assertThat(duplicates.getElement().getTextRecursively()).contains(known.externalCode()).contains("same e-mail");
    }

    @Test
    void aCustomerOfAnotherUnitOpenedByAddressIsNotAvailable() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        UserAccount other = testUsers.newUser(Role.STAFF);
        CustomerDetails mine = testCustomers.newCustomer(staff.unitId());
        CustomerDetails theirs = testCustomers.newCustomer(other.unitId());
        BrowserlessUIContext window = open(staff);

        window.navigate("customers/" + mine.id(), CustomerView.class);
        assertThat(window.find(H2.class).withId("customer-title").single().getText()).isEqualTo(mine.name());

        try {
            window.navigate("customers/" + theirs.id(), CustomerView.class);
        } catch (RuntimeException expected) {
            // the navigation ends on the error view, not on a customer page
        }
        assertThat(window.getCurrentView()).isInstanceOf(PageNotAvailableView.class);
        assertThat(window.find(H2.class).withId("customer-title").all()).isEmpty();
    }

    private BrowserlessUIContext open(UserAccount user) {
        BrowserlessUIContext window = windows.signedIn(user);
        return window;
    }

    @Test
    void theCustomerListExportsEveryCustomerOfItsFiltersAsCsv() throws Exception {
        long unit = testUsers.newUnit(io.escalera.admin.UnitKind.STORE);
        UserAccount manager = testUsers.newUserIn(Role.MANAGER, unit);
        List<String> codes = java.util.stream.IntStream.range(0, 3).mapToObj(i -> testCustomers.newCustomer(unit).externalCode()).toList();
        testCustomers.newCustomer(testUsers.newUnit(io.escalera.admin.UnitKind.STORE));
        BrowserlessUIContext window = open(manager);
        window.navigate(CustomersView.class);

        byte[] csv = io.escalera.support.Downloads.fetch(window.find(com.vaadin.flow.component.html.Anchor.class)
                .withId("customers-export-csv").single());

        List<String> lines = new String(csv, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("\uFEFFCode,Name,E-mail,Phone,Home unit,Acquisition channel,Customer since");
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.split(",")[0]).containsExactlyInAnyOrderElementsOf(codes);
    }
}
