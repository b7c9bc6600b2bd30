package io.escalera.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.escalera.customer.CustomerDetails;
import io.escalera.customer.CustomerFacts;
import io.escalera.customer.CustomerPageAction;
import io.escalera.customer.CustomerPageSection;
import io.escalera.customer.CustomerService;
import io.escalera.customer.CustomerTimeline;
import io.escalera.customer.OrderRow;
import io.escalera.customer.OrderService;
import io.escalera.customer.Referral;
import io.escalera.customer.ReferralService;
import io.escalera.customer.TimelineEntry;
import io.escalera.security.Role;
import io.escalera.security.SignedInUsers;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.ui.Formats;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;

import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The customer page (the future customer 360): who they are and what they bought. A customer outside the user's
 * units is "not found", exactly like a customer that does not exist.
 */
@Route("customers")
@RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
public class CustomerView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final CustomerService customers;
    private final OrderService orders;
    private final ReferralService referrals;
    private final CustomerTimeline timeline;
    private final ObjectProvider<CustomerPageAction> pageActions;
    private final ObjectProvider<CustomerFacts> contributedFacts;
    private final ObjectProvider<CustomerPageSection> sections;
    private final Currency currency;
    private final Role role;
    private CustomerDetails customer;

    public CustomerView(CustomerService customers, OrderService orders, ReferralService referrals, CustomerTimeline timeline,
                        ObjectProvider<CustomerPageAction> pageActions, ObjectProvider<CustomerFacts> contributedFacts,
                        ObjectProvider<CustomerPageSection> sections, GeneralSettingsService settings, SignedInUsers signedIn) {
        this.contributedFacts = contributedFacts;
        this.sections = sections;
        this.customers = customers;
        this.timeline = timeline;
        this.pageActions = pageActions;
        this.orders = orders;
        this.referrals = referrals;
        this.currency = settings.currency();
        this.role = signedIn.authenticated().map(u -> u.role()).orElse(Role.EXECUTIVE);
        addClassName("customer-view");
        setSizeFull();
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        customer = id == null ? null : customers.find(id).orElse(null);
        if (customer == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        H2 title = new H2(customer.name());
        title.setId("customer-title");
        HorizontalLayout actions = new HorizontalLayout();
        if (role != Role.EXECUTIVE) {
            Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(),
                    e -> new CustomerDialog(customers, customer, saved -> {
                        customer = saved;
                        render();
                    }).open());
            edit.setId("edit-customer");
            Button addOrder = new Button(getTranslation("orders.new"), VaadinIcon.CART.create(),
                    e -> new OrderDialog(orders, customers, customer, null, role, this::render).open());
            addOrder.setId("add-order");
            addOrder.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button addReferral = new Button(getTranslation("referrals.new"), VaadinIcon.CONNECT.create(),
                    e -> new ReferralDialog(referrals, customers, customer, this::render).open());
            actions.add(edit, addOrder, addReferral);
        }
        pageActions.orderedStream().sorted(Comparator.comparingInt(CustomerPageAction::order))
                .forEach(action -> actions.add(action.create(customer, this::render)));
        add(new HorizontalLayout(title), actions, facts());
        sections.orderedStream().sorted(Comparator.comparingInt(CustomerPageSection::order))
                .map(section -> section.create(customer)).filter(Objects::nonNull).forEach(this::add);
        add(new H3(getTranslation("customer.timeline")), timelineBox(),
                new H3(getTranslation("customer.orders")), ordersGrid(), referralsBox());
    }

    private Div facts() {
        Div facts = new Div();
        facts.addClassName("customer-facts");
        fact(facts, "customer.code", customer.externalCode());
        fact(facts, "customer.email", customer.email());
        fact(facts, "customer.phone", customer.phone());
        fact(facts, "customer.birth-date", Formats.date(customer.birthDate(), getLocale()));
        fact(facts, "customer.unit", customer.homeUnitName());
        fact(facts, "customer.channel", getTranslation("channel." + customer.acquisitionChannel()));
        fact(facts, "customer.survey-consent", getTranslation(customer.surveyConsent() ? "yes" : "no"));
        fact(facts, "customer.created", Formats.date(customer.createdAt(), getLocale()));
        contributedFacts.orderedStream().flatMap(source -> source.factsFor(customer).stream()).forEach(f ->
                fact(facts, f.labelKey(), f.amount() != null ? Formats.money(f.amount(), currency, getLocale())
                        : (f.prefix() == null ? "" : f.prefix() + (f.valueKey() == null ? "" : " · "))
                        + (f.valueKey() == null ? "" : getTranslation(f.valueKey()))));
        return facts;
    }


    private void fact(Div facts, String labelKey, String value) {
        Div fact = new Div(new Span(getTranslation(labelKey)), new Span(value == null || value.isBlank() ? "—" : value));
        fact.addClassName("fact");
        facts.add(fact);
    }

    /** Everything that happened with the customer, newest first, filterable by kind and channel, paged lazily. */
    private VerticalLayout timelineBox() {
        MultiSelectComboBox<String> kinds = new MultiSelectComboBox<>();
        kinds.setPlaceholder(getTranslation("timeline.all-kinds"));
        kinds.setItems(timeline.kinds());
        kinds.setItemLabelGenerator(k -> getTranslation("timeline.kind." + k));
        Select<String> channel = new Select<>();
        channel.setItems(TIMELINE_CHANNELS);
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption(getTranslation("filter.any-channel"));
        channel.setItemLabelGenerator(c -> c == null ? getTranslation("filter.any-channel") : getTranslation("channel." + c));
        Grid<TimelineEntry> grid = new Grid<>();
        grid.setId("customer-timeline");
        grid.addColumn(e -> Formats.dateTime(e.at(), getLocale())).setHeader(getTranslation("timeline.when")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("timeline.kind." + e.kind())).setHeader(getTranslation("timeline.kind")).setAutoWidth(true);
        grid.addColumn(e -> e.channel() == null ? "" : getTranslation("channel." + e.channel())).setHeader(getTranslation("timeline.channel")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.labelKey()) + (e.detail() == null ? "" : " · " + e.detail())
                + (e.amount() == null ? "" : " · " + Formats.money(e.amount(), currency, getLocale())))
                .setHeader(getTranslation("timeline.what")).setFlexGrow(4);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("timeline.empty"));
        grid.setItems(query -> timeline.page(customer.id(), kinds.getValue(), channel.getValue(), query.getOffset(), query.getLimit()).stream());
        grid.setHeight("20rem");
        kinds.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        channel.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(kinds, channel);
        VerticalLayout box = new VerticalLayout(filters, grid);
        box.setPadding(false);
        return box;
    }

    private static final List<String> TIMELINE_CHANNELS = List.of("STORE", "WEB", "APP", "PHONE",
            "MARKETPLACE", "EMAIL", "CHAT", "SOCIAL", "IN_STORE", "OTHER");

    private Grid<OrderRow> ordersGrid() {
        Grid<OrderRow> grid = new Grid<>();
        grid.setId("customer-orders");
        OrderLabels.addColumns(grid, currency, this, getLocale(), false);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("customer.orders.empty"));
        grid.setItems(query -> orders.ofCustomer(customer.id(), query.getOffset(), query.getLimit()).stream());
        if (role == Role.MANAGER || role == Role.ADMIN) {
            grid.addItemClickListener(e -> new OrderDialog(orders, customers, customer, e.getItem(), role, this::render).open());
        }
        grid.setMinHeight("16rem");
        return grid;
    }

    private Div referralsBox() {
        Div box = new Div(new H3(getTranslation("customer.referrals")));
        box.setId("customer-referrals");
        var list = referrals.of(customer.id());
        if (list.isEmpty()) {
            box.add(new Span(getTranslation("customer.referrals.empty")));
        }
        for (Referral r : list) {
            String text = r.referrerId() == customer.id()
                    ? getTranslation("referral.made", r.referredName(), Formats.date(r.on(), getLocale()))
                    : getTranslation("referral.received", r.referrerName(), Formats.date(r.on(), getLocale()));
            box.add(new Div(new Span(text)));
        }
        return box;
    }

    @Override
    public String getPageTitle() {
        return (customer == null ? getTranslation("nav.customers") : customer.name()) + " · Escalera";
    }

}
