/**
 * The List of Trades header generations (shared/docs/TV-EXPORTS.md §1.2) as data: column aliases of
 * every generation, the Russian localisation seen in a real export, and the column orders used to
 * assign unknown (other-language) headers by position.
 */

/** The trade fields a List of Trades column can hold. */
export type TradeField =
  | 'number'
  | 'type'
  | 'signal'
  | 'time'
  | 'price'
  | 'qty'
  | 'value'
  | 'profit'
  | 'profitPercent'
  | 'cumProfit'
  | 'cumProfitPercent'
  | 'runUp'
  | 'runUpPercent'
  | 'drawdown'
  | 'drawdownPercent'
  | 'commission'
  | 'durationBars';

/** The header generation a file was written in; `unknown` when only matched by position. */
export type HeaderGeneration =
  'G0' | 'G1' | 'G1b' | 'G1c' | 'G2' | 'G3' | 'G4' | 'G5' | 'G6' | 'G7' | 'unknown';

/** Aliases without currency suffix, lower-case: [field for the money column, field for its `%` twin]. */
const ALIASES: Readonly<Record<string, readonly [TradeField | undefined, TradeField | undefined]>> = {
  'trade #': ['number', undefined],
  'trade number': ['number', undefined],
  '№ сделки': ['number', undefined],
  type: ['type', undefined],
  тип: ['type', undefined],
  signal: ['signal', undefined],
  сигнал: ['signal', undefined],
  'date/time': ['time', undefined],
  'date and time': ['time', undefined],
  'дата и время': ['time', undefined],
  price: ['price', undefined],
  цена: ['price', undefined],
  contracts: ['qty', undefined],
  quantity: ['qty', undefined],
  'position size (qty)': ['qty', undefined],
  'size (qty)': ['qty', undefined],
  'размер позиции (кол-во)': ['qty', undefined],
  'position size (value)': ['value', undefined],
  'size (value)': ['value', undefined],
  'размер позиции (цена)': ['value', undefined],
  profit: ['profit', 'profitPercent'],
  'p&l': ['profit', 'profitPercent'],
  'net p&l': ['profit', 'profitPercent'],
  'net pnl': ['profit', 'profitPercent'],
  'чистая прибыль / убыток': ['profit', 'profitPercent'],
  return: [undefined, 'profitPercent'],
  'cum. profit': ['cumProfit', 'cumProfitPercent'],
  'cumulative profit': ['cumProfit', 'cumProfitPercent'],
  'cumulative p&l': ['cumProfit', 'cumProfitPercent'],
  'cumulative pnl': ['cumProfit', 'cumProfitPercent'],
  'совокупные пр/уб': ['cumProfit', 'cumProfitPercent'],
  'run-up': ['runUp', 'runUpPercent'],
  mfe: ['runUp', 'runUpPercent'],
  'favorable excursion': ['runUp', 'runUpPercent'],
  'благоприятное отклонение': ['runUp', 'runUpPercent'],
  drawdown: ['drawdown', 'drawdownPercent'],
  mae: ['drawdown', 'drawdownPercent'],
  'adverse excursion': ['drawdown', 'drawdownPercent'],
  'неблагоприятное отклонение': ['drawdown', 'drawdownPercent'],
  commission: ['commission', undefined],
  'duration (bars)': ['durationBars', undefined],
};

/** Column orders by column count, for headers whose names are unknown (other UI languages). */
const ORDERS: Readonly<Record<number, readonly TradeField[]>> = {
  // G0, G1, G1b, G1c: Signal before Date/Time, no position value.
  14: [
    'number',
    'type',
    'signal',
    'time',
    'price',
    'qty',
    'profit',
    'profitPercent',
    'cumProfit',
    'cumProfitPercent',
    'runUp',
    'runUpPercent',
    'drawdown',
    'drawdownPercent',
  ],
  // G2 to G6: Date before Signal, position value, cumulative last.
  15: [
    'number',
    'type',
    'time',
    'signal',
    'price',
    'qty',
    'value',
    'profit',
    'profitPercent',
    'runUp',
    'runUpPercent',
    'drawdown',
    'drawdownPercent',
    'cumProfit',
    'cumProfitPercent',
  ],
  // G7: adds commission and duration.
  17: [
    'number',
    'type',
    'time',
    'signal',
    'price',
    'qty',
    'value',
    'profit',
    'profitPercent',
    'commission',
    'runUp',
    'runUpPercent',
    'drawdown',
    'drawdownPercent',
    'cumProfit',
    'cumProfitPercent',
    'durationBars',
  ],
};

