/**
 * The report in a real browser: Debian's Chromium driven by playwright-core. The page must load from
 * file:// with no console error, page error or network request; every chart canvas must have drawn
 * (candle colours on the price chart, the equity line's blue, the drawdown's red); the Performance
 * Summary's cells must read back as the input's numbers; hostile text must stay text. Screenshots
 * go to test-artifacts/ for a human to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFormatted, renderReport, type ReportInput } from '../../src/report/index.js';
import type { PerformanceSummary, SummaryColumn } from '../../src/runtime/strategy/summary.js';
import type { ElementLike, PageGlobals } from './dom.js';
import { watchProblems } from './problems.js';
import { buildReportInput, HOSTILE_TITLE } from './fixture.js';
import { buildFullReportInput } from './sections-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`report browser test skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** What one page load produced. */
interface Loaded {
  readonly page: Page;
  readonly problems: string[];
}

/** RGB triples the page's canvases draw, by chart container id: [colour count, colours present]. */
interface CanvasReport {
  readonly distinct: number;
  readonly has: Readonly<Record<string, boolean>>;
}

/** Counts distinct colours over every canvas in a container and looks for the given colours (±10 per channel). */
async function inspectCanvases(
  page: Page,
  id: string,
  wanted: Record<string, readonly [number, number, number]>,
): Promise<CanvasReport> {
  return page.evaluate(
    ({ id: containerId, wanted: colours }) => {
      const seen = new Set<number>();
      const has: Record<string, boolean> = {};
      for (const name of Object.keys(colours)) has[name] = false;
      const page = globalThis as unknown as PageGlobals;
      const container = page.document.getElementById(containerId);
      for (const canvas of Array.from(container?.querySelectorAll('canvas') ?? [])) {
        const ctx = canvas.getContext('2d');
        if (ctx === null || canvas.width === 0 || canvas.height === 0) continue;
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < pixels.length; i += 4) {
          if (pixels[i + 3] < 200) continue;
          const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
          seen.add((r << 16) | (g << 8) | b);
          for (const [name, [cr, cg, cb]] of Object.entries(colours)) {
            if (Math.abs(r - cr) <= 10 && Math.abs(g - cg) <= 10 && Math.abs(b - cb) <= 10) has[name] = true;
          }
        }
      }
      return { distinct: seen.size, has };
    },
    { id, wanted },
  );
}

/** The input figure a `data-key` names: `all.netProfit` → summary.all.netProfit, `account.x` → summary.x. */
function summaryValue(summary: PerformanceSummary, key: string): number {
  const [group, field] = key.split('.');
  if (group === 'account')
    return summary[field as Exclude<keyof PerformanceSummary, 'all' | 'long' | 'short'>];
  if (group !== 'all' && group !== 'long' && group !== 'short') throw new Error(`unexpected data-key ${key}`);
  return summary[group][field as keyof SummaryColumn];
}

