package io.escalera.interaction.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.customer.ui.CustomerView;
import io.escalera.interaction.InteractionRow;
import io.escalera.interaction.InteractionService;
import io.escalera.security.Role;
import io.escalera.security.SignedInUsers;
import io.escalera.shared.Pages;
import io.escalera.shared.TableWriter;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Notifications;
import io.escalera.shared.ui.StreamingDownload;
import jakarta.annotation.security.RolesAllowed;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Follow-ups due today or overdue: my own, or my unit's for a manager. Mark them done. */
@Route("follow-ups")
@Menu(title = "nav.follow-ups", order = 12, icon = "vaadin:calendar-clock")
@RolesAllowed({"STAFF", "MANAGER"})
public class FollowUpsView extends VerticalLayout implements LocalizedTitle {

    public FollowUpsView(InteractionService interactions, SignedInUsers signedIn) {
        setSizeFull();
        Checkbox wholeUnit = new Checkbox(getTranslation("follow-ups.whole-unit"));
        wholeUnit.setVisible(signedIn.authenticated().map(u -> u.role() == Role.MANAGER).orElse(false));
        Grid<InteractionRow> grid = new Grid<>();
        grid.addColumn(r -> Formats.date(r.followUpOn(), getLocale())).setHeader(getTranslation("interaction.follow-up")).setAutoWidth(true);
        grid.addColumn(r -> r.followUpOn().isBefore(LocalDate.now()) ? getTranslation("follow-ups.overdue") : getTranslation("follow-ups.today"))
                .setHeader(getTranslation("follow-ups.status")).setAutoWidth(true);
        grid.addColumn(InteractionRow::customerName).setHeader(getTranslation("interaction.customer")).setAutoWidth(true);
        grid.addColumn(InteractionRow::reason).setHeader(getTranslation("interaction.reason")).setAutoWidth(true);
        grid.addColumn(InteractionRow::summary).setHeader(getTranslation("interaction.summary")).setFlexGrow(3);
        grid.addColumn(InteractionRow::handledByName).setHeader(getTranslation("interaction.handled-by")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button done = new Button(getTranslation("follow-ups.done"), e -> {
                interactions.markFollowUpDone(r.id());
                Notifications.success(getTranslation("follow-ups.marked-done"));
                grid.getDataProvider().refreshAll();
            });
            done.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return done;
        }).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("follow-ups.empty"));
        grid.setItems(query -> interactions.followUpsDue(wholeUnit.getValue(), query.getOffset(), query.getLimit()).stream());
        grid.addItemDoubleClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CustomerView.class, e.getItem().customerId())));
        grid.setSizeFull();
        wholeUnit.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout top = new HorizontalLayout(wholeUnit);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        StreamingDownload.exportLinks(this, "follow-ups-due", (format, out) -> export(interactions, wholeUnit.getValue(), format, out))
                .forEach(top::add);
        add(top, grid);
    }

    private static final int EXPORT_PAGE = 5_000;

    /** The worklist as on screen (mine or the unit's), page after page. */
    private void export(InteractionService interactions, boolean wholeUnit, TableWriter.Format format, OutputStream out) {
        try (TableWriter writer = TableWriter.of(format, out, getTranslation("nav.follow-ups"))) {
            writer.row(List.of(getTranslation("interaction.follow-up"), getTranslation("follow-ups.status"),
                    getTranslation("interaction.customer"), getTranslation("interaction.reason"), getTranslation("interaction.summary"),
                    getTranslation("interaction.handled-by")));
            Pages.forEach(EXPORT_PAGE, (offset, limit) -> interactions.followUpsDue(wholeUnit, offset, limit),
                    r -> writer.row(Arrays.asList(r.followUpOn(),
                            getTranslation(r.followUpOn().isBefore(LocalDate.now()) ? "follow-ups.overdue" : "follow-ups.today"),
                            r.customerName(), r.reason(), r.summary(), r.handledByName())));
        }
    }

    @Override
    public String titleKey() {
        return "nav.follow-ups";
    }
}
