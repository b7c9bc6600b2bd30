package io.escalera.customer.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.customer.CustomerService;
import io.escalera.customer.OrderExport;
import io.escalera.customer.OrderFilter;
import io.escalera.customer.OrderRow;
import io.escalera.customer.OrderService;
import io.escalera.customer.SalesChannel;
import io.escalera.security.UnitDirectory;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.StreamingDownload;
import jakarta.annotation.security.RolesAllowed;

import java.util.Currency;

/** Orders with the filters that matter for service: period, unit, channel, late, incomplete, returned. */
@Route("orders")
@Menu(title = "nav.orders", order = 11, icon = "vaadin:cart")
@RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
public class OrdersView extends VerticalLayout implements LocalizedTitle {

    private final OrderService orders;
    private final Grid<OrderRow> grid = new Grid<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<UnitDirectory.UnitRef> unit = new ComboBox<>();
    private final Select<SalesChannel> channel = new Select<>();
    private final Checkbox late = new Checkbox();
    private final Checkbox incomplete = new Checkbox();
    private final Checkbox returned = new Checkbox();
    private final Checkbox allUnits = new Checkbox();

    public OrdersView(OrderService orders, CustomerService customers, GeneralSettingsService settings,
                      OrderExport export) {
        this.orders = orders;
        Currency currency = settings.currency();
        setSizeFull();
        from.setPlaceholder(getTranslation("orders.filter.from"));
        from.setAriaLabel(getTranslation("orders.filter.from"));
        to.setPlaceholder(getTranslation("orders.filter.to"));
        to.setAriaLabel(getTranslation("orders.filter.to"));
        unit.setPlaceholder(getTranslation("customers.filter.unit"));
        unit.setItems(customers.selectableUnits());
        unit.setItemLabelGenerator(UnitDirectory.UnitRef::label);
        unit.setClearButtonVisible(true);
        channel.setItems(SalesChannel.values());
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption(getTranslation("filter.any-channel"));
        channel.setItemLabelGenerator(c -> c == null ? getTranslation("filter.any-channel") : getTranslation("channel." + c));
        late.setLabel(getTranslation("orders.filter.late"));
        incomplete.setLabel(getTranslation("orders.filter.incomplete"));
        returned.setLabel(getTranslation("orders.filter.returned"));
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        unit.addValueChangeListener(e -> refresh());
        channel.addValueChangeListener(e -> refresh());
        late.addValueChangeListener(e -> refresh());
        incomplete.addValueChangeListener(e -> refresh());
        returned.addValueChangeListener(e -> refresh());
        allUnits.setLabel(getTranslation("filter.all-units"));
        allUnits.setVisible(customers.mayWidenToAllUnits());
        allUnits.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(from, to, unit, channel, late, incomplete, returned, allUnits);
        // the whole list with the filters of the moment of the click, streamed
        StreamingDownload.exportLinks(this, "orders", (format, out) -> export.write(filter(), format, out)).forEach(filters::add);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        OrderLabels.addColumns(grid, currency, this, getLocale(), true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("orders.empty"));
        grid.setItems(query -> orders.list(filter(), query.getOffset(), query.getLimit()).stream());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CustomerView.class, e.getItem().customerId())));
        grid.setSizeFull();
        add(filters, grid);
    }

    private OrderFilter filter() {
        return new OrderFilter(from.getValue(), to.getValue(), unit.getValue() == null ? null : unit.getValue().id(),
                channel.getValue(), late.getValue(), incomplete.getValue(), returned.getValue(), allUnits.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String titleKey() {
        return "nav.orders";
    }
}
