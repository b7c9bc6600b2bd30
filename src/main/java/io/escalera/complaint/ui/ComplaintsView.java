package io.escalera.complaint.ui;

import com.vaadin.flow.component.HasValue;
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
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.complaint.ComplaintCategory;
import io.escalera.complaint.ComplaintFilter;
import io.escalera.complaint.ComplaintQueue;
import io.escalera.complaint.ComplaintQueues;
import io.escalera.complaint.ComplaintService;
import io.escalera.complaint.ComplaintRow;
import io.escalera.complaint.ComplaintStatus;
import io.escalera.complaint.Severity;
import io.escalera.customer.CustomerService;
import io.escalera.interaction.InteractionChannel;
import io.escalera.security.Role;
import io.escalera.security.SignedInUsers;
import io.escalera.security.UnitDirectory;
import io.escalera.shared.TableWriter;
import io.escalera.shared.ui.Formats;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Selects;
import io.escalera.shared.ui.StreamingDownload;
import jakarta.annotation.security.RolesAllowed;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The complaint queues — my cases, my unit's, unassigned, breached or due soon — each with its count, the filters of
 * the brief, and "new complaint".
 */
@Route("complaints")
@Menu(title = "nav.complaints", order = 15, icon = "vaadin:exclamation-circle-o")
@RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
public class ComplaintsView extends VerticalLayout implements LocalizedTitle {

    private final ComplaintService complaints;
    private final ComplaintQueues queues;
    private final Map<ComplaintQueue, Tab> tabs = new EnumMap<>(ComplaintQueue.class);
    private final Tabs queueTabs = new Tabs();
    private final Grid<ComplaintRow> grid = new Grid<>();
    private final Select<ComplaintStatus> status;
    private final Select<ComplaintCategory> category;
    private final Select<Severity> severity;
    private final Select<InteractionChannel> channel;
    private final ComboBox<UnitDirectory.UnitRef> unit = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Checkbox allUnits = new Checkbox();

    public ComplaintsView(ComplaintService complaints, ComplaintQueues queues, CustomerService customers, SignedInUsers signedIn) {
        this.complaints = complaints;
        this.queues = queues;
        setSizeFull();
        Role role = signedIn.authenticated().map(u -> u.role()).orElse(Role.EXECUTIVE);
        boolean frontLine = role == Role.STAFF || role == Role.MANAGER;
        for (ComplaintQueue queue : ComplaintQueue.values()) {
            Tab tab = new Tab();
            tab.setId("queue-" + queue.name().toLowerCase());
            tabs.put(queue, tab);
            if (queue != ComplaintQueue.MINE || frontLine) {
                queueTabs.add(tab);
            }
        }
        queueTabs.setSelectedTab(tabs.get(frontLine ? ComplaintQueue.MINE : ComplaintQueue.UNIT));
        queueTabs.addSelectedChangeListener(e -> refresh());

        status = anyOf(ComplaintStatus.values(), s -> getTranslation("complaint.status." + s), "complaints.filter.any-status");
        category = anyOf(ComplaintCategory.values(), c -> getTranslation("complaint.category." + c), "complaints.filter.any-category");
        severity = anyOf(Severity.values(), s -> getTranslation("complaint.severity." + s), "complaints.filter.any-severity");
        channel = anyOf(InteractionChannel.values(), c -> getTranslation("channel." + c), "filter.any-channel");
        unit.setPlaceholder(getTranslation("customers.filter.unit"));
        unit.setItems(customers.selectableUnits());
        unit.setItemLabelGenerator(UnitDirectory.UnitRef::label);
        unit.setClearButtonVisible(true);
        from.setPlaceholder(getTranslation("complaints.filter.opened-from"));
        to.setPlaceholder(getTranslation("complaints.filter.opened-to"));
        allUnits.setLabel(getTranslation("filter.all-units"));
        allUnits.setVisible(customers.mayWidenToAllUnits());

        configureGrid();

        List<HasValue<?, ?>> fields = List.of(status, category, severity, channel, unit, from, to, allUnits);
        fields.forEach(field -> field.addValueChangeListener(e -> refresh()));
        HorizontalLayout filters = new HorizontalLayout(status, category, severity, channel, unit, from, to, allUnits);
        // the whole queue with the filters of the moment of the click, streamed
        StreamingDownload.exportLinks(this, "complaints", this::export).forEach(filters::add);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout top = new HorizontalLayout(queueTabs);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        if (frontLine) {
            Button open = new Button(getTranslation("complaint.new"), VaadinIcon.PLUS.create(),
                    e -> new OpenComplaintDialog(complaints, customers, null, null, opened -> ComplaintView.open(opened.id())).open());
            open.setId("new-complaint");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            top.add(open);
        }
        add(top, filters, grid);
        refresh();
    }

