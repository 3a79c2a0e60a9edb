import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inferMintick, parseTomlSubset, resolveSymbolSettings } from '../../src/data/index.js';

describe('resolveSymbolSettings', () => {
  it('options win over the file, the file over inference; the sources say which', () => {
    const result = resolveSymbolSettings({
      options: { mintick: 0.25 },
      file: {
        path: 's.json',
        text: '{"mintick": 0.5, "pointvalue": 50, "currency": "USD", "session": "0930-1600", "type": "futures"}',
      },
    });
    expect(result.settings).toEqual({
      mintick: 0.25,
      pointvalue: 50,
      currency: 'USD',
      timezone: 'Etc/UTC',
      session: '0930-1600',
      type: 'futures',
    });
    expect(result.sources).toEqual({
      mintick: 'option',
      pointvalue: 'file',
      currency: 'file',
      timezone: 'default',
      session: 'file',
      type: 'file',
    });
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['PP4051', 'symbol settings defaulted: timezone = Etc/UTC'],
    ]);
  });

  it('infers mintick from the prices with a warning', () => {
    const prices = [new Float64Array([2644.02, 2648.1, 2643.4]), new Float64Array([2647.98])];
    const result = resolveSymbolSettings({ prices });
    expect(result.settings.mintick).toBe(0.01);
    expect(result.sources.mintick).toBe('inferred');
    expect(result.diagnostics[0]).toMatchObject({
      code: 'PP4050',
      severity: 'warning',
      message: "mintick not given: inferred 0.01 from the prices' decimals",
    });
  });

  it('reads the corpus inputs.json syminfo_overrides (ticker and tickerid are accepted, not used)', () => {
    const text = readFileSync(
      '/work/shared/parity/eth-usdt-15m/cases/symbol-specified/AAPL/session-ismarket-nyse-rth-01/inputs.json',
      'utf8',
    );
    const result = resolveSymbolSettings({
      file: { path: 'inputs.json', text },
      options: { mintick: 0.01, currency: 'USD', type: 'stock', pointvalue: 1 },
    });
    expect([result.settings.timezone, result.settings.session, result.ok]).toEqual([
      'America/New_York',
      '0930-1600',
      true,
    ]);
  });

  it('reads the TOML of the shared oracles ([symbol] table, [[opening_hours]] ignored; mintick given)', () => {
    const text = readFileSync('/work/shared/oracles/ta/vwap.toml', 'utf8');
    const result = resolveSymbolSettings({ file: { path: 'vwap.toml', text } });
    expect(result.settings).toMatchObject({
      mintick: 0.00001,
      pointvalue: 1,
      currency: 'USD',
      timezone: 'US/Eastern',
      type: 'forex',
    });
    expect(result.ok).toBe(true);
  });

  it('reports bad values and unknown keys', () => {
    const result = resolveSymbolSettings({
      file: {
        path: 's.toml',
        text: 'mintick = -1\ncolour = "red"\ntype = "spaceship"\nsession = "always"\nthis is not toml\n',
      },
    });
    expect(result.diagnostics.map((d) => [d.code, d.span?.line, d.message])).toEqual([
      ['PP4052', undefined, "unknown symbol setting 'colour' ignored"],
      ['PP4051', undefined, 'symbol settings defaulted: pointvalue = 1, currency = USD, timezone = Etc/UTC'],
      ['PP4053', undefined, 'mintick -1 is not a positive number'],
      ['PP4053', undefined, "session 'always' is not 24x7 or HHMM-HHMM[:days]"],
      ['PP4053', undefined, "type 'spaceship' is not a syminfo.type"],
      // Diagnostics without a position come first, then by line.
      ['PP4054', 5, "expected key = value, found 'this is not toml'"],
    ]);
    expect(result.ok).toBe(false);
  });
});

describe('inferMintick', () => {
  it('takes the most decimals any price needs', () => {
    expect(inferMintick([new Float64Array([1.06994, 1.0691, 1.07])])).toBe(0.00001);
    expect(inferMintick([new Float64Array([100, 250])])).toBe(1);
    expect(inferMintick([new Float64Array([0.00000123])])).toBe(0.00000001);
  });
});

describe('parseTomlSubset', () => {
  it('reads strings, numbers with underscores, booleans and comments', () => {
    const doc = parseTomlSubset(
      'a = "x # not a comment" # comment\nb = 1_000.5\nc = true\n[t]\nd = \'lit\'\n',
    );
    const get = (table: string, key: string) => doc.tables.get(table)?.get(key)?.value;
    expect([get('', 'a'), get('', 'b'), get('', 'c'), get('t', 'd')]).toEqual([
      'x # not a comment',
      1000.5,
      true,
      'lit',
    ]);
    expect(doc.problems).toEqual([]);
  });
});
