/**
 * Builds, for one TradingView oracle export (test/data/oracles/ta/*.csv), a Pine indicator that
 * `plot()`s every indicator column, so the whole pipeline (parse → analyse → generate → load → run)
 * can be compared with TradingView's values.
 *
 * A column title is normally the Pine expression that produced it (`ta.rsi(close, 14)`), or a field
 * of a tuple-returning call (`ta.bb(close, 20, 2).upper`): those are translated from the title alone.
 * The other titles name script-local variables, plot a bool as a number, or are mislabelled; their
 * Pine comes from the public script that produced the export (PyneSys/pynecore
 * tests/t01_lib/t20_ta/test_*.py, snapshot 401cd39 — the same scripts test/runtime/ta/oracle-columns.ts
 * cites) and is listed in SCRIPT_DEFINED below.
 */

/** Names of a tuple-returning call's results, in the order Pine returns them. */
const TUPLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'ta.bb': ['base', 'upper', 'lower'],
  'ta.kc': ['base', 'upper', 'lower'],
  'ta.macd': ['macd', 'signal', 'hist'],
  'ta.dmi': ['dip', 'dim', 'adx'],
  'ta.vwap': ['vwap', 'upper_band', 'lower_band'],
};

/** One export's script-defined columns: the definitions the script made, and each column's Pine. */
interface ScriptDefined {
  /** Which pynecore test script produced the export. */
  readonly script: string;
  /** Statements the script makes before plotting (its local variables). */
  readonly definitions: readonly string[];
  /** Column title → the Pine expression the script plotted under that title. */
  readonly columns: Readonly<Record<string, string>>;
}

/** Pine `ta.pivot_point_levels` array order (TradingView reference): P, R1, S1, R2, S2, R3, S3, R4, S4 … */
const LEVEL_INDEX: Readonly<Record<string, number>> = {
  P: 0,
  R1: 1,
  S1: 2,
  R2: 3,
  S2: 4,
  R3: 5,
  S3: 6,
  R4: 7,
  S4: 8,
};
const PIVOT_TYPES: Readonly<Record<string, string>> = {
  trad: 'Traditional',
  fib: 'Fibonacci',
  dm: 'DM',
  cam: 'Camarilla',
  woodie: 'Woodie',
};

function pivotLevels(titles: readonly string[]): ScriptDefined {
  const types = [...new Set(titles.map((t) => t.split('_')[1]))];
  return {
    script: 'test_235_pivot_point_levels.py',
    definitions: types.map(
      (t) => `levels_${t} = ta.pivot_point_levels("${PIVOT_TYPES[t]}", timeframe.change("D"), false)`,
    ),
    columns: Object.fromEntries(
      titles.map((title) => {
        const [level, type] = title.split('_');
        return [title, `array.get(levels_${type}, ${String(LEVEL_INDEX[level])})`];
      }),
    ),
  };
}

