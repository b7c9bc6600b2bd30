package io.escalera.interaction.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.interaction.Reason;
import io.escalera.interaction.ReasonService;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.NameListGrid;
import jakarta.annotation.security.RolesAllowed;

/** MANAGER and ADMIN: the reasons staff choose from. Retiring keeps old interactions as they were. */
@Route("interactions/reasons")
@Menu(title = "nav.reasons", order = 14, icon = "vaadin:list")
@RolesAllowed({"MANAGER", "ADMIN"})
public class ReasonsView extends VerticalLayout implements LocalizedTitle {

    private final ReasonService reasons;
    private final NameListGrid<Reason> grid;

    public ReasonsView(ReasonService reasons) {
        this.reasons = reasons;
        grid = new NameListGrid<>("reasons.name", (r, name) -> reasons.rename(r.id(), r.version(), name),
                (r, retired) -> reasons.setRetired(r.id(), r.version(), retired), r -> false, this::refresh);
        grid.addStatusColumns();

        TextField name = new TextField();
        name.setPlaceholder(getTranslation("reasons.new"));
        name.setId("reason-name");
        Button add = new Button(getTranslation("reasons.add"), e -> {
            if (grid.save(() -> reasons.add(name.getValue()), name)) {
                name.clear();
            }
        });
        add.setId("reason-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout adder = new HorizontalLayout(name, add);
        adder.setAlignItems(FlexComponent.Alignment.BASELINE);

        refresh();
        add(adder, grid);
        setSizeFull();
    }

    private void refresh() {
        grid.setItems(reasons.all());
    }

    @Override
    public String titleKey() {
        return "nav.reasons";
    }
}
