import { describe, expect, it } from 'vitest';
import { readTradesCsv, type HeaderGeneration } from '../../src/exports/index.js';
import { EXPECTED_TRADES } from './expected-trades.js';
import { fixtureText } from './fixtures.js';

const UTC8 = { timezone: 'UTC+8' };

function read(name: string) {
  return readTradesCsv(fixtureText(`trades/${name}`), { ...UTC8, file: name });
}

describe('readTradesCsv: every header generation of TV-EXPORTS.md', () => {
  const cases: [string, HeaderGeneration, string, string | undefined][] = [
    ['g0.csv', 'G0', 'entry-first', '$'],
    ['g1.csv', 'G1', 'entry-first', 'USDT'],
    ['g1b.csv', 'G1b', 'entry-first', 'USD'],
    ['g1c.csv', 'G1c', 'entry-first', 'USD'],
    ['g2.csv', 'G2', 'exit-first', 'USD'],
    ['g3.csv', 'G3', 'exit-first', 'USD'],
    ['g4.csv', 'G4', 'exit-first', 'USD'],
    ['g5.csv', 'G5', 'exit-first', 'USD'],
    ['g6.csv', 'G6', 'exit-first', 'USD'],
    ['g7.csv', 'G7', 'exit-first', 'USD'],
    ['ru-g4.csv', 'G4', 'exit-first', 'USDT'],
    ['g5-semicolon.csv', 'G5', 'exit-first', 'USD'],
    ['g5-entry-first.csv', 'G5', 'entry-first', 'USD'],
  ];
  for (const [file, generation, rowOrder, money] of cases) {
    it(`${file}: ${generation}, ${rowOrder}, the two known trades`, () => {
      const result = read(file);
      expect(result.diagnostics).toEqual([]);
      expect(result.generation).toBe(generation);
      expect(result.rowOrder).toBe(rowOrder);
      expect(result.moneyCurrency).toBe(money);
      expect(result.trades).toMatchObject(EXPECTED_TRADES);
    });
  }

  it('G7 carries commission and Return %; older generations leave commission NaN', () => {
    const g7 = read('g7.csv').trades;
    expect(g7.map((t) => [t.commission, t.profitPercent])).toEqual([
      [0, 0.76],
      [0, 0.55],
    ]);
    expect(read('g5.csv').trades[0].commission).toBeNaN();
  });

  it('G1 (totals only on the exit row) takes qty and totals from the exit row', () => {
    const [first] = read('g1.csv').trades;
    expect([first.qty, first.profit, first.profitPercent]).toEqual([1, 13.77, 0.76]);
  });

  it('records the source lines of both rows', () => {
    const [first, second] = read('g5.csv').trades;
    // Line 1 is the header; exit rows come first in G5 files.
    expect([first.exitLine, first.entryLine, second.exitLine, second.entryLine]).toEqual([2, 3, 4, 5]);
  });

  it('matches unknown (other-language) names by the generation column order, with an info', () => {
    const result = read('unknown-language-g5.csv');
    expect(result.trades).toMatchObject(EXPECTED_TRADES);
    expect(result.generation).toBe('unknown');
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.span?.line, d.span?.column])).toEqual([
      ['PP4107', 'info', 1, 1],
    ]);
    expect(result.diagnostics[0].message).toMatch(
      /^columns 'Operación', 'Fecha y hora'.* matched by position as number, time,/,
    );
  });
});

