package io.escalera.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * A chart drawn by Apache ECharts in the browser (the one chart component of the product). The server gives the
 * chart's option as nested maps and lists (ECharts' own JSON vocabulary) and hears which data item was clicked.
 */
@Tag("escalera-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/escalera-chart.js")
public class EChart extends Component implements HasSize {

    public EChart() {
        setWidthFull();
        setHeight("340px");
    }

    /** Replaces what the chart shows. */
    public void setOption(Map<String, Object> option) {
        getElement().setProperty("option", JsonMapper.shared().writeValueAsString(option));
    }

    /** The option last set, as JSON (what the browser draws). */
    public String getOptionJson() {
        return getElement().getProperty("option", "");
    }

    public Registration addChartClickListener(ComponentEventListener<ChartClickEvent> listener) {
        return addListener(ChartClickEvent.class, listener);
    }

    /** A click on a data item: a bar, a funnel step, a Sankey flow ("edge") or node. */
    @DomEvent("chart-click")
    public static class ChartClickEvent extends ComponentEvent<EChart> {

        private final int seriesIndex;
        private final int dataIndex;
        private final String dataType;

        public ChartClickEvent(EChart source, boolean fromClient,
                               @EventData("event.detail.seriesIndex") int seriesIndex,
                               @EventData("event.detail.dataIndex") int dataIndex,
                               @EventData("event.detail.dataType") String dataType) {
            super(source, fromClient);
            this.seriesIndex = seriesIndex;
            this.dataIndex = dataIndex;
            this.dataType = dataType == null ? "" : dataType;
        }

        public int getSeriesIndex() {
            return seriesIndex;
        }

        public int getDataIndex() {
            return dataIndex;
        }

        /** "edge" for a Sankey flow, "node" for a Sankey node, empty for other charts. */
        public String getDataType() {
            return dataType;
        }
    }
}
