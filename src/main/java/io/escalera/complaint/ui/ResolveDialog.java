package io.escalera.complaint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import io.escalera.complaint.ComplaintDetails;
import io.escalera.complaint.RootCause;
import io.escalera.complaint.RootCauseService;
import io.escalera.shared.ActionRefusedException;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.FieldErrors;

import java.util.function.Consumer;

/** Resolves a case with its resolution text and root cause; on a conflict what was typed stays in the dialog. */
class ResolveDialog extends Dialog {

    /** What the dialog edits, named as the service names its fields' errors. */
    public static final class Draft {
        private String resolution = "";
        private Long rootCauseId;

        public String getResolution() { return resolution; }
        public void setResolution(String resolution) { this.resolution = resolution; }
        public Long getRootCauseId() { return rootCauseId; }
        public void setRootCauseId(Long rootCauseId) { this.rootCauseId = rootCauseId; }
    }

    /** Resolves the case from a draft and returns it as saved. */
    interface Resolution {
        ComplaintDetails resolve(String resolution, Long rootCauseId);
    }

    private final Binder<Draft> binder = new Binder<>(Draft.class);

    ResolveDialog(RootCauseService rootCauses, Resolution resolution, Consumer<ComplaintDetails> onResolved,
                  Consumer<ActionRefusedException> onRefused, Consumer<String> onConflict) {
        setHeaderTitle(getTranslation("complaint.action.resolve"));
        setWidth("min(40rem, 96vw)");
        TextArea text = new TextArea(getTranslation("complaint.resolution"));
        text.setId("resolve-resolution");
        text.setMaxLength(4000);
        text.setWidthFull();
        ComboBox<RootCause> rootCause = new ComboBox<>(getTranslation("complaint.root-cause"));
        rootCause.setId("resolve-root-cause");
        rootCause.setItems(rootCauses.choosable());
        rootCause.setItemLabelGenerator(rootCauses::label);
        rootCause.setWidthFull();
        binder.forField(text).bind("resolution");
        binder.forField(rootCause)
                .withConverter(r -> r == null ? null : r.id(), id -> rootCause.getValue())
                .bind("rootCauseId");
        Draft draft = new Draft();
        binder.setBean(draft);

        Button ok = new Button(getTranslation("complaint.action.resolve"), e -> {
            try {
                ComplaintDetails resolved = resolution.resolve(draft.getResolution(), draft.getRootCauseId());
                close();
                onResolved.accept(resolved);
            } catch (FieldErrorsException ex) {
                FieldErrors.show(binder, ex, this);
            } catch (ActionRefusedException ex) {
                close();
                onRefused.accept(ex);
            } catch (ConcurrentEditException ex) {
                onConflict.accept(ex.changedBy());
            }
        });
        ok.setId("resolve-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new FormLayout(text, rootCause));
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), ok);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                text.focus();
            }
        });
    }
}
