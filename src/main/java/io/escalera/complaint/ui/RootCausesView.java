package io.escalera.complaint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.complaint.RootCause;
import io.escalera.complaint.RootCauseService;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.NameListGrid;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/** MANAGER and ADMIN: the root-cause taxonomy (cause → sub-cause) required when resolving a case. */
@Route("complaints/root-causes")
@Menu(title = "nav.root-causes", order = 17, icon = "vaadin:sitemap")
@RolesAllowed({"MANAGER", "ADMIN"})
public class RootCausesView extends VerticalLayout implements LocalizedTitle {

    private final RootCauseService rootCauses;
    private final NameListGrid<RootCause> grid;
    private final Select<RootCause> parent = new Select<>();

    public RootCausesView(RootCauseService rootCauses) {
        this.rootCauses = rootCauses;
        grid = new NameListGrid<>("root-causes.name", (r, name) -> rootCauses.rename(r.id(), r.version(), name),
                (r, retired) -> rootCauses.setRetired(r.id(), r.version(), retired), r -> !r.isCause(), this::refresh);
        grid.addColumn(r -> getTranslation(r.isCause() ? "root-causes.cause" : "root-causes.sub-cause"))
                .setHeader(getTranslation("root-causes.level"));
        grid.addStatusColumns();
        grid.setEmptyStateText(getTranslation("root-causes.empty"));

        TextField name = new TextField();
        name.setId("root-cause-name");
        name.setPlaceholder(getTranslation("root-causes.new"));
        parent.setId("root-cause-parent");
        parent.setEmptySelectionAllowed(true);
        parent.setEmptySelectionCaption(getTranslation("root-causes.top-level"));
        parent.setItemLabelGenerator(r -> r == null ? getTranslation("root-causes.top-level") : r.name());
        Button add = new Button(getTranslation("reasons.add"), e -> {
            if (grid.save(() -> rootCauses.add(parent.getValue() == null ? null : parent.getValue().id(), name.getValue()), name)) {
                name.clear();
            }
        });
        add.setId("root-cause-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout adder = new HorizontalLayout(parent, name, add);
        adder.setAlignItems(FlexComponent.Alignment.BASELINE);

        refresh();
        add(adder, grid);
        setSizeFull();
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