/** Every column whose title is not its own Pine expression, by export file. */
export const SCRIPT_DEFINED: Readonly<Record<string, ScriptDefined>> = {
  'correlation.csv': {
    script: 'test_101_correlation.py',
    definitions: [],
    columns: { correlation: 'ta.correlation(ta.sma(close, 20), ta.ema(close, 10), 20)' },
  },
  // Plotted as 0.5 / 1 / -1 when true, else 0.
  'cross.csv': {
    script: 'test_111_cross.py',
    definitions: ['ema1 = ta.ema(close, 5)', 'ema2 = ta.ema(close, 11)'],
    columns: {
      'ta.cross(ema1, ema2)': 'ta.cross(ema1, ema2) ? 0.5 : 0',
      'ta.crossover(ema1, ema2)': 'ta.crossover(ema1, ema2) ? 1 : 0',
      'ta.crossunder(ema1, ema2)': 'ta.crossunder(ema1, ema2) ? -1 : 0',
    },
  },
  // Plotted as -1 / 1 when true, else 0.
  'falling+rising.csv': {
    script: 'test_131_falling+rising.py',
    definitions: ['ema = ta.ema(close, 20)'],
    columns: {
      'ta.falling(ema, 5)': 'ta.falling(ema, 5) ? -1 : 0',
      'ta.rising(ema, 5)': 'ta.rising(ema, 5) ? 1 : 0',
    },
  },
  // The titles drop the `ta.` prefix and the length of median/mode.
  'min+max+median+mode.csv': {
    script: 'test_201_min+max+median+mode.py',
    definitions: [],
    columns: {
      'min(close)': 'ta.min(close)',
      'max(close)': 'ta.max(close)',
      'median(close)': 'ta.median(close, 20)',
      'mode(close)': 'ta.mode(close, 20)',
    },
  },
  'pivot_point_levels.csv': pivotLevels([
    'P_trad',
    'R1_trad',
    'S1_trad',
    'R2_trad',
    'S2_trad',
    'R3_trad',
    'S3_trad',
    'P_fib',
    'R1_fib',
    'S1_fib',
    'P_dm',
    'R1_dm',
    'S1_dm',
    'P_cam',
    'R4_cam',
    'S4_cam',
    'P_woodie',
  ]),
  // The titles say percentages 30 and 0; the script computed both with 20.
  'ppp.csv': {
    script: 'test_221_pli+pnr+pr.py',
    definitions: [],
    columns: {
      'ta.percentile_linear_interpolation(close, 20, 30)':
        'ta.percentile_linear_interpolation(close, 20, 20)',
      'ta.percentile_nearest_rank(close, 20, 0)': 'ta.percentile_nearest_rank(close, 20, 20)',
    },
  },
  // `.up` is the line where the direction is negative (uptrend), `.down` where it is positive.
  'supertrend.csv': {
    script: 'test_271_supertrend.py',
    definitions: ['[st_line, st_direction] = ta.supertrend(3, 10)'],
    columns: {
      'ta.supertrend(3, 10).up': 'st_direction < 0 ? st_line : na',
      'ta.supertrend(3, 10).down': 'st_direction > 0 ? st_line : na',
    },
  },
  'valuewhen.csv': {
    script: 'test_321_valuewhen.py',
    definitions: ['slow = ta.sma(close, 7)', 'fast = ta.sma(close, 14)'],
    columns: {
      'ta.valuewhen(ta.cross(slow, fast), close, 1)': 'ta.valuewhen(ta.cross(slow, fast), close, 1)',
    },
  },
  'valuewhen_na.csv': {
    script: 'test_322_valuewhen_na.py',
    definitions: ['cond = bar_index % 3 == 0', 'src = bar_index % 2 == 0 ? na : close'],
    columns: {
      v0: 'ta.valuewhen(cond, src, 0)',
      v1: 'ta.valuewhen(cond, src, 1)',
      v2: 'ta.valuewhen(cond, src, 2)',
      w0: 'ta.valuewhen(cond, close, 0)',
    },
  },
};

/** A generated indicator and which plot title carries which oracle column. */
export interface OracleIndicator {
  readonly source: string;
  /** Oracle column title → plot title in the indicator. */
  readonly plots: ReadonlyMap<string, string>;
  /** Columns that were translated from the script rather than from their title. */
  readonly scriptDefined: readonly string[];
}

/** `ta.bb(close, 20, 2).upper` → the call and the field, when the call returns a tuple. */
function tupleField(title: string): { call: string; index: number } | undefined {
  const dot = title.lastIndexOf('.');
  const paren = title.indexOf('(');
  if (paren < 0 || dot < title.lastIndexOf(')')) return undefined;
  const fields = TUPLE_FIELDS[title.slice(0, paren)] as readonly string[] | undefined;
  const index = fields?.indexOf(title.slice(dot + 1)) ?? -1;
  return index < 0 ? undefined : { call: title.slice(0, dot), index };
}

/** Builds the indicator that plots `columns` (the export's indicator columns) of `file`. */
export function oracleIndicator(file: string, columns: readonly string[]): OracleIndicator {
  const defined = Object.hasOwn(SCRIPT_DEFINED, file) ? SCRIPT_DEFINED[file] : undefined;
  const lines = ['//@version=5', `indicator("oracle ${file}")`, ...(defined?.definitions ?? [])];
  const plots = new Map<string, string>();
  const scriptDefined: string[] = [];
  const tuples = new Map<string, string>();
  columns.forEach((column, k) => {
    const title = `col${String(k)}`;
    plots.set(column, title);
    let expression: string;
    if (defined !== undefined && Object.hasOwn(defined.columns, column)) {
      expression = defined.columns[column];
      scriptDefined.push(column);
    } else {
      const field = tupleField(column);
      if (field === undefined) expression = column;
      else {
        let prefix = tuples.get(field.call);
        if (prefix === undefined) {
          prefix = `t${String(tuples.size)}`;
          tuples.set(field.call, prefix);
          lines.push(`[${prefix}_0, ${prefix}_1, ${prefix}_2] = ${field.call}`);
        }
        expression = `${prefix}_${String(field.index)}`;
      }
    }
    lines.push(`plot(${expression}, "${title}")`);
  });
  return { source: `${lines.join('\n')}\n`, plots, scriptDefined };
}
