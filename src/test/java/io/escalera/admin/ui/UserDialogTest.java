package io.escalera.admin.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.escalera.admin.Unit;
import io.escalera.admin.UnitKind;
import io.escalera.admin.UnitService;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.security.UserAccount;
import io.escalera.security.UserAdministration;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The user form as an ADMIN uses it: refused input is explained at the field and nothing typed is lost. */
@EscaleraTest
class UserDialogTest {

    @Autowired TestUsers testUsers;
    @Autowired UserAdministration users;
    @Autowired UnitService units;

    @org.junit.jupiter.api.extension.RegisterExtension
    final io.escalera.support.BrowserlessWindows windows = new io.escalera.support.BrowserlessWindows();
    private BrowserlessUIContext window;
    private Unit store;

    @BeforeEach
    void openUsersScreenAsAdmin() {
        window = windows.signedIn(testUsers.newUser(Role.ADMIN));
        long unitId = testUsers.newUnit(UnitKind.STORE);
        store = SystemUser.call(() -> units.get(unitId).orElseThrow());
        window.navigate(UsersView.class);
        window.test(window.find(Button.class).withId("new-button").single()).click();
    }

    @Test
    void aShortPasswordIsRefusedAtItsFieldAndEverythingTypedStays() {
        String username = "new-" + UUID.randomUUID().toString().substring(0, 8);
        fill(username, "short");
        save();

        PasswordField password = window.find(PasswordField.class).withId("user-password").single();
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("12 characters");
        assertThat(window.find(TextField.class).withId("user-username").single().getValue()).isEqualTo(username);
        assertThat(password.getValue()).isEqualTo("short");
        assertThat(SystemUser.call(() -> users.exists(username))).isFalse();
    }

    @Test
    void aTakenUsernameIsShownAtTheUsernameField() {
        UserAccount existing = testUsers.newUser(Role.STAFF);
        fill(existing.username(), "a-perfectly-long-password");
        save();

        TextField username = window.find(TextField.class).withId("user-username").single();
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("This username is already taken.");
        assertThat(window.find(UserDialog.class).all()).hasSize(1);
    }

    @Test
    void aValidFormCreatesTheUserAndClosesTheDialog() {
        String username = "ok-" + UUID.randomUUID().toString().substring(0, 8);
        fill(username, "a-perfectly-long-password");
        save();

        assertThat(SystemUser.call(() -> users.exists(username))).isTrue();
        assertThat(window.find(UserDialog.class).all()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void fill(String username, String password) {
        window.test(window.find(TextField.class).withId("user-username").single()).setValue(username);
        window.test(window.find(TextField.class).withId("user-display-name").single()).setValue("Nuria Nueva");
        window.find(Select.class).withId("user-role").single().setValue(Role.STAFF);
        ComboBox<Unit> unit = window.find(ComboBox.class).withId("user-unit").single();
        unit.setValue(unit.getListDataView().getItems().filter(u -> u.id() == store.id()).findFirst().orElseThrow());
        window.test(window.find(PasswordField.class).withId("user-password").single()).setValue(password);
    }

    private void save() {
        window.test(window.find(Button.class).withId("user-save").single()).click();
    }
}
