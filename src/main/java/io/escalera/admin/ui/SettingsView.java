package io.escalera.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.GeneralSettings;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.SupportedLanguages;
import io.escalera.shared.ui.FieldErrors;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;

import java.util.Currency;
import java.util.Locale;

/** ADMIN: currency, default language, idle session timeout. */
@Route("admin/settings")
@Menu(title = "nav.admin.settings", order = 92, icon = "vaadin:cog")
@RolesAllowed("ADMIN")
public class SettingsView extends VerticalLayout implements LocalizedTitle {

    public SettingsView(GeneralSettingsService settings) {
        setMaxWidth("48rem");
        add(new H2(getTranslation("nav.admin.settings")));
        BeanValidationBinder<GeneralSettings> binder = new BeanValidationBinder<>(GeneralSettings.class);

        TextField currency = new TextField(getTranslation("settings.currency"));
        currency.setId("settings-currency");
        currency.setHelperText(getTranslation("settings.currency.help"));
        currency.setMaxLength(3);
        Select<Locale> language = new Select<>();
        language.setLabel(getTranslation("settings.default-language"));
        language.setItems(SupportedLanguages.ALL);
        language.setItemLabelGenerator(l -> l.getDisplayLanguage(getLocale()));
        IntegerField timeout = new IntegerField(getTranslation("settings.session-timeout"));
        timeout.setId("settings-timeout");
        timeout.setSuffixComponent(new Span(getTranslation("unit.minutes")));
        timeout.setStepButtonsVisible(true);

        binder.forField(currency)
                .withValidator(code -> code != null && Currency.getAvailableCurrencies().stream()
                        .anyMatch(c -> c.getCurrencyCode().equalsIgnoreCase(code.trim())), getTranslation("settings.currency.invalid"))
                .bind("currency");
        binder.forField(language).bind("defaultLanguage");
        binder.forField(timeout).asRequired(getTranslation("validation.required")).bind("sessionTimeoutMinutes");
        binder.readBean(settings.current());

        Button save = new Button(getTranslation("action.save"), e -> {
            GeneralSettings edited = settings.current();
            try {
                binder.writeBean(edited);
                settings.save(edited);
                Notifications.success(getTranslation("settings.saved"));
            } catch (ValidationException ex) {
                // fields show what is wrong; values stay as typed
            } catch (FieldErrorsException ex) {
                FieldErrors.show(binder, ex, this);
            }
        });
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new FormLayout(currency, language, timeout), save);
    }

    @Override
    public String titleKey() {
        return "nav.admin.settings";
    }
}
