package io.escalera.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.binder.Binder;
import io.escalera.shared.FieldErrorsException;

/**
 * Shows a service's field errors next to the fields of a form, translated, leaving what the user typed in place.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** @return true if every error found its field; the others are shown in a notification. */
    public static boolean show(Binder<?> binder, FieldErrorsException errors, Component translator) {
        boolean allShown = true;
        for (FieldErrorsException.FieldError error : errors.errors()) {
            String message = translator.getTranslation(error.messageKey());
            var binding = binder.getBinding(error.field());
            if (binding.isPresent() && binding.get().getField() instanceof HasValidation field) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                allShown = false;
                Notifications.error(message);
            }
        }
        return allShown;
    }
}
