/**
 * `pineport doctor --report`: the HTML report of the doctor's full-feed backtest with the Health
 * section, opened in Debian's Chromium. The section must show the findings of the `--json` report
 * worst first, the trade list must hold the trades the sanity report counted (same feed, same
 * inputs: the same backtest), and the page must load with no console error, page error or request.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthCodes } from '../../src/diagnostics/codes/health.js';
import { healthReportSchema } from '../../src/health/index.js';
import { cli } from '../cli/cli.js';
import type { ElementLike } from '../report/dom.js';
import { watchProblems } from '../report/problems.js';

const CHROMIUM = '/usr/bin/chromium';
/** The section lists errors, then warnings, then notes, each group in the report's order. */
const RANK = { error: 0, warning: 1, info: 2 } as const;

/** A small check (800 bars, 8 cuts, one warm-up offset, no dead-input runs), as in doctor-cli.test.ts. */
const BUDGET = '--data data/eth-usdt-15m.csv --bars 800 --max-cuts 8 --offsets 0,100 --max-input-runs 0';

/** `pineport doctor test/fixtures/health/<fixture>.pine` on the small budget, plus `extra`. */
function doctor(fixture: string, ...extra: string[]): ReturnType<typeof cli> {
  return cli(['doctor', `test/fixtures/health/${fixture}.pine`, ...BUDGET.split(' '), ...extra]);
}

describe('pineport doctor --report', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pineport-doctor-report-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the backtest report with a Health section holding the findings', async () => {
    const file = join(dir, 'doctor.html');
    const r = await doctor('lookahead-htf', '--json', '--report', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    // --json keeps stdout one JSON document: the report's path is not printed into it.
    const health = healthReportSchema.parse(JSON.parse(r.out));
    const sanity = health.sanity;
    if (sanity === undefined) throw new Error('a complete run has a sanity report');
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<a href="#health">Health</a>');
    expect(html).toContain('<section id="health"');

    if (!existsSync(CHROMIUM)) {
      console.warn(`doctor report browser check skipped: ${CHROMIUM} is not installed`);
      return;
    }
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const problems = watchProblems(page);
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.locator('#equity-chart canvas').first().waitFor();
      expect(problems).toEqual([]);
      expect(await page.locator('#health h2').textContent()).toBe('Health');
      const codes = await page.$$eval('#health tbody tr td:nth-child(2)', (cells: unknown[]) =>
        (cells as ElementLike[]).map((c) => c.textContent ?? ''),
      );
      const worstFirst = [...health.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
      expect(codes).toEqual(worstFirst.map((d) => d.code));
      expect(codes).toContain(healthCodes.lookaheadConfirmed.code);
      // The List of Trades shows two rows per trade; the sanity report counted the same run's trades.
      expect(sanity.closedTrades + sanity.openTrades).toBeGreaterThan(0);
      expect(await page.locator('table.trades tbody tr').count()).toBe(
        2 * (sanity.closedTrades + sanity.openTrades),
      );
      expect(await page.locator('#summary').count()).toBe(1);
    } finally {
      await browser.close();
    }
  });

  it('prints the report path in text mode; an unwritable path is an I/O error (exit 2)', async () => {
    const file = join(dir, 'clean.html');
    const ok = await doctor('lookahead-htf-off', '--report', file);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`report: ${file}\n`);
    expect(existsSync(file)).toBe(true);
    const bad = join(dir, 'no-such-dir', 'r.html');
    const failed = await doctor('lookahead-htf-off', '--report', bad);
    expect(failed.code).toBe(2);
    expect(failed.err).toContain(`${bad}: error: cannot write file`);
  });
});