    /** The queue's columns, read page by page with the filters of the moment; a row opens its case. */
    private void configureGrid() {
        grid.setId("complaints-grid");
        grid.addColumn(ComplaintRow::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Formats.dateTime(r.openedAt(), getLocale())).setHeader(getTranslation("complaint.opened-at")).setAutoWidth(true);
        grid.addColumn(ComplaintRow::customerName).setHeader(getTranslation("complaint.customer")).setFlexGrow(2);
        grid.addColumn(r -> getTranslation("complaint.category." + r.category())).setHeader(getTranslation("complaint.category")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("complaint.severity." + r.severity())).setHeader(getTranslation("complaint.severity")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("complaint.status." + r.status())).setHeader(getTranslation("complaint.status")).setAutoWidth(true);
        grid.addColumn(r -> r.assigneeName() == null ? "—" : r.assigneeName()).setHeader(getTranslation("complaint.assignee")).setAutoWidth(true);
        grid.addColumn(r -> r.nextDueAt() == null ? "" : Formats.dateTime(r.nextDueAt(), getLocale())).setHeader(getTranslation("complaint.due")).setAutoWidth(true);
        grid.addComponentColumn(r -> ComplaintLabels.slaBadge(r.sla(), this)).setHeader(getTranslation("complaint.sla")).setAutoWidth(true);
        grid.addColumn(ComplaintRow::unitName).setHeader(getTranslation("complaint.unit")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("complaints.empty"));
        grid.setItems(query -> queues.list(filter(), query.getOffset(), query.getLimit()).stream());
        grid.addItemClickListener(e -> ComplaintView.open(e.getItem().id()));
        grid.setSizeFull();
    }

    private ComplaintQueue selectedQueue() {
        return tabs.entrySet().stream().filter(e -> e.getValue() == queueTabs.getSelectedTab()).map(Map.Entry::getKey)
                .findFirst().orElse(ComplaintQueue.UNIT);
    }

    /** The queue as on screen: every column in the user's language, dates as dates. */
    private void export(TableWriter.Format format, OutputStream out) {
        try (TableWriter writer = TableWriter.of(format, out, getTranslation("nav.complaints"))) {
            writer.row(List.of("#", getTranslation("complaint.opened-at"), getTranslation("complaint.customer"),
                    getTranslation("complaint.category"), getTranslation("complaint.severity"), getTranslation("complaint.status"),
                    getTranslation("complaint.assignee"), getTranslation("complaint.due"), getTranslation("complaint.sla"),
                    getTranslation("complaint.unit")));
            queues.forEach(filter(), r -> writer.row(Arrays.asList(r.id(),
                    Formats.dateTime(r.openedAt(), getLocale()), r.customerName(), getTranslation("complaint.category." + r.category()),
                    getTranslation("complaint.severity." + r.severity()), getTranslation("complaint.status." + r.status()),
                    r.assigneeName(), r.nextDueAt() == null ? null : Formats.dateTime(r.nextDueAt(), getLocale()),
                    r.sla() == null ? null : getTranslation("complaint.sla." + r.sla()), r.unitName())));
        }
    }

    private ComplaintFilter filter() {
        return new ComplaintFilter(selectedQueue(), status.getValue(), category.getValue(), severity.getValue(),
                channel.getValue(), unit.getValue() == null ? null : unit.getValue().id(), from.getValue(), to.getValue(),
                allUnits.getValue());
    }

    private void refresh() {
        Map<ComplaintQueue, Long> counts = queues.counts(filter());
        tabs.forEach((queue, tab) -> {
            long count = counts.get(queue);
            String shown = count > ComplaintQueues.COUNT_CAP ? Formats.number(ComplaintQueues.COUNT_CAP, getLocale()) + "+"
                    : Formats.number(count, getLocale());
            tab.setLabel(getTranslation("complaints.queue." + queue) + " (" + shown + ")");
        });
        grid.getDataProvider().refreshAll();
    }

    private <T> Select<T> anyOf(T[] values, Function<T, String> label, String anyKey) {
        return Selects.anyOf(values, label, getTranslation(anyKey));
    }

    @Override
    public String titleKey() {
        return "nav.complaints";
    }
}
