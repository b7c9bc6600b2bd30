package io.escalera.admin.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import io.escalera.admin.Unit;
import io.escalera.admin.UnitService;
import io.escalera.security.PasswordPolicy;
import io.escalera.security.Role;
import io.escalera.security.UserAccount;
import io.escalera.security.UserAdministration;
import io.escalera.security.UserForm;
import io.escalera.shared.SupportedLanguages;
import io.escalera.shared.ui.FormSave;
import io.escalera.shared.ui.Notifications;

import java.util.List;
import java.util.Locale;

/** Create or edit a user. A refused save keeps every typed value and shows the reason at the field. */
class UserDialog extends Dialog {

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final EmailField email = new EmailField();
    final Select<Role> role = new Select<>();
    final ComboBox<Unit> unit = new ComboBox<>();
    final Checkbox enabled = new Checkbox();
    final Checkbox allUnitsAllowed = new Checkbox();
    final Select<Locale> language = new Select<>();
    final PasswordField password = new PasswordField();
    final Button save = new Button();

    private final UserAdministration users;
    private final BeanValidationBinder<UserForm> binder = new BeanValidationBinder<>(UserForm.class);
    private final Runnable onSaved;
    private UserAccount account;

    UserDialog(UserAdministration users, UnitService units, UserAccount account, Runnable onSaved) {
        this.users = users;
        this.account = account;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(account == null ? "users.new" : "users.edit"));
        setWidth("min(40rem, 95vw)");

        username.setLabel(getTranslation("user.username"));
        username.setId("user-username");
        displayName.setLabel(getTranslation("user.displayName"));
        displayName.setId("user-display-name");
        email.setLabel(getTranslation("user.email"));
        role.setLabel(getTranslation("user.role"));
        role.setId("user-role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation(r.labelKey()));
        List<Unit> allUnits = units.all();
        unit.setLabel(getTranslation("user.unit"));
        unit.setId("user-unit");
        unit.setItems(allUnits);
        unit.setItemLabelGenerator(u -> u.code() + " · " + u.name());
        enabled.setLabel(getTranslation("user.enabled"));
        allUnitsAllowed.setLabel(getTranslation("user.all-units-allowed"));
        allUnitsAllowed.setTooltipText(getTranslation("user.all-units-allowed.help"));
        language.setLabel(getTranslation("user.language"));
        language.setItems(SupportedLanguages.ALL);
        language.setItemLabelGenerator(l -> l == null ? getTranslation("user.language.browser") : l.getDisplayLanguage(getLocale()));
        language.setEmptySelectionAllowed(true);
        language.setEmptySelectionCaption(getTranslation("user.language.browser"));
        password.setLabel(getTranslation("user.password"));
        password.setId("user-password");
        password.setHelperText(getTranslation("password.help", PasswordPolicy.MIN_LENGTH));

        binder.forField(username).bind("username");
        binder.forField(displayName).bind("displayName");
        binder.forField(email).bind("email");
        binder.forField(role).bind("role");
        binder.forField(unit).asRequired(getTranslation("user.unit.required"))
                .withConverter(u -> u == null ? null : u.id(),
                        id -> id == null ? null : allUnits.stream().filter(u -> u.id() == id).findFirst().orElse(null))
                .bind("unitId");
        binder.forField(enabled).bind("enabled");
        binder.forField(allUnitsAllowed).bind("allUnitsAllowed");
        binder.forField(language).bind("language");

        FormLayout form = new FormLayout(username, displayName, email, role, unit, language, enabled, allUnitsAllowed);
        if (account == null) {
            binder.forField(password)
                    .withValidator(p -> PasswordPolicy.violation(p, username.getValue()).isEmpty(),
                            getTranslation("password.too-short"))
                    .bind("password");
            form.add(password);
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        add(form);

        binder.readBean(account == null ? new UserForm() : UserForm.of(account));

        save.setText(getTranslation("action.save"));
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.addClickShortcut(Key.ENTER);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        if (account != null) {
            Button reset = new Button(getTranslation("users.reset-password"), e -> new ResetPasswordDialog(users, this.account).open());
            reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            getFooter().add(reset);
        }
        getFooter().add(cancel, save);
    }

    void save() {
        UserForm form = account == null ? new UserForm() : UserForm.of(account);
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return; // the binder marks the fields; nothing typed is lost
        }
        store(form);
    }

    private void store(UserForm form) {
        boolean creating = account == null;
        boolean saved = FormSave.attempt(binder, this,
                () -> {
                    if (creating) {
                        users.create(form);
                    } else {
                        users.update(account.id(), form);
                    }
                },
                () -> users.find(account.id()).ifPresent(fresh -> {
                    account = fresh;
                    binder.readBean(UserForm.of(fresh));
                }),
                () -> users.find(account.id()).ifPresent(fresh -> {
                    account = fresh;
                    form.setVersion(fresh.version());
                    store(form);
                }));
        if (saved) {
            Notifications.success(getTranslation(creating ? "users.created" : "users.updated", form.getUsername()));
            onSaved.run();
            close();
        }
    }
}