/** The fields without which a trade cannot be rebuilt. */
export const REQUIRED_FIELDS: readonly TradeField[] = ['number', 'type', 'time', 'price'];

/** How a header row maps onto trade fields. */
export interface HeaderMatch {
  /** Per column: the field, or undefined for a column we do not use. */
  readonly fields: readonly (TradeField | undefined)[];
  readonly generation: HeaderGeneration;
  /** Currency suffixes seen: on `Price` and on the money columns (they differ in early-2026 exports). */
  readonly priceCurrency: string | undefined;
  readonly moneyCurrency: string | undefined;
  /** Columns assigned by position because their names are unknown. */
  readonly byPosition: readonly number[];
  /** Required fields still missing. */
  readonly missing: readonly TradeField[];
}

interface ColumnName {
  readonly field: TradeField | undefined;
  /** The name without currency suffix, lower-case, for generation detection. */
  readonly base: string;
  readonly currency: string | undefined;
}

function normalise(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function classify(raw: string): ColumnName {
  let name = normalise(raw);
  const percent = name.endsWith(' %') || name === '%';
  if (percent) name = name.slice(0, -2).trim();
  const pick = (base: string): TradeField | undefined => {
    const alias = ALIASES[base] as (typeof ALIASES)[string] | undefined;
    if (alias === undefined) return undefined;
    return percent ? alias[1] : alias[0];
  };
  const direct = pick(name);
  if (direct !== undefined) return { field: direct, base: name, currency: undefined };
  const space = name.lastIndexOf(' ');
  if (space > 0 && !percent) {
    const base = name.slice(0, space);
    const field = pick(base);
    if (field !== undefined)
      return { field, base, currency: raw.trim().slice(raw.trim().lastIndexOf(' ') + 1) };
  }
  return { field: undefined, base: name, currency: undefined };
}

/** Matches a header row by name (all generations, Russian), then by position for the rest. */
export function matchHeader(header: readonly string[]): HeaderMatch {
  const names = header.map(classify);
  const fields: (TradeField | undefined)[] = names.map((n) => n.field);
  const byPosition: number[] = [];
  const order = ORDERS[header.length] as readonly TradeField[] | undefined;
  const unknown = fields.some((f) => f === undefined);
  // Fill unknown names from the generation order, but only when every known name sits where that
  // order puts it: a header that merely has the same width must not be reinterpreted.
  if (unknown && order !== undefined && fields.every((f, i) => f === undefined || f === order[i])) {
    fields.forEach((f, i) => {
      if (f === undefined) {
        fields[i] = order[i];
        byPosition.push(i);
      }
    });
  }
  const price = names.find((n) => n.field === 'price');
  const money = names.find((n) => n.field === 'profit' || n.field === 'cumProfit');
  return {
    fields,
    generation:
      byPosition.length > 0 ? 'unknown' : generationOf(new Set(names.map((n) => n.base)), money?.currency),
    priceCurrency: price?.currency,
    moneyCurrency: money?.currency,
    byPosition,
    missing: REQUIRED_FIELDS.filter((f) => !fields.includes(f)),
  };
}

function generationOf(bases: ReadonlySet<string>, moneyCurrency: string | undefined): HeaderGeneration {
  const has = (name: string): boolean => bases.has(name);
  if (has('return') || has('commission') || has('duration (bars)')) return 'G7';
  if (has('trade number') || has('net pnl')) return 'G6';
  if (has('size (qty)')) return 'G5';
  if (has('position size (qty)') && has('favorable excursion')) return 'G4';
  if (has('mfe')) return 'G3';
  if (has('position size (qty)') && has('run-up')) return 'G2';
  if (has('quantity') || has('p&l')) return 'G1c';
  if (has('cumulative profit')) return 'G1b';
  if (has('cum. profit')) return moneyCurrency === '$' ? 'G0' : 'G1';
  if (has('размер позиции (кол-во)')) return 'G4';
  return 'unknown';
}
