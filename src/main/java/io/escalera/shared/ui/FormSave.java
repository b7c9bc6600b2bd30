package io.escalera.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.data.binder.Binder;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;

/**
 * Saves a form through its service the same way everywhere: the service's field errors appear next to their
 * fields (what was typed stays), and a concurrent edit asks "reload or overwrite?".
 */
public final class FormSave {

    private FormSave() {
    }

    /**
     * @param reload    on a conflict: show the other person's version (the user's changes are dropped)
     * @param overwrite on a conflict: save the user's version over the other one
     * @return whether the save went through
     */
    public static boolean attempt(Binder<?> binder, Component form, Runnable save, Runnable reload, Runnable overwrite) {
        try {
            save.run();
            return true;
        } catch (FieldErrorsException e) {
            FieldErrors.show(binder, e, form);
        } catch (ConcurrentEditException e) {
            ConflictDialog.open(e.changedBy(), reload, overwrite);
        }
        return false;
    }
}
