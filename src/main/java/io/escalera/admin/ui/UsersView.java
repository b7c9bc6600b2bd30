package io.escalera.admin.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import io.escalera.admin.UnitService;
import io.escalera.security.UserAccount;
import io.escalera.security.UserAdministration;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.SearchToolbar;
import jakarta.annotation.security.RolesAllowed;

/** ADMIN: the users, searchable; a click opens the user for editing. */
@Route("admin/users")
@Menu(title = "nav.admin.users", order = 90, icon = "vaadin:users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements LocalizedTitle {

    private final UserAdministration users;
    private final UnitService units;
    private final Grid<UserAccount> grid = new Grid<>();
    private String filter = "";

    public UsersView(UserAdministration users, UnitService units) {
        this.users = users;
        this.units = units;
        setSizeFull();
        SearchToolbar toolbar = new SearchToolbar("users.search", text -> {
            filter = text;
            grid.getDataProvider().refreshAll();
        });
        toolbar.addNewButton("users.new", () -> openDialog(null));

        grid.addColumn(UserAccount::username).setHeader(getTranslation("user.username")).setSortProperty("username").setKey("username");
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("user.displayName")).setSortProperty("displayName");
        grid.addColumn(u -> getTranslation(u.role().labelKey())).setHeader(getTranslation("user.role")).setSortProperty("role");
        grid.addColumn(UserAccount::unitName).setHeader(getTranslation("user.unit"));
        grid.addColumn(u -> getTranslation(u.enabled() ? "user.enabled.yes" : "user.enabled.no")).setHeader(getTranslation("user.enabled"))
                .setSortProperty("enabled");
        grid.addColumn(UserAccount::email).setHeader(getTranslation("user.email"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> users.find(filter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) users.count(filter));
        grid.setEmptyStateText(getTranslation("users.empty"));
        grid.addItemClickListener(e -> openDialog(e.getItem()));
        grid.setSizeFull();
        add(toolbar, grid);
    }

    private void openDialog(UserAccount account) {
        new UserDialog(users, units, account, () -> grid.getDataProvider().refreshAll()).open();
    }

    @Override
    public String titleKey() {
        return "nav.admin.users";
    }
}
