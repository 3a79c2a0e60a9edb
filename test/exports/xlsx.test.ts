import { describe, expect, it } from 'vitest';
import { readTradesXlsx, readXlsx, readZip } from '../../src/exports/index.js';
import { EXPECTED_TRADES } from './expected-trades.js';
import { buildWorkbook, buildZip } from './xlsx-builder.js';

const G3 = [
  'Trade #',
  'Type',
  'Date and time',
  'Signal',
  'Price USD',
  'Position size (qty)',
  'Position size (value)',
  'Net P&L USD',
  'Net P&L %',
  'MFE USD',
  'MFE %',
  'MAE USD',
  'MAE %',
  'Cumulative P&L USD',
  'Cumulative P&L %',
];

/*
 * Excel serial days (1900 system, day 0 = 1899-12-30): 2025-01-01 is 45658 (2024-01-01 = 45292, + 366),
 * so 2025-03-31 is 45658 + 31 + 28 + 30 = 45747 and 08:15 adds 8.25 / 24 = 0.34375; 2025-04-01 is 45748,
 * 2025-04-02 is 45749 (10:30 → .4375, 14:45 → .61458333…). Naive, in the UTC+8 chart timezone.
 */
const TRADE_ROWS = [
  [
    1,
    'Exit long',
    45748 + 8 / 24,
    'daily-exit',
    1821.59,
    1,
    1807.82,
    13.77,
    0.76,
    45.52,
    2.52,
    -31.9,
    -1.76,
    13.77,
    0,
  ],
  [
    1,
    'Entry long',
    45747.34375,
    'pyramid-add',
    1807.82,
    1,
    1807.82,
    13.77,
    0.76,
    45.52,
    2.52,
    -31.9,
    -1.76,
    13.77,
    0,
  ],
  [
    2,
    'Exit short',
    45749 + 14.75 / 24,
    { inline: 'Close entry(s) order Sell' },
    1840.25,
    2,
    3701,
    20.5,
    0.55,
    30.1,
    0.81,
    -12.4,
    -0.34,
    34.27,
    0,
  ],
  [
    2,
    'Entry short',
    45749.4375,
    'Sell, market order',
    1850.5,
    2,
    3701,
    20.5,
    0.55,
    30.1,
    0.81,
    -12.4,
    -0.34,
    34.27,
    0,
  ],
];

const workbook = buildWorkbook([
  {
    name: 'Performance',
    rows: [
      ['', 'All USD'],
      ['Net profit', 34.27],
    ],
  },
  {
    name: 'Trades analysis',
    rows: [
      ['', 'All USD'],
      ['Total trades', 2],
    ],
  },
  {
    name: 'Risk-adjusted performance',
    rows: [
      ['', 'All USD'],
      ['Sharpe ratio', 0.5],
    ],
  },
  { name: 'List of trades', rows: [G3, ...TRADE_ROWS] },
  {
    name: 'Properties',
    rows: [
      ['name', 'value'],
      ['Symbol', 'BINANCE:ETHUSDT.P'],
      ['Tick size', '0.01'],
      ['Take Profit (%)', '0.35'],
    ],
  },
]);

describe('readZip', () => {
  it('reads stored and deflated entries', () => {
    const zip = readZip(
      buildZip([
        { name: 'a.txt', data: 'stored text', store: true },
        { name: 'b/c.txt', data: 'deflated '.repeat(100) },
      ]),
    );
    if (typeof zip === 'string') throw new Error(zip);
    const decode = (i: number) => new TextDecoder().decode(zip[i].read());
    expect(zip.map((e) => e.name)).toEqual(['a.txt', 'b/c.txt']);
    expect([decode(0), decode(1).length]).toEqual(['stored text', 900]);
  });
  it('says why bytes are not a zip', () => {
    expect(readZip(new TextEncoder().encode('Trade #,Type\n'))).toBe(
      'not a zip archive (no end of central directory)',
    );
  });
});

describe('readXlsx', () => {
  it('lists the sheets in workbook order with shared, inline and numeric cells', () => {
    const sheets = readXlsx(workbook);
    if (typeof sheets === 'string') throw new Error(sheets);
    expect(sheets.map((s) => s.name)).toEqual([
      'Performance',
      'Trades analysis',
      'Risk-adjusted performance',
      'List of trades',
      'Properties',
    ]);
    expect(sheets[3].rows[3].slice(0, 5)).toEqual([
      2,
      'Exit short',
      45749 + 14.75 / 24,
      'Close entry(s) order Sell',
      1840.25,
    ]);
  });
});

describe('readTradesXlsx', () => {
  it('reads the List of trades sheet: datetime serials in the chart timezone, G3 header', () => {
    const result = readTradesXlsx(workbook, { timezone: 'UTC+8', file: 'export.xlsx' });
    expect(result.diagnostics).toEqual([]);
    expect(result.generation).toBe('G3');
    expect(result.rowOrder).toBe('exit-first');
    expect(result.trades).toMatchObject(EXPECTED_TRADES);
    // Sheet row numbers stand in for lines.
    expect([result.trades[0].exitLine, result.trades[0].entryLine]).toEqual([2, 3]);
    expect(result.properties.get('Tick size')).toBe('0.01');
    expect(result.properties.get('Take Profit (%)')).toBe('0.35');
    expect(result.sheetNames).toHaveLength(5);
    expect(result.metrics.get('Performance')?.get('Net profit')?.get('All USD')).toBe(34.27);
    expect(result.metrics.get('Risk-adjusted performance')?.get('Sharpe ratio')?.get('All USD')).toBe(0.5);
  });

  it('finds a header below title rows, in a sheet with another name (other UI language)', () => {
    const book = buildWorkbook([{ name: '交易清单', rows: [['My strategy'], [], [...G3], ...TRADE_ROWS] }]);
    const result = readTradesXlsx(book, { timezone: 'UTC+8' });
    expect(result.trades).toMatchObject(EXPECTED_TRADES);
  });

  it('reports a workbook without a List of trades', () => {
    const book = buildWorkbook([{ name: 'Performance', rows: [['', 'All USD']] }]);
    const result = readTradesXlsx(book, { timezone: 'UTC+8', file: 'p.xlsx' });
    expect(result.diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([
      ['PP4109', 'p.xlsx', 'no "List of trades" sheet (sheets: Performance)'],
    ]);
  });

  it('reports bytes that are not an XLSX', () => {
    const result = readTradesXlsx(new TextEncoder().encode('Trade #,Type'), { timezone: 'UTC+8' });
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['PP4108', 'not a zip archive (no end of central directory)'],
    ]);
  });

  it('points at the sheet row and column of a bad cell', () => {
    const rows = TRADE_ROWS.map((r) => [...r]);
    rows[1][4] = 'abc';
    const book = buildWorkbook([{ name: 'List of trades', rows: [G3, ...rows] }]);
    const [d] = readTradesXlsx(book, { timezone: 'UTC+8' }).diagnostics;
    expect([d.code, d.span?.line, d.span?.column, d.message]).toEqual([
      'PP4113',
      3,
      5,
      "price 'abc' is not a number",
    ]);
  });
});
