package io.escalera.admin.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.PasswordField;
import io.escalera.security.PasswordPolicy;
import io.escalera.security.UserAccount;
import io.escalera.security.UserAdministration;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.Notifications;

/** Sets a new password for a user; the policy is checked before anything changes. */
class ResetPasswordDialog extends Dialog {

    ResetPasswordDialog(UserAdministration users, UserAccount account) {
        setHeaderTitle(getTranslation("users.reset-password.title", account.username()));
        PasswordField password = new PasswordField(getTranslation("user.password"));
        password.setHelperText(getTranslation("password.help", PasswordPolicy.MIN_LENGTH));
        password.setWidthFull();
        add(password);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                users.resetPassword(account.id(), password.getValue());
                Notifications.success(getTranslation("users.password-reset", account.username()));
                close();
            } catch (FieldErrorsException ex) {
                password.setErrorMessage(getTranslation(ex.errors().getFirst().messageKey()));
                password.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        password.focus();
    }
}
