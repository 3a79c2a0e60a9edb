/**
 * The report page's own script (plain ES2017, runs in the browser): reads the JSON data block and
 * draws the candle chart (lightweight-charts, globals `LightweightCharts`) and the line charts
 * (uPlot, global `uPlot`). Kept as a string because the project compiles for Node without DOM
 * types; it has no `</script`, no template literals and no network access.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var GREEN = '#089981', RED = '#f23645', BLUE = '#2962ff', TEXT = '#131722', MUTED = '#787b86';
  var GRID = '#f0f3fa', BORDER = '#e0e3eb';
  var FONT = '-apple-system, BlinkMacSystemFont, "Trebuchet MS", Roboto, Ubuntu, sans-serif';

  /* Same conventions as src/report/format.ts: thousands separators, U+2212 minus. */
  function fmt(v, decimals) {
    if (v === null || v === undefined || isNaN(v)) return 'N/A';
    var s = Math.abs(v).toFixed(decimals);
    var parts = s.split('.');
    parts[0] = parts[0].replace(/\B(?=(\d{3})+$)/g, ',');
    s = parts.join('.');
    return (v < 0 && /[1-9]/.test(s) ? '\u2212' : '') + s;
  }
  function decimalsFor(increment) { return increment >= 1 ? 0 : increment >= 0.1 ? 1 : 2; }

  function priceChart() {
    var el = document.getElementById('price-chart');
    var c = data.candles;
    if (!el || !c) return;
    var LC = window.LightweightCharts;
    var chart = LC.createChart(el, {
      autoSize: true,
      layout: { background: { type: 'solid', color: '#ffffff' }, textColor: TEXT, fontFamily: FONT, attributionLogo: true },
      grid: { vertLines: { color: GRID }, horzLines: { color: GRID } },
      rightPriceScale: { borderColor: BORDER },
      timeScale: { borderColor: BORDER, timeVisible: true, secondsVisible: false }
    });
    var candles = chart.addSeries(LC.CandlestickSeries, {
      upColor: GREEN, downColor: RED, borderVisible: false, wickUpColor: GREEN, wickDownColor: RED
    });
    var volume = chart.addSeries(LC.HistogramSeries, {
      priceScaleId: 'volume', priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false
    });
    volume.priceScale().applyOptions({ scaleMargins: { top: 0.82, bottom: 0 } });
    var rows = [], vols = [];
    for (var i = 0; i < c.t.length; i++) {
      if (c.o[i] === null || c.h[i] === null || c.l[i] === null || c.c[i] === null) continue;
      rows.push({ time: c.t[i], open: c.o[i], high: c.h[i], low: c.l[i], close: c.c[i] });
      if (c.v[i] !== null) {
        vols.push({ time: c.t[i], value: c.v[i], color: c.c[i] >= c.o[i] ? 'rgba(8,153,129,0.35)' : 'rgba(242,54,69,0.35)' });
      }
    }
    candles.setData(rows);
    volume.setData(vols);
    LC.createSeriesMarkers(candles, data.markers);
    chart.timeScale().fitContent();
  }

  function utc(ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); }
  /* ISO-style UTC labels, as precise as the tick spacing needs: 2025-04-21 09:15, 04-21, 2025-04. */
  function iso(ts) { return new Date(ts * 1000).toISOString(); }
  function timeAxis(u, splits, axisIdx, space, incr) {
    return splits.map(function (ts) {
      var s = iso(ts);
      if (incr < 86400) return s.slice(5, 10) + ' ' + s.slice(11, 16);
      if (incr < 28 * 86400) return s.slice(5, 10);
      return s.slice(0, 7);
    });
  }
  function timeValue(u, ts) { return ts === null ? '--' : iso(ts).slice(0, 16).replace('T', ' '); }

  /* A uPlot chart filling its container's width; 'series' are uPlot series options. */
  function plot(id, xs, ys, series, yValues, isTime) {
    var el = document.getElementById(id);
    if (!el || xs.length === 0) return;
    var height = el.clientHeight - 34;
    var xAxis = { stroke: MUTED, grid: { stroke: GRID }, ticks: { stroke: BORDER } };
    if (isTime) xAxis.values = timeAxis;
    var opts = {
      width: el.clientWidth,
      height: height,
      series: [isTime ? { label: 'Time (UTC)', value: timeValue } : { label: 'Trial' }].concat(series),
      scales: { x: { time: isTime } },
      axes: [
        xAxis,
        { stroke: MUTED, grid: { stroke: GRID }, ticks: { stroke: BORDER }, size: 80, values: yValues }
      ],
      legend: { live: true },
      cursor: { drag: { x: true, y: false } }
    };
    if (isTime) opts.tzDate = utc;
    var u = new uPlot(opts, [xs].concat(ys), el);
    window.addEventListener('resize', function () { u.setSize({ width: el.clientWidth, height: height }); });
  }

  function moneyAxis(u, splits, axisIdx, space, incr) {
    return splits.map(function (v) { return fmt(v, decimalsFor(incr)); });
  }
  function percentAxis(u, splits, axisIdx, space, incr) {
    return splits.map(function (v) { return fmt(v, decimalsFor(incr)) + '%'; });
  }
  function money(u, v) { return v === null ? '' : fmt(v, 2) + ' ' + data.currency; }
  function percent(u, v) { return v === null ? '' : fmt(v, 2) + '%'; }
  function statistic(u, v) { return v === null ? '' : fmt(v, 4); }
  function yMin(u) { return u.scales.y.min; }
  function noLine() { return null; }

  priceChart();
  plot('equity-chart', data.equity.t, [data.equity.e],
    [{ label: 'Equity', stroke: BLUE, width: 1.5, fill: 'rgba(41,98,255,0.08)', fillTo: yMin, value: money }], moneyAxis, true);
  plot('drawdown-chart', data.equity.t, [data.equity.dd],
    [{ label: 'Drawdown', stroke: RED, width: 1, fill: 'rgba(242,54,69,0.15)', fillTo: 0, value: percent }], percentAxis, true);
  if (data.convergence) {
    plot('convergence-chart', data.convergence.n, [data.convergence.value, data.convergence.best], [
      { label: 'Objective', stroke: MUTED, paths: noLine, points: { show: true, size: 4, fill: MUTED }, value: statistic },
      { label: 'Best so far', stroke: GREEN, width: 2, value: statistic }
    ], moneyAxis, false);
  }
  if (data.walkForward) {
    plot('wf-chart', data.walkForward.t, [data.walkForward.e],
      [{ label: 'Out-of-sample equity', stroke: BLUE, width: 1.5, value: money }], moneyAxis, true);
  }
})();
`;
