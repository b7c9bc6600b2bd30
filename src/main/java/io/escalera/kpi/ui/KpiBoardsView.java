package io.escalera.kpi.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.escalera.customer.CustomerService;
import io.escalera.kpi.Board;
import io.escalera.kpi.Kpi;
import io.escalera.kpi.KpiDrillDowns;
import io.escalera.kpi.KpiPeriod;
import io.escalera.kpi.KpiService;
import io.escalera.kpi.KpiTile;
import io.escalera.security.UnitDirectory;
import io.escalera.shared.GeneralSettingsService;
import io.escalera.shared.ui.CsvDownload;
import io.escalera.shared.ui.LocalizedTitle;
import io.escalera.shared.ui.PagePolling;
import io.escalera.shared.ui.XlsxDownload;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The KPI boards: executive, service, voice and commerce, and the units side by side. The view composes the filter
 * bar ({@link KpiFilterBar}), one card per KPI ({@link KpiTileCard}: value, changes, target, sparkline, drill-downs),
 * the Voice board's score distributions ({@link ScoreDistributions}) and the unit comparison
 * ({@link UnitComparisonGrid}), with the export of what is shown. STAFF see only the service board.
 */
@Route("kpi")
@Menu(title = "nav.kpi", order = 21.2, icon = "vaadin:dashboard")
@RolesAllowed({"STAFF", "MANAGER", "EXECUTIVE", "ADMIN"})
public class KpiBoardsView extends VerticalLayout implements LocalizedTitle {

    private final KpiService kpis;
    private final KpiDrillDowns drillDowns;
    private final Currency currency;
    private final KpiFilterBar filters;
    private final Tabs tabs = new Tabs();
    private final Map<Tab, Board> boards = new LinkedHashMap<>();
    private final FlexLayout tiles = new FlexLayout();
    private final ScoreDistributions distributions;
    private final HorizontalLayout toolbar = new HorizontalLayout();
    /** While sparkline points of the board are computed in the background: the page polls, then shows them. */
    private final PagePolling sparklinePolling = new PagePolling();
    private boolean redrawingSparklines;
    private final Tab compareTab = new Tab();
    private final Map<Long, String> unitNames = new HashMap<>();

    public KpiBoardsView(KpiService kpis, KpiDrillDowns drillDowns, CustomerService customers, GeneralSettingsService general, Clock clock) {
        this.kpis = kpis;
        this.drillDowns = drillDowns;
        this.currency = general.currency();
        setSizeFull();
        List<UnitDirectory.UnitRef> units = customers.selectableUnits();
        units.forEach(u -> unitNames.put(u.id(), u.label()));
        filters = new KpiFilterBar(units, customers.mayWidenToAllUnits(), clock, this::refresh);
        compareTab.setLabel(getTranslation("kpi.compare"));
        for (Board board : kpis.boards()) {
            Tab tab = new Tab(getTranslation("kpi.board." + board));
            tab.setId("board-" + board.name().toLowerCase());
            boards.put(tab, board);
            tabs.add(tab);
        }
        if (answersAllowed()) {
            compareTab.setId("board-compare");
            tabs.add(compareTab);
        }
        tabs.addSelectedChangeListener(e -> refresh());
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-m)");
        tiles.setWidthFull();
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        distributions = new ScoreDistributions(drillDowns);
        add(filters, tabs, tiles, distributions, toolbar);
        refresh();
    }

    /** Whether the user sees more than the service board (then also the answers behind NPS and the comparison). */
    private boolean answersAllowed() {
        return !kpis.boards().equals(List.of(Board.SERVICE));
    }

    private void refresh() {
        sparklinePolling.stop();
        tiles.removeAll();
        distributions.removeAll();
        toolbar.removeAll();
        KpiPeriod period = filters.period();
        if (period != null && tabs.getSelectedTab() == compareTab) {
            compare(period);
            return;
        }
        Board board = boards.get(tabs.getSelectedTab());
        if (period == null || board == null) {
            return;
        }
        List<KpiTile> shown = kpis.board(board, filters.filter(), period);
        boolean answers = answersAllowed();
        shown.forEach(tile -> tiles.add(new KpiTileCard(tile, period, board, filters::filter, drillDowns, currency, answers)));
        if (kpis.sparklinesPending() && !redrawingSparklines) {
            awaitSparklines();
        }
        redrawingSparklines = false;
        if (board == Board.VOICE) {
            distributions.show(filters.filter(), period);
        }
        List<List<String>> csv = new ArrayList<>();
        csv.add(List.of(getTranslation("kpi.kpi"), getTranslation("kpi.value"), getTranslation("kpi.previous"), getTranslation("kpi.year-earlier"),
                getTranslation("kpi.period.from"), getTranslation("kpi.period.to")));
        shown.forEach(t -> csv.add(List.of(getTranslation("kpi." + t.kpi()), KpiFormats.raw(t.value()), KpiFormats.raw(t.previous()),
                KpiFormats.raw(t.yearEarlier()), period.from().toString(), period.to().toString())));
        String file = "kpi-" + board.name().toLowerCase() + "-" + period.from() + (filters.tierName() == null ? "" : "-tier-" + filters.tierName());
        toolbar.add(CsvDownload.link(getTranslation("ladder-reports.export"), file + ".csv", () -> csv),
                XlsxDownload.link(getTranslation("kpi.export-xlsx"), file + ".xlsx", getTranslation("kpi.board." + board), () -> csv));
    }

    private void awaitSparklines() {
        int[] polls = {0};
        sparklinePolling.start(1000, e -> {
            if (!kpis.sparklinesPending()) {
                // once: a board whose points could not be kept does not redraw for ever
                redrawingSparklines = true;
                refresh();
            } else if (++polls[0] >= 60) {
                sparklinePolling.stop();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        sparklinePolling.stop();
    }

    /** The executive KPIs, one row per unit. */
    private void compare(KpiPeriod period) {
        List<Kpi> columns = Board.EXECUTIVE.kpis().stream().filter(Kpi::fromDailyFacts).toList();
        UnitComparisonGrid grid = new UnitComparisonGrid(kpis.compareUnits(filters.filter(), period, columns), columns, unitNames, currency);
        tiles.add(grid);
        List<List<String>> csv = grid.csv();
        String file = "kpi-units-" + period.from();
        toolbar.add(CsvDownload.link(getTranslation("ladder-reports.export"), file + ".csv", () -> csv),
                XlsxDownload.link(getTranslation("kpi.export-xlsx"), file + ".xlsx", getTranslation("kpi.compare"), () -> csv));
    }

    @Override
    public String titleKey() {
        return "nav.kpi";
    }
}
