import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellScanner, loadOhlcv, TimeZone } from '../../src/data/index.js';

function parse(text: string): { value: number; valid: boolean } {
  const scanner = new CellScanner(text);
  const value = scanner.number(0, text.length);
  return { value, valid: scanner.valid };
}

describe('CellScanner.number is correctly rounded (equals Number(), itself correctly rounded)', () => {
  it('for the shortest round-trip text of any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = String(x);
        expect(parse(text)).toEqual({ value: Number(text), valid: true });
      }),
      { numRuns: 5000 },
    );
  });
  it('for fixed-point texts with many digits (the fast path and the fallback)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (x, digits) => {
          const text = x.toFixed(digits);
          expect(parse(text).value).toBe(Number(text));
        },
      ),
      { numRuns: 5000 },
    );
  });
  it('known cases: halfway, leading dot, exponent, specials, garbage', () => {
    // 0.1 + 0.2 style: '0.3' must be the double nearest 3/10, not 3 * 0.1.
    expect(parse('0.3').value).toBe(0.3);
    expect(parse('.5').value).toBe(0.5);
    expect(parse('-1.5e-3').value).toBe(-0.0015);
    expect(parse('9007199254740993').value).toBe(9007199254740992);
    expect(parse('NaN')).toEqual({ value: Number.NaN, valid: true });
    expect(parse('-Infinity')).toEqual({ value: Number.NEGATIVE_INFINITY, valid: true });
    for (const bad of ['', '-', '1.2.3', '0x10', '1e', '12a', ' 1']) expect(parse(bad).valid).toBe(false);
  });
});

describe('CellScanner.time', () => {
  const time = (text: string): [number, number] => {
    const scanner = new CellScanner(text);
    const value = scanner.time(0, text.length);
    return [value, scanner.kind];
  };
  it('reads UNIX s and ms, ISO with and without offset, date-only', () => {
    expect(time('1672639200')).toEqual([1672639200000, 0]);
    expect(time('1729371600000')).toEqual([1729371600000, 1]);
    expect(time('2022-01-02T17:00:00-05:00')).toEqual([Date.UTC(2022, 0, 2, 22), 2]);
    expect(time('2025-09-15T03:18:32-0400')).toEqual([Date.UTC(2025, 8, 15, 7, 18, 32), 2]);
    expect(time('2024-12-25T22:45:00Z')).toEqual([Date.UTC(2024, 11, 25, 22, 45), 2]);
    expect(time('2024-12-25 22:45:00.250')).toEqual([Date.UTC(2024, 11, 25, 22, 45, 0, 250), 3]);
    expect(time('2002-05-29')).toEqual([Date.UTC(2002, 4, 29), 4]);
  });
  it('rejects impossible dates', () => {
    for (const bad of [
      '2025-02-29',
      '2025-13-01',
      '2025-01-01 24:00',
      '2025-01-01T10:00+25:00',
      '2025-1-1',
    ]) {
      expect(time(bad)[1]).toBe(-1);
    }
  });
});

describe('TimeZone', () => {
  it('parses fixed offsets in every documented spelling', () => {
    for (const spec of ['UTC+8', 'UTC+08:00', 'GMT+8', '+08:00', '+0800', 'utc_plus_8']) {
      expect(TimeZone.parse(spec)?.toUtc(Date.UTC(2025, 0, 1, 8))).toBe(Date.UTC(2025, 0, 1, 0));
    }
    expect(TimeZone.parse('UTC-03:30')?.toUtc(Date.UTC(2025, 0, 1))).toBe(Date.UTC(2025, 0, 1, 3, 30));
    expect(TimeZone.parse('Mars/Olympus')).toBeUndefined();
  });
  it('New York DST: the spring-forward gap reads with the offset before it, the fall-back overlap takes the earlier instant', () => {
    const ny = TimeZone.parse('America/New_York')!;
    // 2025-03-09 02:30 does not exist; read as EST (UTC−5): 07:30 UTC, which is 03:30 EDT.
    expect(ny.toUtc(Date.UTC(2025, 2, 9, 2, 30))).toBe(Date.UTC(2025, 2, 9, 7, 30));
    // 2025-11-02 01:30 happens twice; the first is EDT (UTC−4): 05:30 UTC.
    expect(ny.toUtc(Date.UTC(2025, 10, 2, 1, 30))).toBe(Date.UTC(2025, 10, 2, 5, 30));
    // Ordinary winter and summer times.
    expect(ny.toUtc(Date.UTC(2025, 0, 15, 9, 30))).toBe(Date.UTC(2025, 0, 15, 14, 30));
    expect(ny.toUtc(Date.UTC(2025, 6, 15, 9, 30))).toBe(Date.UTC(2025, 6, 15, 13, 30));
  });
});

describe('loadOhlcv fused cell parsing', () => {
  it('stores exactly Number(text) for any decimal text in any column', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: -1, max: 17 })),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        (cells) => {
          const texts = cells.map(([x, digits]) => (digits < 0 ? String(x) : x.toFixed(digits)));
          const rows = texts.map((t, i) => `${1700000000 + 60 * i},${t},${t},${t},${t},${t}`).join('\n');
          const s = loadOhlcv(`time,open,high,low,close,volume\n${rows}\n`).series!;
          texts.forEach((t, i) => {
            for (const column of [s.open, s.high, s.low, s.close, s.volume])
              expect(column[i]).toBe(Number(t));
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
