import type { Database, Statement } from 'better-sqlite3';
import type { Trade } from '../exports/index.js';
import { decodeFloat64 } from './blob.js';
import type { StudyRow } from './study.js';
import type {
  JsonObject,
  Provenance,
  RunDetails,
  RunKind,
  StoredRun,
  StoredStudy,
  WalkForwardWindow,
} from './schemas.js';
import type { Curve, RunId } from './types.js';

interface RunRow {
  id: number;
  kind: StoredRun['kind'];
  status: StoredRun['status'];
  name: string | null;
  created_at: number;
  finished_at: number | null;
  wall_ms: number | null;
  pineport_version: string;
  seed: number | null;
  inputs_json: string;
  strategy_json: string;
  symbol_json: string;
  summary_json: string;
  study_id: number | null;
  error: string | null;
  trade_count: number;
}

type ProvenanceRow = Record<
  'pine_path' | 'pine_hash' | 'pine_source' | 'code_hash' | 'data_path' | 'data_hash',
  string | null
> &
  Record<'data_rows' | 'data_first_time' | 'data_last_time', number | null>;

/**
 * A trade row in raw (array) mode, which is about twice as fast as one object per row for long
 * trade lists: [number, direction, entry_time, entry_price, entry_signal, exit_time, exit_price,
 * exit_signal, qty, profit, profit_percent, cum_profit, run_up, drawdown, commission, is_open,
 * entry_line, exit_line].
 */
type TradeRow = (number | string | null)[];
const TRADE_COLUMNS =
  'number, direction, entry_time, entry_price, entry_signal, exit_time, exit_price, exit_signal, qty, profit, ' +
  'profit_percent, cum_profit, run_up, drawdown, commission, is_open, entry_line, exit_line';

interface WindowRow {
  idx: number;
  is_start: number;
  is_end: number;
  oos_start: number;
  oos_end: number;
  study_id: number | null;
  params_json: string;
  in_sample_json: string;
  out_of_sample_json: string;
}

interface CurveRow {
  name: string;
  times: Buffer;
  vals: Buffer;
}

type StudyListRow = StudyRow & { created_at: number; trial_count: number };

const RUN_COLUMNS = `r.*, (SELECT COUNT(*) FROM trades t WHERE t.run_id = r.id) AS trade_count`;

/** NULL back to NaN for the in-memory shapes (Trade, curves) that use NaN for "not available". */
function nan(value: number | null): number {
  return value ?? Number.NaN;
}

function parseObject(text: string): JsonObject {
  return JSON.parse(text) as JsonObject;
}

function toRun(row: RunRow): StoredRun {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    name: row.name,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    wallMs: row.wall_ms,
    pineportVersion: row.pineport_version,
    seed: row.seed,
    inputs: parseObject(row.inputs_json),
    strategy: parseObject(row.strategy_json),
    symbol: parseObject(row.symbol_json),
    summary: parseObject(row.summary_json),
    studyId: row.study_id,
    error: row.error,
    tradeCount: row.trade_count,
  };
}

/** The SELECT side of the store, with statements prepared once per connection. */
export class RunReader {
  private readonly run: Statement<[RunId], RunRow>;
  private readonly listAll: Statement<[number], RunRow>;
  private readonly listKind: Statement<[RunKind, number], RunRow>;
  private readonly provenance: Statement<[RunId], ProvenanceRow>;
  private readonly metrics: Statement<[RunId], { name: string; value: number | null }>;
  private readonly curveNames: Statement<[RunId], { name: string }>;
  private readonly curve: Statement<[RunId, string], CurveRow>;
  private readonly curves: Statement<[RunId], CurveRow>;
  private readonly trades: Statement<[RunId], TradeRow>;
  private readonly windows: Statement<[RunId], WindowRow>;
  private readonly studyRows: Statement<[], StudyListRow>;

