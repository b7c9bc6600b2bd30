package io.escalera.security.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import io.escalera.admin.ui.UsersView;
import io.escalera.customer.ui.CustomersView;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.security.UserAdministration;
import io.escalera.shared.ui.HomeView;
import io.escalera.support.BrowserlessWindows;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user who must change their password (the first admin) is sent to the change-password view from every route until
 * they have chosen a new one; every user reaches the view from the header.
 */
@EscaleraTest
class ChangePasswordViewTest {

    private static final String NEW_PASSWORD = "my-very-own-password";

    @Autowired TestUsers testUsers;
    @Autowired UserAdministration users;

    @RegisterExtension
    final BrowserlessWindows windows = new BrowserlessWindows();

    @Test
    void aUserWhoMustChangeThePasswordIsSentToTheChangePasswordViewFromEveryRouteUntilDone() {
        UserAccount admin = testUsers.newUser(Role.ADMIN);
        SystemUser.run(() -> users.requirePasswordChange(admin.id()));
        BrowserlessUIContext window = windows.signedIn(admin);

        window.navigate("", Component.class);
        assertThat(window.getCurrentView()).isInstanceOf(ChangePasswordView.class);
        window.navigate("admin/users", Component.class);
        assertThat(window.getCurrentView()).isInstanceOf(ChangePasswordView.class);
        assertThat(window.find(Paragraph.class).withId("must-change-password").all()).hasSize(1);

        fill(window, TestUsers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(window.getCurrentView()).isInstanceOf(HomeView.class);
        window.navigate(UsersView.class);
        assertThat(window.getCurrentView()).isInstanceOf(UsersView.class);
    }

    @Test
    void anyUserOpensTheViewFromTheHeaderAndARefusalIsShownAtTheField() {
        UserAccount staff = testUsers.newUser(Role.STAFF);
        BrowserlessUIContext window = windows.signedIn(staff);
        window.navigate(CustomersView.class);
        assertThat(window.getCurrentView()).isInstanceOf(CustomersView.class);

        window.test(window.find(Button.class).withId("change-password").single()).click();
        assertThat(window.getCurrentView()).isInstanceOf(ChangePasswordView.class);
        assertThat(window.find(Paragraph.class).withId("must-change-password").all()).isEmpty();

        fill(window, TestUsers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "?");
        assertThat(window.getCurrentView()).isInstanceOf(ChangePasswordView.class);
        PasswordField repeated = window.find(PasswordField.class).withId("repeat-password").single();
        assertThat(repeated.isInvalid()).isTrue();
        assertThat(repeated.getErrorMessage()).isEqualTo("The two new passwords differ.");
    }

    private static void fill(BrowserlessUIContext window, String current, String newPassword, String repeated) {
        window.test(window.find(PasswordField.class).withId("current-password").single()).setValue(current);
        window.test(window.find(PasswordField.class).withId("new-password").single()).setValue(newPassword);
        window.test(window.find(PasswordField.class).withId("repeat-password").single()).setValue(repeated);
        window.test(window.find(Button.class).withId("change-password-save").single()).click();
    }
}
