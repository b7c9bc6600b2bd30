package io.escalera.interaction.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.customer.CustomerService;
import io.escalera.customer.ui.CustomerView;
import io.escalera.interaction.Direction;
import io.escalera.interaction.InteractionChannel;
import io.escalera.interaction.InteractionFilter;
import io.escalera.interaction.InteractionRow;
import io.escalera.interaction.InteractionService;
import io.escalera.interaction.Reason;
import io.escalera.interaction.ReasonService;
import io.escalera.security.UnitDirectory;
import io.escalera.shared.TableWriter;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Selects;
import io.escalera.shared.ui.StreamingDownload;
import jakarta.annotation.security.RolesAllowed;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Interactions of the unit (managers) or of all units (executives, admins), with the filters of the brief. */
@Route("interactions")
@Menu(title = "nav.interactions", order = 13, icon = "vaadin:comments")
@RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
public class InteractionsView extends VerticalLayout implements LocalizedTitle {

    public InteractionsView(InteractionService interactions, ReasonService reasons, CustomerService customers) {
        setSizeFull();
        ComboBox<UnitDirectory.UnitRef> unit = new ComboBox<>();
        unit.setPlaceholder(getTranslation("customers.filter.unit"));
        unit.setItems(customers.selectableUnits());
        unit.setItemLabelGenerator(UnitDirectory.UnitRef::label);
        unit.setClearButtonVisible(true);
        DatePicker from = new DatePicker();
        from.setPlaceholder(getTranslation("orders.filter.from"));
        DatePicker to = new DatePicker();
        to.setPlaceholder(getTranslation("orders.filter.to"));
        Select<InteractionChannel> channel = anyOf(InteractionChannel.values(), c -> getTranslation("channel." + c), "filter.any-channel");
        Select<Reason> reason = new Select<>();
        reason.setItems(reasons.all());
        reason.setEmptySelectionAllowed(true);
        reason.setEmptySelectionCaption(getTranslation("interactions.filter.any-reason"));
        reason.setItemLabelGenerator(r -> r == null ? getTranslation("interactions.filter.any-reason") : r.name());
        Select<Direction> direction = anyOf(Direction.values(), d -> getTranslation("interaction.direction." + d), "interactions.filter.any-direction");
        Select<Boolean> fcr = anyOf(new Boolean[]{Boolean.TRUE, Boolean.FALSE},
                b -> getTranslation(b ? "interactions.filter.fcr-yes" : "interactions.filter.fcr-no"), "interactions.filter.any-fcr");
        TextField handledBy = new TextField();
        handledBy.setPlaceholder(getTranslation("interaction.handled-by"));
        handledBy.setValueChangeMode(ValueChangeMode.LAZY);

        Grid<InteractionRow> grid = new Grid<>();
        grid.addColumn(r -> Formats.dateTime(r.occurredAt(), getLocale())).setHeader(getTranslation("interaction.when")).setAutoWidth(true);
        grid.addColumn(InteractionRow::customerName).setHeader(getTranslation("interaction.customer")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("channel." + r.channel())).setHeader(getTranslation("interaction.channel")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("interaction.direction." + r.direction())).setHeader(getTranslation("interaction.direction")).setAutoWidth(true);
        grid.addColumn(InteractionRow::reason).setHeader(getTranslation("interaction.reason")).setAutoWidth(true);
        grid.addColumn(InteractionRow::summary).setHeader(getTranslation("interaction.summary")).setFlexGrow(3);
        grid.addColumn(r -> getTranslation(r.resolvedFirstContact() ? "yes" : "no")).setHeader(getTranslation("interaction.fcr")).setAutoWidth(true);
        grid.addColumn(InteractionRow::minutes).setHeader(getTranslation("interaction.minutes")).setAutoWidth(true);
        grid.addColumn(InteractionRow::handledByName).setHeader(getTranslation("interaction.handled-by")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("interactions.empty"));
        Supplier<InteractionFilter> filter = () -> new InteractionFilter(from.getValue(), to.getValue(),
                unit.getValue() == null ? null : unit.getValue().id(), channel.getValue(),
                reason.getValue() == null ? null : reason.getValue().id(), direction.getValue(), fcr.getValue(),
                handledBy.getValue());
        grid.setItems(query -> interactions.list(filter.get(), query.getOffset(), query.getLimit()).stream());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CustomerView.class, e.getItem().customerId())));
        grid.setSizeFull();
        List<HasValue<?, ?>> filtersFields = List.of(from, to, unit, channel, reason, direction, fcr, handledBy);
        filtersFields.forEach(field -> field.addValueChangeListener(e -> grid.getDataProvider().refreshAll()));
        HorizontalLayout filters = new HorizontalLayout(from, to, unit, channel, reason, direction, fcr, handledBy);
        // the whole list with the filters of the moment of the click, streamed
        StreamingDownload.exportLinks(this, "interactions", (format, out) -> export(interactions, filter.get(), format, out)).forEach(filters::add);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(filters, grid);
    }

    private <T> Select<T> anyOf(T[] values, Function<T, String> label, String anyKey) {
        return Selects.anyOf(values, label, getTranslation(anyKey));
    }

    @Override
    public String titleKey() {
        return "nav.interactions";
    }

    /** The list as on screen, in the user's language. */
    private void export(InteractionService interactions, InteractionFilter filter, TableWriter.Format format,
                        OutputStream out) {
        try (TableWriter writer = TableWriter.of(format, out, getTranslation("nav.interactions"))) {
            writer.row(List.of(getTranslation("interaction.when"), getTranslation("interaction.customer"),
                    getTranslation("interaction.channel"), getTranslation("interaction.direction"), getTranslation("interaction.reason"),
                    getTranslation("interaction.summary"), getTranslation("interaction.fcr"), getTranslation("interaction.minutes"),
                    getTranslation("interaction.handled-by")));
            interactions.forEach(filter, r -> writer.row(Arrays.asList(Formats.dateTime(r.occurredAt(), getLocale()),
                    r.customerName(), getTranslation("channel." + r.channel()), getTranslation("interaction.direction." + r.direction()),
                    r.reason(), r.summary(), getTranslation(r.resolvedFirstContact() ? "yes" : "no"), r.minutes(), r.handledByName())));
        }
    }
}