  constructor(db: Database) {
    this.run = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs r WHERE r.id = ?`);
    this.listAll = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs r ORDER BY r.id DESC LIMIT ?`);
    this.listKind = db.prepare(
      `SELECT ${RUN_COLUMNS} FROM runs r WHERE r.kind = ? ORDER BY r.id DESC LIMIT ?`,
    );
    this.provenance = db.prepare('SELECT * FROM provenance WHERE run_id = ?');
    this.metrics = db.prepare('SELECT name, value FROM metrics WHERE run_id = ? ORDER BY name');
    this.curveNames = db.prepare('SELECT name FROM equity_curves WHERE run_id = ? ORDER BY name');
    this.curve = db.prepare('SELECT name, times, vals FROM equity_curves WHERE run_id = ? AND name = ?');
    this.curves = db.prepare('SELECT name, times, vals FROM equity_curves WHERE run_id = ? ORDER BY name');
    this.trades = db
      .prepare<[RunId], TradeRow>(`SELECT ${TRADE_COLUMNS} FROM trades WHERE run_id = ? ORDER BY seq`)
      .raw(true);
    this.windows = db.prepare('SELECT * FROM walkforward_windows WHERE run_id = ? ORDER BY idx');
    this.studyRows = db.prepare(
      'SELECT s.*, (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id) AS trial_count FROM studies s ORDER BY s.id DESC',
    );
  }

  /** The run row, or undefined for an unknown id. */
  storedRun(id: RunId): StoredRun | undefined {
    const row = this.run.get(id);
    return row === undefined ? undefined : toRun(row);
  }

  /** Newest first; a negative limit means all. */
  list(kind: RunKind | undefined, limit: number): StoredRun[] {
    const rows = kind === undefined ? this.listAll.all(limit) : this.listKind.all(kind, limit);
    return rows.map(toRun);
  }

  details(id: RunId): RunDetails | undefined {
    const run = this.storedRun(id);
    if (run === undefined) return undefined;
    const p = this.provenance.get(id);
    return {
      ...run,
      provenance:
        p === undefined
          ? null
          : ({
              pinePath: p.pine_path,
              pineHash: p.pine_hash,
              pineSource: p.pine_source,
              codeHash: p.code_hash,
              dataPath: p.data_path,
              dataHash: p.data_hash,
              dataRows: p.data_rows,
              dataFirstTime: p.data_first_time,
              dataLastTime: p.data_last_time,
            } satisfies Provenance),
      metrics: Object.fromEntries(this.metrics.all(id).map((m) => [m.name, m.value])),
      curves: this.curveNames.all(id).map((c) => c.name),
      windows: this.windows.all(id).map((w): WalkForwardWindow => ({
        index: w.idx,
        inSampleStart: w.is_start,
        inSampleEnd: w.is_end,
        outOfSampleStart: w.oos_start,
        outOfSampleEnd: w.oos_end,
        studyId: w.study_id,
        params: parseObject(w.params_json),
        inSample: parseObject(w.in_sample_json),
        outOfSample: parseObject(w.out_of_sample_json),
      })),
    };
  }

  tradeList(id: RunId): Trade[] {
    // Raw rows mix types by position: the casts follow TRADE_COLUMNS.
    return this.trades.all(id).map((t) => {
      return {
        number: t[0] as number,
        direction: t[1] as Trade['direction'],
        entryTime: nan(t[2] as number | null),
        entryPrice: nan(t[3] as number | null),
        entrySignal: t[4] as string,
        exitTime: nan(t[5] as number | null),
        exitPrice: nan(t[6] as number | null),
        exitSignal: t[7] as string,
        qty: nan(t[8] as number | null),
        profit: nan(t[9] as number | null),
        profitPercent: nan(t[10] as number | null),
        cumProfit: nan(t[11] as number | null),
        runUp: nan(t[12] as number | null),
        drawdown: nan(t[13] as number | null),
        commission: nan(t[14] as number | null),
        open: t[15] === 1,
        entryLine: t[16] as number,
        exitLine: t[17] as number,
      };
    });
  }

  namedCurve(id: RunId, name: string): Curve | undefined {
    const row = this.curve.get(id, name);
    return row === undefined
      ? undefined
      : { times: decodeFloat64(row.times), values: decodeFloat64(row.vals) };
  }

  allCurves(id: RunId): Record<string, Curve> {
    return Object.fromEntries(
      this.curves
        .all(id)
        .map((row) => [row.name, { times: decodeFloat64(row.times), values: decodeFloat64(row.vals) }]),
    );
  }

  studies(): StoredStudy[] {
    return this.studyRows.all().map((s) => ({
      id: s.id,
      name: s.name,
      sampler: s.sampler,
      seed: s.seed,
      batchSize: s.batch_size,
      space: s.space_json,
      objectives: JSON.parse(s.objectives_json) as string[],
      constraints: JSON.parse(s.constraints_json) as string[],
      createdAt: s.created_at,
      trialCount: s.trial_count,
    }));
  }
}
