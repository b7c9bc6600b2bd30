package io.escalera.admin.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import io.escalera.admin.Unit;
import io.escalera.admin.UnitService;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.SearchToolbar;
import jakarta.annotation.security.RolesAllowed;

/** ADMIN: stores, regions, the online shop and call centres. */
@Route("admin/units")
@Menu(title = "nav.admin.units", order = 91, icon = "vaadin:building")
@RolesAllowed("ADMIN")
public class UnitsView extends VerticalLayout implements LocalizedTitle {

    private final UnitService units;
    private final Grid<Unit> grid = new Grid<>();
    private String filter = "";

    public UnitsView(UnitService units) {
        this.units = units;
        setSizeFull();
        SearchToolbar toolbar = new SearchToolbar("units.search", text -> {
            filter = text;
            grid.getDataProvider().refreshAll();
        });
        toolbar.addNewButton("units.new", () -> openDialog(null));
        grid.addColumn(Unit::code).setHeader(getTranslation("unit.code")).setSortProperty("code");
        grid.addColumn(Unit::name).setHeader(getTranslation("unit.name")).setSortProperty("name");
        grid.addColumn(u -> getTranslation("unit.kind." + u.kind())).setHeader(getTranslation("unit.kind")).setSortProperty("kind");
        grid.addColumn(Unit::parentName).setHeader(getTranslation("unit.parent"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> units.find(filter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) units.count(filter));
        grid.setEmptyStateText(getTranslation("units.empty"));
        grid.addItemClickListener(e -> openDialog(e.getItem()));
        grid.setSizeFull();
        add(toolbar, grid);
    }

    private void openDialog(Unit unit) {
        new UnitDialog(units, unit, () -> grid.getDataProvider().refreshAll()).open();
    }

    @Override
    public String titleKey() {
        return "nav.admin.units";
    }
}
