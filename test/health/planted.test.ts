import { describe, expect, it } from 'vitest';
import { healthCodes } from '../../src/diagnostics/codes/health.js';
import { checkHealth, healthReportSchema, type HealthReport } from '../../src/health/index.js';
import { ethBars, fixture } from './feed.js';

// 1,500 real 15-minute bars: enough for three warm-up offsets and ~50 hourly periods, fast to run.
const bars = ethBars(1500);

async function doctor(name: string): Promise<HealthReport> {
  const { file, source } = fixture(name);
  const { report, diagnostics } = await checkHealth(source, bars, {
    file,
    maxCuts: 20,
    offsets: [0, 100, 500],
    maxInputRuns: 0,
  });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (!report) throw new Error(`${name} did not compile`);
  // Every report is valid against the published --json schema.
  expect(healthReportSchema.parse(report)).toEqual(report);
  return report;
}

const codes = (report: HealthReport): string[] => report.findings.map((d) => d.code);

/** Findings that mean "do not trust this backtest": look-ahead, realtime-only logic, warm-up. */
const TRUST_CODES = new Set(
  [
    healthCodes.lookaheadOn,
    healthCodes.lookaheadConfirmed,
    healthCodes.realtimeBranch,
    healthCodes.warmupNeverSettles,
    healthCodes.longWarmup,
  ].map((d) => d.code),
);

describe('planted cases are flagged', () => {
  it('HTF lookahead_on without [1]: static warning and a confirmed look-ahead at the plot', async () => {
    const report = await doctor('lookahead-htf');
    expect(codes(report)).toContain(healthCodes.lookaheadOn.code);
    expect(codes(report)).toContain(healthCodes.lookaheadConfirmed.code);
    const statics = report.findings.find((d) => d.code === healthCodes.lookaheadOn.code);
    // The span is the requested expression `close` on line 5, column 54 of the fixture.
    expect(statics?.span).toMatchObject({ line: 5, column: 54 });
    const first = report.lookahead?.first;
    expect(first?.kind).toBe('plot');
    expect(first?.series).toBe('hour close');
    expect(first?.line).toBe(6);
    if (!first) return;
    // Hand check: the feed starts at 11:00 UTC, so bars 4k..4k+3 form one hour. The full run shows
    // the hour's last close on every bar of the hour; the run cut after `first.cut` only has the
    // hour up to the cut, so it shows close[cut] there.
    const hourEnd = first.bar - (first.bar % 4) + 3;
    expect(first.cut).toBeLessThan(hourEnd);
    expect(Number(first.expected)).toBe(bars.close[hourEnd]);
    expect(Number(first.actual)).toBe(bars.close[first.cut]);
  });

  it('an outer [1] on the chart timeframe does not hide a 4-hour lookahead_on read', async () => {
    const report = await doctor('lookahead-offset-trick');
    expect(codes(report)).toContain(healthCodes.lookaheadOn.code);
    expect(codes(report)).toContain(healthCodes.lookaheadConfirmed.code);
    expect(report.lookahead?.first?.line).toBe(7);
    const statics = report.findings.find((d) => d.code === healthCodes.lookaheadOn.code);
    expect(statics?.message).toContain('the [n] after the call counts chart bars');
  });

  it('a barstate.isrealtime branch is flagged at each use', async () => {
    const report = await doctor('realtime-branch');
    const realtime = report.findings.filter((d) => d.code === healthCodes.realtimeBranch.code);
    expect(realtime.map((d) => [d.span?.line, d.span?.column])).toEqual([
      [11, 20],
      [11, 60],
    ]);
    // History never runs the realtime path, so the runs cannot see it: only the static check can.
    expect(report.lookahead?.differingCuts).toBe(0);
  });

  it('a recursive average seeded on the first bar never settles', async () => {
    const report = await doctor('warmup-seeded');
    expect(codes(report)).toContain(healthCodes.warmupNeverSettles.code);
    expect(report.warmup?.settled).toBe(false);
    // Weight 0.001: a seed difference d decays to d·0.999^k — after 1,400 bars still 25 % of d.
    expect(report.warmup?.offsets.every((o) => !o.settled)).toBe(true);
    expect(report.warmup?.series).toEqual([{ title: 'level', warmupBars: 0, settled: false }]);
  });
});

describe('a long, finite warm-up is measured', () => {
  it('EMA(200): settles, needs hundreds of bars, and trades before that are counted', async () => {
    const { file, source } = fixture('warmup-ema200');
    const { report } = await checkHealth(source, ethBars(3000), {
      file,
      maxCuts: 0,
      offsets: [0, 500],
      maxInputRuns: 0,
    });
    expect(report?.warmup?.settled).toBe(true);
    const bars = report?.warmup?.plotWarmupBars ?? 0;
    // A seed difference d shrinks to d·(199/201)^k: below 1e-6 of a ~3,000 price once
    // (199/201)^k · d < 0.003, i.e. k ≈ 100·ln(d / 0.003) — 700..1,200 bars for d between 3 and 300.
    expect(bars).toBeGreaterThan(600);
    expect(bars).toBeLessThan(1300);
    expect(report?.findings.map((d) => d.code)).toContain(healthCodes.longWarmup.code);
  });
});

describe('clean counterparts are not flagged', () => {
  for (const name of [
    'lookahead-htf-clean',
    'realtime-branch-clean',
    'warmup-sma-clean',
    'lookahead-htf-off',
  ]) {
    it(`${name}: no look-ahead, realtime or warm-up finding, nothing above info`, async () => {
      const report = await doctor(name);
      expect(codes(report).filter((c) => TRUST_CODES.has(c))).toEqual([]);
      expect(report.findings.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(report.lookahead?.differingCuts).toBe(0);
      expect(report.sanity?.deterministic).toBe(true);
    });
  }

  it('SMA(50): the warm-up is exactly the 49 bars before the first full window', async () => {
    const report = await doctor('warmup-sma-clean');
    // A run that starts k bars later has na for its first 49 bars where the full run has values;
    // from bar k + 49 on both average the same 50 closes (bit-identical sums of the same window
    // are not guaranteed, so the comparison tolerance is 1e-6 relative).
    expect(report.warmup?.offsets.map((o) => o.plotWarmup)).toEqual([49, 49]);
    expect(report.warmup?.plotWarmupBars).toBe(49);
    expect(report.warmup?.series).toEqual([{ title: 'level', warmupBars: 49, settled: true }]);
  });

  it('lookahead_off without [1] gets only the realtime-repaint note', async () => {
    const report = await doctor('lookahead-htf-off');
    expect(codes(report)).toContain(healthCodes.htfRepaints.code);
  });
});
