import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeTrade, type Trade } from '../../src/exports/index.js';
import {
  decodeFloat64,
  encodeFloat64,
  hashFile,
  hashText,
  runDetailsSchema,
  runExportSchema,
  runListSchema,
} from '../../src/store/index.js';
import { awkwardCurve, bytesOf, fixtureTrades, fullRun, useTempStore } from './helpers.js';

// FIPS 180-2, appendix B.1: SHA-256("abc").
const SHA256_ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

const temp = useTempStore();

describe('a run round-trips exactly', () => {
  it('keeps trades, curves bit for bit, JSON columns, metrics and provenance', () => {
    const run = fullRun();
    const trades = fixtureTrades();
    const id = temp.store.saveRun(run);

    expect(temp.store.getTrades(id)).toEqual(trades);
    // The real export's last trade is open: its exit fields survive too.
    expect(temp.store.getTrades(id)?.at(-1)).toMatchObject({ open: true, exitSignal: 'Open', number: 24 });

    const equity = temp.store.getEquity(id);
    expect(equity).toBeDefined();
    expect(bytesOf(equity!.values).equals(bytesOf(awkwardCurve().values))).toBe(true);
    expect(bytesOf(equity!.times).equals(bytesOf(awkwardCurve().times))).toBe(true);
    expect(Object.is(equity!.values[1], -0)).toBe(true);
    expect(Array.from(temp.store.getEquity(id, 'drawdown')!.values)).toEqual([0, -5.5, -2]);

    const stored = temp.store.getRun(id)!;
    expect(stored).toMatchObject({
      id,
      kind: 'backtest',
      status: 'complete',
      name: run.name,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
      wallMs: 1834.25,
      pineportVersion: '0.1.0',
      seed: 42,
      studyId: null,
      error: null,
      tradeCount: 24,
      curves: ['drawdown', 'equity'],
      windows: [],
    });
    expect(stored.inputs).toStrictEqual(run.inputs);
    expect(stored.strategy).toStrictEqual(run.strategy);
    expect(stored.symbol).toStrictEqual(run.symbol);
    expect(stored.summary).toStrictEqual(run.summary);
    // NaN has no SQL or JSON spelling: it is stored and returned as null.
    expect(stored.metrics).toStrictEqual({
      netProfit: -1761.78,
      profitFactor: null,
      sharpe: 0.123456789,
      trades: 24,
    });
    // Every given field back, plus the hash the store computed of the Pine text.
    expect(stored.provenance).toStrictEqual({
      ...run.provenance,
      pineHash: hashText(run.provenance!.pineSource!),
    });
    expect(runDetailsSchema.parse(JSON.parse(JSON.stringify(stored)))).toStrictEqual(stored);
  });

  it('keeps any trade whose numbers are not -0 (SQLite REAL folds -0 into 0)', () => {
    const number = fc.oneof(
      fc.double({ noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
      fc.constant(NaN),
    );
    const trade = fc.record({
      number: fc.integer({ min: 1, max: 1e6 }),
      direction: fc.constantFrom('long' as const, 'short' as const),
      entryTime: fc.integer({ min: 0, max: 4e12 }),
      entryPrice: number,
      entrySignal: fc.string(),
      exitTime: fc.oneof(fc.integer({ min: 0, max: 4e12 }), fc.constant(NaN)),
      exitPrice: number,
      exitSignal: fc.string(),
      qty: number,
      profit: number,
      profitPercent: number,
      cumProfit: number,
      runUp: number,
      drawdown: number,
      commission: number,
      open: fc.boolean(),
      entryLine: fc.nat(),
      exitLine: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(trade, { maxLength: 20 }), (trades: Trade[]) => {
        const id = temp.store.saveRun({ kind: 'verify', pineportVersion: 'x', trades });
        expect(temp.store.getTrades(id)).toEqual(trades);
      }),
      { numRuns: 60 },
    );
  });

  it('compresses any Float64Array bit for bit, -0 and NaN payloads included', () => {
    fc.assert(
      fc.property(fc.float64Array(), (values) => {
        expect(bytesOf(decodeFloat64(encodeFloat64(values))).equals(bytesOf(values))).toBe(true);
      }),
    );
    // A NaN with a payload other than the canonical one.
    const odd = new Float64Array(new BigUint64Array([0x7ff4000000000001n]).buffer);
    expect(bytesOf(decodeFloat64(encodeFloat64(odd))).equals(bytesOf(odd))).toBe(true);
  });

  it('writes blobs a backend decodes with plain zlib: inflate, then little-endian doubles', () => {
    const { values } = awkwardCurve();
    const blob = encodeFloat64(values);
    expect(blob[0]).toBe(0x78); // RFC 1950 zlib header, CM = 8 (deflate), 32K window
    const raw = inflateSync(blob);
    expect(raw.byteLength).toBe(values.length * 8);
    for (const i of [0, 1, 2, 3, 4, 5, 36_360])
      expect(Object.is(raw.readDoubleLE(i * 8), values[i])).toBe(true);
  });
});

describe('listing, deleting, exporting', () => {
  it('lists newest first, filters by kind, honours the limit', () => {
    const a = temp.store.saveRun({ kind: 'backtest', pineportVersion: '0.1.0', name: 'a' });
    const b = temp.store.saveRun({ kind: 'verify', pineportVersion: '0.1.0', name: 'b' });
    const c = temp.store.saveRun({ kind: 'backtest', pineportVersion: '0.1.0', name: 'c' });
    expect(temp.store.listRuns().map((r) => r.id)).toEqual([c, b, a]);
    expect(temp.store.listRuns({ kind: 'backtest' }).map((r) => r.name)).toEqual(['c', 'a']);
    expect(temp.store.listRuns({ limit: 1 }).map((r) => r.id)).toEqual([c]);
    expect(runListSchema.parse(JSON.parse(JSON.stringify(temp.store.listRuns())))).toHaveLength(3);
  });

  it('stores a failed run with its error', () => {
    const id = temp.store.saveRun({
      kind: 'verify',
      pineportVersion: '0.1.0',
      status: 'failed',
      error: 'export has no trades',
    });
    expect(temp.store.getRun(id)).toMatchObject({
      status: 'failed',
      error: 'export has no trades',
      tradeCount: 0,
    });
  });

  it('deletes a run with all its rows', () => {
    const id = temp.store.saveRun(fullRun());
    const other = temp.store.saveRun(fullRun());
    expect(temp.store.deleteRun(id)).toBe(true);
    expect(temp.store.getRun(id)).toBeUndefined();
    expect(temp.store.getTrades(id)).toBeUndefined();
    expect(temp.store.getEquity(id)).toBeUndefined();
    expect(temp.store.deleteRun(id)).toBe(false);
    expect(temp.store.getTrades(other)).toHaveLength(24);
  });

  it('exports JSON that validates against runExportSchema, NaN as null', () => {
    const id = temp.store.saveRun(fullRun());
    const doc = runExportSchema.parse(JSON.parse(temp.store.exportRun(id, 'json')!));
    expect(doc.run.id).toBe(id);
    expect(doc.trades).toHaveLength(24);
    expect(doc.trades[23]).toMatchObject({ number: 24, open: true, exitSignal: 'Open', commission: null });
    expect(doc.curves.equity.values.slice(0, 5)).toEqual([null, 0, 5e-324, null, null]);
    expect(doc.curves.drawdown.values).toEqual([0, -5.5, -2]);
    expect(temp.store.exportRun(999, 'json')).toBeUndefined();
  });
});

describe('provenance hashes', () => {
  it('hashText and hashFile give the SHA-256 test vector', async () => {
    expect(hashText('abc')).toBe(SHA256_ABC);
    const file = join(temp.dir, 'abc.txt');
    writeFileSync(file, 'abc');
    expect(await hashFile(file)).toBe(SHA256_ABC);
    await expect(hashFile(join(temp.dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });

  it('keeps a trade made by makeTrade with every optional figure NaN', () => {
    const trade = makeTrade({
      number: 1,
      direction: 'short',
      entryTime: 1,
      entryPrice: 2,
      exitTime: Number.NaN,
      exitPrice: Number.NaN,
      qty: 3,
    });
    const id = temp.store.saveRun({ kind: 'backtest', pineportVersion: 'x', trades: [trade] });
    expect(temp.store.getTrades(id)).toEqual([trade]);
  });
});