describe.skipIf(!hasChromium)('report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    dir = mkdtempSync(join(tmpdir(), 'pineport-report-'));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Renders `input` to a temp file, opens it at 1366×768 and waits for the charts' first frames. */
  async function load(input: ReportInput, name: string): Promise<Loaded> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, renderReport(input));
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const problems = watchProblems(page);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        (globalThis as unknown as PageGlobals).document.querySelectorAll('#equity-chart canvas').length > 0,
    );
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const g = globalThis as unknown as PageGlobals;
          g.requestAnimationFrame(() => g.requestAnimationFrame(resolve));
        }),
    );
    // The page fits a 1366-px laptop screen: nothing wider than the viewport.
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(1366);
    return { page, problems };
  }

  it('draws the backtest report with no errors, non-blank charts and the input numbers', async () => {
    const input = buildReportInput();
    const { page, problems } = await load(input, 'report');
    expect(problems).toEqual([]);

    // Candles: TradingView's up green and down red; markers: buy blue.
    const price = await inspectCanvases(page, 'price-chart', {
      up: [8, 153, 129],
      down: [242, 54, 69],
      buy: [41, 98, 255],
    });
    expect(price.distinct).toBeGreaterThan(1);
    expect(price.has).toEqual({ up: true, down: true, buy: true });
    const equity = await inspectCanvases(page, 'equity-chart', { line: [41, 98, 255] });
    expect(equity.distinct).toBeGreaterThan(1);
    expect(equity.has.line).toBe(true);
    const drawdown = await inspectCanvases(page, 'drawdown-chart', { line: [242, 54, 69] });
    expect(drawdown.distinct).toBeGreaterThan(1);
    expect(drawdown.has.line).toBe(true);

    // lightweight-charts' licence: its TradingView logo link stays on the chart, and a credit line shows.
    expect(await page.locator('#price-chart a[href^="https://www.tradingview.com"]').count()).toBe(1);
    expect(await page.locator('.credit a[href="https://www.tradingview.com/"]').isVisible()).toBe(true);

    // Every summary figure reads back as the input's value, to the precision shown.
    const cells = await page.$$eval('table.summary [data-key]', (els: unknown[]) =>
      (els as ElementLike[]).map((e): [string, string] => [
        e.getAttribute('data-key') ?? '',
        e.textContent ?? '',
      ]),
    );
    expect(cells.length).toBeGreaterThan(80);
    const summary = input.summary;
    if (summary === undefined) throw new Error('the fixture has a Performance Summary');
    for (const [key, text] of cells) {
      const expected = summaryValue(summary, key);
      const shown = parseFormatted(text);
      if (Number.isNaN(expected)) {
        expect(text, key).toBe('N/A');
        continue;
      }
      const decimals = /\.(\d+)/.exec(text)?.[1].length ?? 0;
      expect(Math.abs(shown - expected), `${key}: ${text} vs ${String(expected)}`).toBeLessThanOrEqual(
        0.5 * 10 ** -decimals + 1e-9,
      );
    }
    // Spot checks with the exact text: net profit of all trades and its sign colour.
    const net = summary.all.netProfit;
    const netCell = page.locator('table.summary [data-key="all.netProfit"]');
    expect(await netCell.getAttribute('class')).toBe(net < 0 ? 'neg' : 'pos');

    // Hostile text is shown as text and ran nothing.
    expect(await page.title()).toBe(`${HOSTILE_TITLE} — pineport report`);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).pwned)).toBeUndefined();
    // List of trades: two rows per trade.
    expect(await page.locator('table.trades tbody tr').count()).toBe(input.trades.length * 2);

    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    await page.close();
  });

  it('draws the optional sections and highlights the first divergence', async () => {
    const input = buildFullReportInput();
    const { page, problems } = await load(input, 'report-sections');
    expect(problems).toEqual([]);
    for (const id of ['convergence-chart', 'wf-chart']) {
      const canvas = await inspectCanvases(page, id, {});
      expect(canvas.distinct, id).toBeGreaterThan(1);
    }
    // Trade 4's exit differs: its row is the highlighted first divergence, with the exit price marked.
    const first = page.locator('#first-divergence');
    expect(await first.count()).toBe(1);
    expect(await first.locator('td.diff').first().textContent()).toBe(
      input.trades[3].exitPrice.toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ','),
    );
    expect(await page.locator('.diff-table tbody tr').count()).toBe(input.trades.length);
    // Health: a nav link to it, its heading, the three findings worst first, the finding's <b> as text.
    expect(await page.locator('nav a[href="#health"]').textContent()).toBe('Health');
    expect(await page.locator('#health h2').textContent()).toBe('Health');
    const findings = await page.$$eval('#health tbody tr', (rows: unknown[]) =>
      (rows as ElementLike[]).map((r) => r.textContent ?? ''),
    );
    expect(findings.map((f) => f.slice(0, f.indexOf('PP')))).toEqual(['error', 'warning', 'info']);
    expect(findings[0]).toContain("plot '<b>fast</b>' changed before the cut");
    expect(await page.locator('#health b').count()).toBe(0);
    expect(await page.locator('#health p').first().textContent()).toBe(
      'look-ahead: 3 truncated runs, 1 changed bars before their cut',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'report-sections.png'), fullPage: true });
    await page.close();
  });

  it('draws a walk-forward run, which has no Performance Summary, without errors', async () => {
    // A walk-forward run stitches out-of-sample windows: no single backtest to summarise, no trades.
    const full = buildFullReportInput();
    const input: ReportInput = {
      meta: full.meta,
      trades: [],
      equity: full.equity,
      ...(full.walkForward === undefined ? {} : { walkForward: full.walkForward }),
      ...(full.robustness === undefined ? {} : { robustness: full.robustness }),
    };
    const { page, problems } = await load(input, 'report-walk-forward');
    expect(problems).toEqual([]);
    expect(await page.locator('#summary').count()).toBe(0);
    expect(await page.locator('nav a[href="#summary"], a[href="#summary"]').count()).toBe(0);
    for (const id of ['equity-chart', 'wf-chart']) {
      const canvas = await inspectCanvases(page, id, {});
      expect(canvas.distinct, id).toBeGreaterThan(1);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'report-walk-forward.png'), fullPage: true });
    await page.close();
  });
});
