package io.escalera.loyalty.ui;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.customer.AcquisitionChannel;
import io.escalera.customer.CustomerSegmentFilters;
import io.escalera.customer.CustomerService;
import io.escalera.customer.ui.SegmentSelect;
import io.escalera.customer.ui.UnitPicker;
import io.escalera.loyalty.LadderFilter;
import io.escalera.loyalty.LadderReports;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.Selects;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ladder reports on one page: the filter (units, acquisition channel, cohort, segment) and one tab per report —
 * the funnel ({@link FunnelPanel}), the movement between two days ({@link MovementPanel}), acquisition cohorts
 * ({@link CohortsPanel}) and the lifecycle funnel ({@link LifecyclePanel}). Every bar, step and flow opens the
 * customers behind it; every table exports as CSV.
 */
@Route("loyalty")
@Menu(title = "nav.ladder-reports", order = 21.5, icon = "vaadin:chart-3d")
@RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
public class LadderReportsView extends VerticalLayout implements LocalizedTitle {

    private final Clock clock;
    private final UnitPicker units;
    private final SegmentSelect segment;
    private final Select<AcquisitionChannel> channel;
    private final Select<CohortChoice> cohort = new Select<>();
    private final Tabs tabs = new Tabs();
    private final Map<Tab, LadderPanel> panels = new LinkedHashMap<>();
    private final LadderPanel funnel;
    private final VerticalLayout content = new VerticalLayout();

    /** An acquisition month or quarter, or any. */
    record CohortChoice(String label, LocalDate from, LocalDate to) {
    }

    public LadderReportsView(LadderReports reports, CustomerService customers, CustomerSegmentFilters segments, Clock clock) {
        this.clock = clock;
        setSizeFull();
        units = new UnitPicker(customers, "ladder");
        segment = new SegmentSelect(segments, "ladder-segment");
        channel = Selects.anyOf(AcquisitionChannel.values(), c -> getTranslation("channel." + c), getTranslation("ladder-reports.any-channel"));
        channel.setId("ladder-channel");
        cohort.setId("ladder-cohort");
        cohort.setItems(cohortChoices());
        cohort.setItemLabelGenerator(CohortChoice::label);
        cohort.setValue(cohortChoices().getFirst());
        cohort.setAriaLabel(getTranslation("ladder-reports.cohort"));
        channel.setAriaLabel(getTranslation("ladder-reports.channel"));
        HorizontalLayout filters = new HorizontalLayout(units, channel, cohort, segment);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        units.addChangeListener(this::refresh);
        segment.addValueChangeListener(e -> refresh());
        channel.addValueChangeListener(e -> refresh());
        cohort.addValueChangeListener(e -> refresh());

        funnel = addPanel("funnel", new FunnelPanel(reports, this::filter));
        addPanel("movement", new MovementPanel(reports, this::filter, clock));
        addPanel("cohorts", new CohortsPanel(reports, this::filter));
        addPanel("lifecycle", new LifecyclePanel(reports, this::filter));
        tabs.addSelectedChangeListener(e -> refresh());
        content.setPadding(false);
        content.setSizeFull();
        add(filters, tabs, content);
        refresh();
    }

    private LadderPanel addPanel(String name, LadderPanel panel) {
        Tab tab = new Tab(getTranslation("ladder-reports.tab." + name));
        tab.setId("tab-" + name);
        tabs.add(tab);
        panels.put(tab, panel);
        return panel;
    }

    private List<CohortChoice> cohortChoices() {
        List<CohortChoice> choices = new ArrayList<>();
        choices.add(new CohortChoice(getTranslation("ladder-reports.any-cohort"), null, null));
        YearMonth month = YearMonth.now(clock);
        for (int i = 0; i < 24; i++) {
            YearMonth m = month.minusMonths(i);
            choices.add(new CohortChoice(getTranslation("ladder-reports.cohort-month", m.toString()), m.atDay(1), m.atEndOfMonth()));
        }
        YearMonth quarterStart = month.minusMonths((month.getMonthValue() - 1) % 3);
        for (int i = 0; i < 8; i++) {
            YearMonth q = quarterStart.minusMonths(3L * i);
            choices.add(new CohortChoice(getTranslation("ladder-reports.cohort-quarter", q.getYear(), (q.getMonthValue() - 1) / 3 + 1),
                    q.atDay(1), q.plusMonths(2).atEndOfMonth()));
        }
        return choices;
    }

    LadderFilter filter() {
        CohortChoice choice = cohort.getValue();
        return new LadderFilter(units.unitId(), units.allUnits(), channel.getValue(),
                choice == null ? null : choice.from(), choice == null ? null : choice.to(), segment.key());
    }

    private void refresh() {
        content.removeAll();
        LadderPanel panel = panels.getOrDefault(tabs.getSelectedTab(), funnel);
        panel.refresh();
        content.add(panel);
    }

    @Override
    public String titleKey() {
        return "nav.ladder-reports";
    }
}