describe('readTradesCsv: diagnostics with file, line and column', () => {
  const G5 =
    'Trade #,Type,Date and time,Signal,Price USDT,Size (qty),Size (value),Net P&L USD,Net P&L %,Favorable excursion USD,Favorable excursion %,Adverse excursion USD,Adverse excursion %,Cumulative P&L USD,Cumulative P&L %\n';
  const exit1 =
    '1,Exit long,2025-04-01 08:00,daily-exit,1821.59,1,1807.82,13.77,0.76,45.52,2.52,-31.9,-1.76,13.77,0.00\n';
  const entry1 =
    '1,Entry long,2025-03-31 08:15,pyramid-add,1807.82,1,1807.82,13.77,0.76,45.52,2.52,-31.9,-1.76,13.77,0.00\n';
  const codes = (text: string) =>
    readTradesCsv(text, { ...UTC8, file: 'x.csv' }).diagnostics.map((d) => ({
      code: d.code,
      file: d.file,
      line: d.span?.line,
      column: d.span?.column,
      message: d.message,
    }));

  it('empty file', () => {
    expect(codes('')).toEqual([
      { code: 'PP4101', file: 'x.csv', line: undefined, column: undefined, message: 'the export is empty' },
    ]);
  });

  it('a header that is not a List of Trades', () => {
    expect(codes('time,open,high,low,close\n1,2,3,4,5\n')[0]).toMatchObject({
      code: 'PP4102',
      line: 1,
      column: 1,
      message:
        'not a List of Trades header: no number, type, time, price column (found: time, open, high, low, close)',
    });
  });

  it('unknown row type, bad number, bad date', () => {
    const text =
      G5 +
      '1,Exit sideways,2025-04-01 08:00,x,1821.59,1,1807.82,13.77,0.76,45.52,2.52,-31.9,-1.76,13.77,0.00\n' +
      '2,Exit long,2025-04-01 08:00,x,18a1.59,1,1807.82,13.77,0.76,45.52,2.52,-31.9,-1.76,13.77,0.00\n' +
      '2,Entry long,31.03.2025 8:15,x,1807.82,1,1807.82,13.77,0.76,45.52,2.52,-31.9,-1.76,13.77,0.00\n';
    expect(codes(text)).toEqual([
      {
        code: 'PP4103',
        file: 'x.csv',
        line: 2,
        column: 3,
        message: "type 'Exit sideways' is not Entry long, Entry short, Exit long or Exit short",
      },
      // 1 + '2,' + 'Exit long,' + '2025-04-01 08:00,' + 'x,' = column 32.
      { code: 'PP4113', file: 'x.csv', line: 3, column: 32, message: "price '18a1.59' is not a number" },
      {
        code: 'PP4113',
        file: 'x.csv',
        line: 4,
        column: 14,
        message: "date '31.03.2025 8:15' is not YYYY-MM-DD HH:mm",
      },
    ]);
  });

  it('exit without entry, duplicate exit, direction mismatch, entry without exit', () => {
    const text =
      G5 +
      exit1 +
      exit1 +
      '2,Exit short,2025-04-02 14:45,x,1840.25,2,3701,20.5,0.55,30.1,0.81,-12.4,-0.34,34.27,0.00\n' +
      '2,Entry long,2025-04-02 10:30,x,1850.5,2,3701,20.5,0.55,30.1,0.81,-12.4,-0.34,34.27,0.00\n' +
      '3,Entry long,2025-04-03 10:30,x,1850.5,2,3701,20.5,0.55,30.1,0.81,-12.4,-0.34,34.27,0.00\n';
    const result = readTradesCsv(text, { ...UTC8, file: 'x.csv' });
    expect(result.diagnostics.map((d) => [d.code, d.span?.line, d.message])).toEqual([
      ['PP4105', 2, 'trade 1 has an exit row but no entry row'],
      ['PP4106', 3, 'trade 1 has a second exit row (the first is on line 2)'],
      ['PP4111', 4, 'trade 2: exit row is short but entry row (line 5) is long'],
      ['PP4112', 6, 'trade 3 has no exit row: read as an open trade'],
    ]);
    expect(result.trades.map((t) => [t.number, t.open, t.exitTime])).toEqual([
      [2, false, Date.UTC(2025, 3, 2, 6, 45)],
      [3, true, Number.NaN],
    ]);
  });

  it('short rows are a field-count error, not a bad type', () => {
    expect(codes(G5 + '1,Exit long\n' + entry1)[0]).toMatchObject({
      code: 'PP4014',
      line: 2,
      message: 'row has 2 fields, the header has 15',
    });
  });

  it('an unknown timezone is PP4015', () => {
    const result = readTradesCsv(G5 + exit1 + entry1, { timezone: 'Mars/Olympus' });
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['PP4015', "unknown timezone 'Mars/Olympus'"],
    ]);
    expect(result.ok).toBe(false);
  });

  it('accepts the Unicode minus and accounting parentheses some fixtures claim', () => {
    const text = G5 + exit1.replace('-31.9', '\u221231.9').replace('13.77,0.76', '(13.77),0.76') + entry1;
    const [trade] = readTradesCsv(text, UTC8).trades;
    expect([trade.drawdown, trade.profit]).toEqual([-31.9, -13.77]);
  });
});

describe('readTradesCsv: chart timezone of naive times', () => {
  const text =
    'Trade #,Type,Date and time,Signal,Price USDT,Size (qty)\n' +
    '1,Exit long,2025-04-01 08:00,x,1821.59,1\n' +
    '1,Entry long,2025-03-31 08:15,x,1807.82,1\n';
  it('UTC+8, +08:00, Asia/Taipei and Etc/GMT-8 agree (Taiwan has no DST)', () => {
    for (const timezone of ['UTC+8', '+08:00', 'Asia/Taipei', 'Etc/GMT-8', 'utc_plus_8']) {
      expect(readTradesCsv(text, { timezone }).trades[0].entryTime).toBe(Date.UTC(2025, 2, 31, 0, 15));
    }
  });
  it('America/New_York applies DST: 08:15 on 2025-03-31 is EDT (UTC−4)', () => {
    expect(readTradesCsv(text, { timezone: 'America/New_York' }).trades[0].entryTime).toBe(
      Date.UTC(2025, 2, 31, 12, 15),
    );
  });
});
