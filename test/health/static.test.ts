import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { healthCodes } from '../../src/diagnostics/codes/health.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { staticFindings } from '../../src/health/index.js';
import { PineParser } from '../../src/parser/index.js';

function findings(source: string): Diagnostic[] {
  const parsed = new PineParser().parse(source);
  return staticFindings(analyze(parsed.program), 'probe.pine');
}

/** `[code, line, column]` of each finding, in source order. */
function where(source: string): [string, number | undefined, number | undefined][] {
  return findings(source).map((d) => [d.code, d.span?.line, d.span?.column]);
}

const V6 = '//@version=6\nstrategy("s")\n';

describe('request.security', () => {
  it('lookahead_on on a value that is not offset is a future leak (span: the expression)', () => {
    expect(
      where(`${V6}x = request.security(syminfo.tickerid, "D", high, lookahead = barmerge.lookahead_on)\n`),
    ).toEqual([[healthCodes.lookaheadOn.code, 3, 45]]);
  });

  it('[0] is no offset; [1] and [2] are, also inside a tuple', () => {
    const call = (expr: string): string =>
      `${V6}[a, b] = request.security(syminfo.tickerid, "D", ${expr}, lookahead = barmerge.lookahead_on)\n`;
    expect(findings(call('[close[0], open[1]]')).map((d) => d.code)).toEqual([healthCodes.lookaheadOn.code]);
    expect(findings(call('[close[1], open[2]]'))).toEqual([]);
  });

  it("the chart's own timeframe cannot leak, whatever lookahead says", () => {
    expect(
      findings(
        `${V6}x = request.security(syminfo.tickerid, timeframe.period, close, lookahead = barmerge.lookahead_on)\n`,
      ),
    ).toEqual([]);
    expect(
      findings(`${V6}x = request.security(syminfo.tickerid, "", close, lookahead = barmerge.lookahead_on)\n`),
    ).toEqual([]);
  });

  it('lookahead_off without [1] repaints in real time only: a note', () => {
    expect(
      findings(`${V6}x = request.security(syminfo.tickerid, "240", close)\n`).map((d) => [
        d.code,
        d.severity,
      ]),
    ).toEqual([[healthCodes.htfRepaints.code, 'info']]);
  });

  it('v4 security() with a lookahead argument is read as request.security', () => {
    const v4 =
      '//@version=4\nstrategy("s", margin_long = 100, margin_short = 100)\nx = security(syminfo.tickerid, "D", close, lookahead = barmerge.lookahead_on)\n';
    expect(findings(v4).map((d) => d.code)).toEqual([healthCodes.lookaheadOn.code]);
  });
});

describe('history differs from real time', () => {
  it('calc_on_every_tick and process_orders_on_close on the strategy() call', () => {
    const source = '//@version=6\nstrategy("s", calc_on_every_tick = true, process_orders_on_close = true)\n';
    expect(where(source)).toEqual([
      [healthCodes.calcOnEveryTick.code, 2, 1],
      [healthCodes.ordersOnClose.code, 2, 1],
    ]);
  });

  it('varip, barstate.isrealtime, barstate.ishistory and timenow', () => {
    const source = `${V6}varip int ticks = 0\nok = barstate.isrealtime or barstate.ishistory\nage = timenow - time\n`;
    expect(where(source)).toEqual([
      [healthCodes.varip.code, 3, 11],
      [healthCodes.realtimeBranch.code, 4, 6],
      [healthCodes.realtimeBranch.code, 4, 29],
      [healthCodes.timenow.code, 5, 7],
    ]);
  });

  it('a script variable named like nothing built-in is not flagged', () => {
    expect(findings(`${V6}isrealtime = close > open\nplot(isrealtime ? 1 : 0)\n`)).toEqual([]);
  });

  it('strategy.exit with a trailing stop', () => {
    const source = `${V6}strategy.entry("L", strategy.long)\nstrategy.exit("X", "L", trail_points = 50, trail_offset = 10)\nstrategy.exit("Y", "L", stop = 10)\n`;
    expect(where(source)).toEqual([[healthCodes.trailingStop.code, 4, 1]]);
  });
});

describe('v5 / v6 semantics', () => {
  it('a stateful call on the right of and/or (both versions), not on the left', () => {
    const body = 'a = close > open and ta.rsi(close, 14) > 50\nb = ta.rsi(close, 14) > 50 or close > open\n';
    expect(where(`${V6}${body}`)).toEqual([[healthCodes.versionLogic.code, 3, 22]]);
    expect(where(`//@version=5\nstrategy("s", margin_long = 100, margin_short = 100)\n${body}`)).toEqual([
      [healthCodes.versionLogic.code, 3, 22],
    ]);
  });

  it('division of two int constants in v5 (7 / 2 is 3 there, 3.5 in v6)', () => {
    const source = 'a = 7 / 2\nb = 7.0 / 2\n';
    expect(where(`//@version=5\nstrategy("s", margin_long = 100, margin_short = 100)\n${source}`)).toEqual([
      [healthCodes.versionDivision.code, 3, 5],
    ]);
    expect(findings(`${V6}${source}`)).toEqual([]);
  });

  it('a v5 strategy without margin settings gets the margin note; v6 and explicit margins do not', () => {
    expect(findings('//@version=5\nstrategy("s")\n').map((d) => d.code)).toEqual([
      healthCodes.versionMargin.code,
    ]);
    expect(findings('//@version=5\nstrategy("s", margin_long = 50)\n')).toEqual([]);
    expect(findings(V6)).toEqual([]);
  });
});
