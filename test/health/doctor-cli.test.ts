import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/cli.js';
import { healthCodes } from '../../src/diagnostics/codes/health.js';
import { healthReportSchema } from '../../src/health/index.js';

const budget = [
  '--data',
  'data/eth-usdt-15m.csv',
  '--bars',
  '800',
  '--max-cuts',
  '8',
  '--offsets',
  '0,100',
  '--max-input-runs',
  '0',
];

describe('pineport doctor', () => {
  it('--json prints a report the schema accepts; a confirmed look-ahead exits 1', async () => {
    const r = await cli(['doctor', 'test/fixtures/health/lookahead-htf.pine', ...budget, '--json']);
    const code = r.code;
    expect(r.err).toBe('');
    expect(code).toBe(1);
    const report = healthReportSchema.parse(JSON.parse(r.out));
    expect(report.bars).toBe(800);
    expect(report.findings.map((d) => d.code)).toContain(healthCodes.lookaheadConfirmed.code);
    // 2 full runs, 8 cuts, 1 offset, and one with v6's 100 % margin (a v5 script without margins).
    expect(report.runs).toBe(12);
  });

  it('text output groups findings by severity; a clean strategy exits 0', async () => {
    const r = await cli(['doctor', 'test/fixtures/health/lookahead-htf-off.pine', ...budget]);
    const code = r.code;
    expect(code).toBe(0);
    const text = r.out;
    expect(text).not.toContain('Errors (');
    expect(text).toContain('Notes (');
    expect(text).toContain('look-ahead: 8 truncated runs, 0 changed bars before their cut');
  });

  it('bad options are usage errors (exit 2)', async () => {
    const r = await cli([
      'doctor',
      'test/fixtures/health/lookahead-htf.pine',
      '--data',
      'data/eth-usdt-15m.csv',
      '--offsets',
      '0,x',
    ]);
    const code = r.code;
    expect(code).toBe(2);
    expect(r.err).toContain('--offsets');
  });
});

describe('pineport doctor --inputs', () => {
  it('input values are checked against the declared bounds (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-doctor-'));
    const inputs = join(dir, 'in.json');
    // "Length" is declared with minval = 5.
    writeFileSync(inputs, JSON.stringify({ Length: 2 }));
    const r = await cli(['doctor', 'test/fixtures/health/dead-input.pine', ...budget, '--inputs', inputs]);
    const code = r.code;
    expect(code).toBe(2);
    expect(r.err).toContain('input len');
  });
});
