package io.escalera.interaction.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.interaction.Reason;
import io.escalera.interaction.ReasonService;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;

/** MANAGER and ADMIN: the reasons staff choose from. Retiring keeps old interactions as they were. */
@Route("interactions/reasons")
@Menu(title = "nav.reasons", order = 14, icon = "vaadin:list")
@RolesAllowed({"MANAGER", "ADMIN"})
public class ReasonsView extends VerticalLayout implements LocalizedTitle {

    private final ReasonService reasons;
    private final Grid<Reason> grid = new Grid<>();

    public ReasonsView(ReasonService reasons) {
        this.reasons = reasons;
        TextField name = new TextField();
        name.setPlaceholder(getTranslation("reasons.new"));
        name.setId("reason-name");
        Button add = new Button(getTranslation("reasons.add"), e -> act(() -> reasons.add(name.getValue()), name));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout adder = new HorizontalLayout(name, add);
        adder.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addComponentColumn(r -> {
            TextField field = new TextField();
            field.setValue(r.name());
            field.setWidthFull();
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    act(() -> reasons.rename(r.id(), r.version(), e.getValue()), field);
                }
            });
            return field;
        }).setHeader(getTranslation("reasons.name")).setFlexGrow(3);
        grid.addColumn(r -> getTranslation(r.retired() ? "reasons.retired" : "reasons.active")).setHeader(getTranslation("reasons.status"));
        grid.addComponentColumn(r -> new Button(getTranslation(r.retired() ? "reasons.restore" : "reasons.retire"),
                e -> act(() -> reasons.setRetired(r.id(), r.version(), !r.retired()), null)));
        refresh();
        add(adder, grid);
        setSizeFull();
    }

    private void act(Runnable action, TextField field) {
        try {
            action.run();
            if (field != null && field.getParent().map(p -> p instanceof HorizontalLayout).orElse(false)) {
                field.clear();
            }
            Notifications.success(getTranslation("reasons.saved"));
        } catch (FieldErrorsException e) {
            if (field != null) {
                field.setErrorMessage(getTranslation(e.errors().getFirst().messageKey()));
                field.setInvalid(true);
            }
            return;
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("conflict.title"));
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(reasons.all());
    }

    @Override
    public String titleKey() {
        return "nav.reasons";
    }
}
