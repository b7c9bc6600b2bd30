package io.escalera.complaint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.complaint.RootCause;
import io.escalera.complaint.RootCauseService;
import io.escalera.shared.ConcurrentEditException;
import io.escalera.shared.FieldErrorsException;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/** MANAGER and ADMIN: the root-cause taxonomy (cause → sub-cause) required when resolving a case. */
@Route("complaints/root-causes")
@Menu(title = "nav.root-causes", order = 17, icon = "vaadin:sitemap")
@RolesAllowed({"MANAGER", "ADMIN"})
public class RootCausesView extends VerticalLayout implements LocalizedTitle {

    private final RootCauseService rootCauses;
    private final Grid<RootCause> grid = new Grid<>();
    private final Select<RootCause> parent = new Select<>();

    public RootCausesView(RootCauseService rootCauses) {
        this.rootCauses = rootCauses;
        TextField name = new TextField();
        name.setId("root-cause-name");
        name.setPlaceholder(getTranslation("root-causes.new"));
        parent.setId("root-cause-parent");
        parent.setEmptySelectionAllowed(true);
        parent.setEmptySelectionCaption(getTranslation("root-causes.top-level"));
        parent.setItemLabelGenerator(r -> r == null ? getTranslation("root-causes.top-level") : r.name());
        Button add = new Button(getTranslation("reasons.add"), e -> act(() ->
                rootCauses.add(parent.getValue() == null ? null : parent.getValue().id(), name.getValue()), name, true));
        add.setId("root-cause-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout adder = new HorizontalLayout(parent, name, add);
        adder.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addComponentColumn(r -> {
            TextField field = new TextField();
            field.setValue(r.name());
            field.setWidthFull();
            if (!r.isCause()) {
                field.getStyle().set("padding-left", "var(--lumo-space-l)");
            }
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    act(() -> rootCauses.rename(r.id(), r.version(), e.getValue()), field, false);
                }
            });
            return field;
        }).setHeader(getTranslation("root-causes.name")).setFlexGrow(3);
        grid.addColumn(r -> getTranslation(r.isCause() ? "root-causes.cause" : "root-causes.sub-cause")).setHeader(getTranslation("root-causes.level"));
        grid.addColumn(r -> getTranslation(r.retired() ? "reasons.retired" : "reasons.active")).setHeader(getTranslation("reasons.status"));
        grid.addComponentColumn(r -> new Button(getTranslation(r.retired() ? "reasons.restore" : "reasons.retire"),
                e -> act(() -> rootCauses.setRetired(r.id(), r.version(), !r.retired()), null, false)));
        grid.setEmptyStateText(getTranslation("root-causes.empty"));
        refresh();
        add(adder, grid);
        setSizeFull();
    }

    private void act(Runnable action, TextField field, boolean clearAfter) {
        try {
            action.run();
            if (field != null && clearAfter) {
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
        List<RootCause> tree = rootCauses.tree();
        grid.setItems(tree);
        parent.setItems(tree.stream().filter(RootCause::isCause).filter(r -> !r.retired()).toList());
    }

    @Override
    public String titleKey() {
        return "nav.root-causes";
    }
}
