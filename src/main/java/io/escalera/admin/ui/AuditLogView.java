package io.escalera.admin.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import io.escalera.shared.AuditLog;
import io.escalera.shared.AuditLog.AuditEntry;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.SearchToolbar;
import jakarta.annotation.security.RolesAllowed;

/** ADMIN, read only: who did what to which record, newest first. */
@Route("admin/audit")
@Menu(title = "nav.admin.audit", order = 93, icon = "vaadin:records")
@RolesAllowed("ADMIN")
public class AuditLogView extends VerticalLayout implements LocalizedTitle {

    private String filter = "";

    public AuditLogView(AuditLog auditLog) {
        setSizeFull();
        Grid<AuditEntry> grid = new Grid<>();
        SearchToolbar toolbar = new SearchToolbar("audit.search", text -> {
            filter = text;
            grid.getDataProvider().refreshAll();
        });
        grid.addColumn(e -> Formats.dateTime(e.occurredAt(), getLocale())).setHeader(getTranslation("audit.when")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.who")).setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("audit.what")).setAutoWidth(true);
        grid.addColumn(e -> e.recordType() + (e.recordId() == null ? "" : " " + e.recordId())).setHeader(getTranslation("audit.record"));
        grid.addColumn(AuditEntry::details).setHeader(getTranslation("audit.details")).setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(query -> auditLog.find(new AuditLog.AuditQuery(filter), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) auditLog.count(new AuditLog.AuditQuery(filter)));
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.setSizeFull();
        add(toolbar, grid);
    }

    @Override
    public String titleKey() {
        return "nav.admin.audit";
    }
}
