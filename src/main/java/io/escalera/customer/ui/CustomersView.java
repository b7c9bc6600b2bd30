package io.escalera.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import io.escalera.customer.AcquisitionChannel;
import io.escalera.customer.CustomerSearch;
import io.escalera.customer.CustomerSegmentFilters;
import io.escalera.customer.CustomerService;
import io.escalera.customer.CustomerSummary;
import io.escalera.security.Role;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitDirectory;
import io.escalera.shared.Pages;
import io.escalera.shared.TableWriter;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.StreamingDownload;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.Sort;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/** Find a customer in seconds: one search box (code, name, e-mail or phone) and a few filters. */
@Route("customers")
@Menu(title = "nav.customers", order = 10, icon = "vaadin:user-card")
@RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
public class CustomersView extends VerticalLayout implements LocalizedTitle {

    private final CustomerService customers;
    private final Grid<CustomerSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<UnitDirectory.UnitRef> unit = new ComboBox<>();
    private final Select<AcquisitionChannel> channel = new Select<>();
    private final DatePicker createdFrom = new DatePicker();
    private final DatePicker createdTo = new DatePicker();
    private final Checkbox allUnits = new Checkbox();

    private final SegmentSelect segment;

    public CustomersView(CustomerService customers, SignedInUsers signedIn, CustomerSegmentFilters segments) {
        this.segment = new SegmentSelect(segments, "customers-segment");
        this.customers = customers;
        setSizeFull();

        search.setId("customer-search");
        search.setPlaceholder(getTranslation("customers.search"));
        search.setAriaLabel(getTranslation("customers.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22rem");
        search.addValueChangeListener(e -> refresh());
        search.focus();

        unit.setPlaceholder(getTranslation("customers.filter.unit"));
        unit.setAriaLabel(getTranslation("customers.filter.unit"));
        unit.setItems(customers.selectableUnits());
        unit.setItemLabelGenerator(UnitDirectory.UnitRef::label);
        unit.setClearButtonVisible(true);
        unit.addValueChangeListener(e -> refresh());

        channel.setPlaceholder(getTranslation("customers.filter.channel"));
        channel.setAriaLabel(getTranslation("customers.filter.channel"));
        channel.setItems(AcquisitionChannel.values());
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption(getTranslation("filter.any-channel"));
        channel.setItemLabelGenerator(c -> c == null ? getTranslation("filter.any-channel") : getTranslation("channel." + c));
        channel.addValueChangeListener(e -> refresh());

        createdFrom.setPlaceholder(getTranslation("customers.filter.created-from"));
        createdFrom.setAriaLabel(getTranslation("customers.filter.created-from"));
        createdTo.setPlaceholder(getTranslation("customers.filter.created-to"));
        createdTo.setAriaLabel(getTranslation("customers.filter.created-to"));
        createdFrom.addValueChangeListener(e -> refresh());
        createdTo.addValueChangeListener(e -> refresh());

        allUnits.setLabel(getTranslation("filter.all-units"));
        allUnits.setId("all-units");
        allUnits.setVisible(customers.mayWidenToAllUnits());
        allUnits.addValueChangeListener(e -> refresh());

        segment.addValueChangeListener(e -> refresh());

        HorizontalLayout toolbar = new HorizontalLayout(search, unit, channel, segment, createdFrom, createdTo, allUnits);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        // the whole list with the search, filters and sort of the moment of the click, streamed page by page
        StreamingDownload.exportLinks(this, "customers", this::export).forEach(toolbar::add);
        boolean mayCreate = signedIn.authenticated().map(u -> u.role() != Role.EXECUTIVE).orElse(false);
        if (mayCreate) {
            Button add = new Button(getTranslation("customers.new"), VaadinIcon.PLUS.create(),
                    e -> new CustomerDialog(customers, null, saved -> getUI().ifPresent(ui -> ui.navigate(CustomerView.class, saved.id()))).open());
            add.setId("new-customer");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.addToEnd(add);
        }

        grid.addColumn(CustomerSummary::externalCode).setHeader(getTranslation("customer.code")).setSortProperty("externalCode").setAutoWidth(true);
        grid.addColumn(CustomerSummary::name).setHeader(getTranslation("customer.name")).setSortProperty("name")
                .setWidth("16rem").setFlexGrow(2);
        grid.addColumn(CustomerSummary::email).setHeader(getTranslation("customer.email")).setWidth("14rem").setFlexGrow(1);
        grid.addColumn(CustomerSummary::phone).setHeader(getTranslation("customer.phone")).setAutoWidth(true);
        grid.addColumn(CustomerSummary::homeUnitName).setHeader(getTranslation("customer.unit")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("channel." + c.acquisitionChannel())).setHeader(getTranslation("customer.channel")).setAutoWidth(true);
        grid.addColumn(c -> Formats.date(c.createdAt(), getLocale())).setHeader(getTranslation("customer.created"))
                .setSortProperty("createdAt").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("customers.empty"));
        grid.setId("customers-grid");
        // No COUNT(*) over a million rows: the grid pages on as the user scrolls.
        grid.setItems(query -> customers.search(currentSearch(), VaadinSpringDataHelpers.toSpringDataSort(query),
                query.getOffset(), query.getLimit()).stream());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CustomerView.class, e.getItem().id())));
        grid.setSizeFull();
        add(toolbar, grid);
    }

    private static final int EXPORT_PAGE = 5_000;

    /** The list as on screen (search, filters, sort), in pages read by the same query as the grid's. */
    private void export(TableWriter.Format format, OutputStream out) {
        CustomerSearch current = currentSearch();
        Sort sort = Sort.by(grid.getSortOrder().stream()
                .flatMap(order -> order.getSorted().getSortOrder(order.getDirection()))
                .map(o -> o.getDirection() == SortDirection.DESCENDING
                        ? Sort.Order.desc(o.getSorted())
                        : Sort.Order.asc(o.getSorted()))
                .toList());
        try (TableWriter writer = TableWriter.of(format, out, getTranslation("nav.customers"))) {
            writer.row(List.of(getTranslation("customer.code"), getTranslation("customer.name"), getTranslation("customer.email"),
                    getTranslation("customer.phone"), getTranslation("customer.unit"), getTranslation("customer.channel"),
                    getTranslation("customer.created")));
            Pages.forEach(EXPORT_PAGE, (offset, limit) -> customers.search(current, sort, offset, limit),
                    c -> writer.row(Arrays.asList(c.externalCode(), c.name(), c.email(), c.phone(), c.homeUnitName(),
                            getTranslation("channel." + c.acquisitionChannel()), Formats.date(c.createdAt(), getLocale()))));
        }
    }

    private CustomerSearch currentSearch() {
        return new CustomerSearch(search.getValue(), unit.getValue() == null ? null : unit.getValue().id(), channel.getValue(),
                createdFrom.getValue(), createdTo.getValue(), allUnits.getValue(), segment.key());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String titleKey() {
        return "nav.customers";
    }
}
