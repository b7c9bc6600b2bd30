package io.escalera.exchange.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import io.escalera.exchange.WebhookEndpoint;
import io.escalera.exchange.WebhookEvent;
import io.escalera.exchange.Webhooks;
import io.escalera.security.Role;
import io.escalera.security.SystemUser;
import io.escalera.support.EscaleraTest;
import io.escalera.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An ADMIN adds a webhook: a bad URL is explained at its field; a generated secret and chosen events save it. */
@EscaleraTest
class WebhooksViewTest {

    @Autowired TestUsers testUsers;
    @Autowired Webhooks webhooks;

    @org.junit.jupiter.api.extension.RegisterExtension
    final io.escalera.support.BrowserlessWindows windows = new io.escalera.support.BrowserlessWindows();
    private BrowserlessUIContext window;

    @BeforeEach
    void openAsAdmin() {
        window = windows.signedIn(testUsers.newUser(Role.ADMIN));
        window.navigate(WebhooksView.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWebhookIsAddedWithAGeneratedSecretAfterABadUrlIsExplained() {
        String url = "https://shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com/hook";
        window.test(window.find(Button.class).withId("webhook-new").single()).click();
        window.test(window.find(TextField.class).withId("webhook-url").single()).setValue("shop.example.com/hook");
        window.test(window.find(Button.class).withText("Generate a secret").single()).click();
        CheckboxGroup<WebhookEvent> events = window.find(CheckboxGroup.class).withId("webhook-events").single();
        events.setValue(Set.of(WebhookEvent.COMPLAINT_OPENED));
        window.test(window.find(Button.class).withId("webhook-save").single()).click();

        TextField urlField = window.find(TextField.class).withId("webhook-url").single();
        assertThat(urlField.isInvalid()).isTrue();
        assertThat(urlField.getErrorMessage()).isEqualTo("Enter a full http:// or https:// address.");
        assertThat(window.find(TextField.class).withId("webhook-secret").single().getValue()).startsWith("whsec_");

        window.test(urlField).setValue(url);
        window.test(window.find(Button.class).withId("webhook-save").single()).click();

        List<WebhookEndpoint> saved = SystemUser.call(() -> webhooks.endpoints()).stream().filter(e -> e.url().equals(url)).toList();
        assertThat(saved).singleElement().satisfies(e -> assertThat(e.events()).containsExactly(WebhookEvent.COMPLAINT_OPENED));
        Grid<WebhookEndpoint> grid = window.find(Grid.class).all().getFirst();
        assertThat(grid.getListDataView().getItems().map(WebhookEndpoint::url)).contains(url);
        SystemUser.run(() -> webhooks.delete(saved.getFirst().id()));
    }
}
