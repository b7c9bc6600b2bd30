import * as echarts from 'echarts';

/**
 * <escalera-chart>: one Apache ECharts instance. The server sets `option` (the chart's JSON) and hears `chart-click`
 * with the series and data index of what was clicked. SVG rendering keeps the chart sharp and its parts in the DOM.
 */
class EscaleraChart extends HTMLElement {

  connectedCallback() {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    this._chart = echarts.init(this, null, { renderer: 'svg' });
    this._chart.on('click', (params) => {
      this.dispatchEvent(new CustomEvent('chart-click', {
        detail: { seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex ?? 0, dataType: params.dataType || '' }
      }));
    });
    // "rendered" marks a chart whose animation has finished (what a browser test waits for before clicking)
    this._chart.on('finished', () => this.setAttribute('rendered', ''));
    this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
    this._resize.observe(this);
    if (this._option) {
      this._chart.setOption(this._option, true);
    }
  }

  disconnectedCallback() {
    this._resize?.disconnect();
    this._chart?.dispose();
    this._chart = null;
  }

  set option(json) {
    this._option = typeof json === 'string' ? JSON.parse(json) : json;
    this.removeAttribute('rendered');
    if (this._chart) {
      this._chart.setOption(this._option, true);
    }
  }

  get option() {
    return this._option;
  }

  /** Where a data item sits on screen (for keyboard users' focus rings and browser tests): [x, y] or null. */
  pixelOf(seriesIndex, dataIndex) {
    const layout = this._chart?.getModel()?.getSeriesByIndex(seriesIndex)?.getData()?.getItemLayout(dataIndex);
    if (!layout) {
      return null;
    }
    if (layout.x !== undefined && layout.width !== undefined) {
      return [layout.x + layout.width / 2, layout.y + layout.height / 2];
    }
    if (Array.isArray(layout.points)) {
      const xs = layout.points.map(p => p[0]);
      const ys = layout.points.map(p => p[1]);
      return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
    }
    return null;
  }
}

customElements.define('escalera-chart', EscaleraChart);
