package io.escalera.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Route;
import io.escalera.security.OwnPassword;
import io.escalera.security.PasswordPolicy;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.MainLayout;
import io.escalera.shared.ui.Notifications;
import jakarta.annotation.security.PermitAll;

import java.util.Map;

/**
 * Every signed-in user changes their own password here (from the header); a user who must choose a new one is sent
 * here from every other route until done.
 */
@Route(ChangePasswordView.ROUTE)
@PermitAll
public class ChangePasswordView extends VerticalLayout implements LocalizedTitle {

    public static final String ROUTE = MainLayout.CHANGE_PASSWORD_ROUTE;

    final PasswordField current = new PasswordField(getTranslation("password.current"));
    final PasswordField newPassword = new PasswordField(getTranslation("password.new"));
    final PasswordField repeated = new PasswordField(getTranslation("password.repeat"));
    final Button save = new Button(getTranslation("password.change"));

    public ChangePasswordView(OwnPassword ownPassword) {
        addClassName("change-password-view");
        setMaxWidth("28rem");
        add(new H2(getTranslation("password.change.title")));
        if (ownPassword.mustChange()) {
            Paragraph notice = new Paragraph(getTranslation("password.must-change"));
            notice.setId("must-change-password");
            add(notice);
        }
        current.setId("current-password");
        newPassword.setId("new-password");
        newPassword.setHelperText(getTranslation("password.help", PasswordPolicy.MIN_LENGTH));
        repeated.setId("repeat-password");
        for (PasswordField field : new PasswordField[] {current, newPassword, repeated}) {
            field.setWidthFull();
            field.addValueChangeListener(e -> field.setInvalid(false));
        }
        save.setId("change-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> change(ownPassword));
        add(current, newPassword, repeated, save);
        current.focus();
    }

    private void change(OwnPassword ownPassword) {
        try {
            ownPassword.change(current.getValue(), newPassword.getValue(), repeated.getValue());
        } catch (FieldErrorsException refused) {
            Map<String, PasswordField> fields = Map.of("current", current, "newPassword", newPassword, "repeated", repeated);
            for (FieldErrorsException.FieldError error : refused.errors()) {
                PasswordField field = fields.getOrDefault(error.field(), newPassword);
                field.setErrorMessage(getTranslation(error.messageKey()));
                field.setInvalid(true);
            }
            return;
        }
        Notifications.success(getTranslation("password.changed"));
        getUI().ifPresent(ui -> ui.navigate(""));
    }

    @Override
    public String titleKey() {
        return "password.change.title";
    }
}
