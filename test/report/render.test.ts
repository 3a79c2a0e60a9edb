import { describe, expect, it } from 'vitest';
import { inlineScript } from '../../src/report/assets.js';
import { escapeHtml, jsonForScript } from '../../src/report/escape.js';
import { renderReport } from '../../src/report/index.js';
import { buildReportInput, HOSTILE_SIGNAL, HOSTILE_TITLE } from './fixture.js';
import { buildFullReportInput } from './sections-fixture.js';

/** The JSON data block of a rendered page. */
function dataBlock(html: string): unknown {
  const match = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
  if (match === null) throw new Error('no data block');
  return JSON.parse(match[1]);
}

describe('escaping', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('makes JSON safe inside a script element and keeps it parseable', () => {
    const value = { s: '</script><!-- \u2028', n: NaN, a: new Float64Array([1, Infinity, 2.5]) };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/<\/script|<!--|\u2028/i);
    expect(JSON.parse(json)).toEqual({ s: '</script><!-- \u2028', n: null, a: [1, null, 2.5] });
  });
});

describe('inlined library source', () => {
  it('cannot close its script element early', () => {
    // `<\/script` is the same JavaScript string as `</script`, but not an end tag to the HTML parser.
    expect(inlineScript('var s = "</script>"; var t = "</SCRIPT >";')).toBe(
      'var s = "<\\/script>"; var t = "<\\/SCRIPT >";',
    );
  });
});

describe('renderReport', () => {
  const html = renderReport(buildReportInput());

  it('is one offline file: libraries inline, no external script, style or fetch', () => {
    expect(html).toContain('TradingView Lightweight Charts™ v5.2.1');
    expect(html).toMatch(/uPlot/);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).toContain(`default-src 'none'`);
    // The only absolute URL in the markup is the attribution link the licence asks for.
    const body = html.slice(0, html.indexOf('<script type="application/json"'));
    expect(new Set(body.match(/https?:\/\/[^"'<\s]+/g))).toEqual(new Set(['https://www.tradingview.com/']));
  });

  it('escapes user text everywhere it appears', () => {
    expect(html).not.toContain(HOSTILE_TITLE);
    expect(html).not.toContain(HOSTILE_SIGNAL);
    expect(html).toContain(escapeHtml(HOSTILE_TITLE));
    expect(html).toContain(escapeHtml(HOSTILE_SIGNAL));
    // Exactly the four script elements we wrote: data, two libraries, page script.
    expect(html.match(/<script\b/g)).toHaveLength(4);
    expect(html.match(/<\/script>/g)).toHaveLength(4);
  });

  it('embeds the chart data with times in seconds and markers on bars', () => {
    const input = buildReportInput();
    const data = dataBlock(html) as {
      candles: { t: number[] };
      markers: { time: number; text: string }[];
      equity: { e: number[] };
    };
    expect(data.candles.t[0]).toBe(input.meta.from / 1000);
    expect(data.equity.e).toHaveLength(input.equity.equity.length);
    // 9 trades: 9 entries, 8 exits (the last is open); the third entry carries the hostile signal as data.
    expect(data.markers).toHaveLength(17);
    expect(data.markers.map((m) => m.text)).toContain(HOSTILE_SIGNAL);
  });

  it('renders optional sections only when present', () => {
    for (const id of ['optimisation', 'walk-forward', 'robustness', 'verify', 'health']) {
      expect(html).not.toContain(`id="${id}"`);
      expect(html).not.toContain(`href="#${id}"`);
    }
    const full = renderReport(buildFullReportInput());
    for (const id of ['optimisation', 'walk-forward', 'robustness', 'verify', 'first-divergence', 'health']) {
      expect(full).toContain(`id="${id}"`);
    }
    for (const id of ['optimisation', 'walk-forward', 'robustness', 'verify', 'health'])
      expect(full).toContain(`href="#${id}"`);
  });

  it('leaves the price chart out when there are no bars', () => {
    const noBars = renderReport({ ...buildReportInput(), bars: undefined });
    expect(noBars).not.toContain('id="price-chart"');
    expect(noBars).toContain('id="equity-chart"');
  });
});
