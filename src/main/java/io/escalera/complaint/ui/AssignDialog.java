package io.escalera.complaint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import io.escalera.security.Colleagues.Colleague;

import java.util.List;
import java.util.function.Consumer;

/** A manager picks who works the case: front-line colleagues of their units who can see it. */
class AssignDialog extends Dialog {

    AssignDialog(List<Colleague> assignable, Consumer<String> assignTo) {
        setHeaderTitle(getTranslation("complaint.action.assign"));
        ComboBox<Colleague> who = new ComboBox<>(getTranslation("complaint.assignee"));
        who.setId("assign-to");
        who.setItems(assignable);
        who.setItemLabelGenerator(c -> c.displayName() + " (" + c.username() + ")");
        who.setWidthFull();
        Button ok = new Button(getTranslation("complaint.action.assign"), e -> {
            if (who.getValue() == null) {
                who.setInvalid(true);
                who.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            close();
            assignTo.accept(who.getValue().username());
        });
        ok.setId("assign-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(who);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), ok);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                who.focus();
            }
        });
    }
}
