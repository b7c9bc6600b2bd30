package io.escalera.admin.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import io.escalera.security.Role;
import io.escalera.shared.GeneralSettings;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.security.SystemUser;
import io.escalera.support.BrowserlessApp;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@EscaleraTest
class SettingsViewTest {

    @Autowired ApplicationContext spring;
    @Autowired TestUsers testUsers;
    @Autowired GeneralSettingsService settings;

    @Test
    void anUnknownCurrencyIsRefusedAtTheFieldAndAnIsoCodeIsSaved() {
        GeneralSettings before = settings.current();
        try (BrowserlessApp app = new BrowserlessApp(spring)) {
            BrowserlessUIContext window = app.windowOf(testUsers.authenticationOf(testUsers.newUser(Role.ADMIN)));
            window.getUI().setLocale(Locale.ENGLISH);
            window.navigate(SettingsView.class);
            TextField currency = window.find(TextField.class).withId("settings-currency").single();
            Button save = window.find(Button.class).withId("settings-save").single();

            window.test(currency).setValue("XYZ");
            window.test(save).click();
            assertThat(currency.isInvalid()).isTrue();
            assertThat(currency.getErrorMessage()).isEqualTo("Not an ISO 4217 currency code.");
            assertThat(settings.current().getCurrency()).isEqualTo(before.getCurrency());

            window.test(currency).setValue("USD");
            window.test(save).click();
            assertThat(settings.current().getCurrency()).isEqualTo("USD");
        } finally {
            SystemUser.run(() -> settings.save(before));
        }
    }
}
