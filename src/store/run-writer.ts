import type { Database, Statement } from 'better-sqlite3';
import type { Trade } from '../exports/index.js';
import { encodeFloat64, FLOAT64_CODEC } from './blob.js';
import { hashText } from './provenance.js';
import type { Curve, RunHeader, RunId, RunResults, WalkForwardWindowInput } from './types.js';

/** NaN (and undefined) become NULL: SQLite has no NaN, and NULL is what a backend expects. */
export function sqlNumber(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

/**
 * The INSERT side of the store: one prepared statement per table, built once per connection.
 * Methods here do not open transactions; RunStore wraps them in one.
 */
export class RunWriter {
  private readonly insertRun: Statement;
  private readonly insertProvenance: Statement;
  private readonly finalise: Statement;
  private readonly insertTrade: Statement;
  private readonly insertMetric: Statement;
  private readonly insertCurve: Statement;
  private readonly insertWindow: Statement;

  constructor(db: Database) {
    this.insertRun = db.prepare(
      `INSERT INTO runs (kind, status, name, created_at, pineport_version, seed, inputs_json, strategy_json, symbol_json, study_id)
       VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertProvenance = db.prepare(
      `INSERT INTO provenance (run_id, pine_path, pine_hash, pine_source, code_hash, data_path, data_hash, data_rows, data_first_time, data_last_time)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.finalise = db.prepare(
      `UPDATE runs SET status = ?, finished_at = ?, wall_ms = ?, error = ?, summary_json = ?, study_id = COALESCE(?, study_id)
       WHERE id = ? AND status = 'running'`,
    );
    this.insertTrade = db.prepare(
      `INSERT INTO trades (run_id, seq, number, direction, entry_time, entry_price, entry_signal, exit_time, exit_price,
         exit_signal, qty, profit, profit_percent, cum_profit, run_up, drawdown, commission, is_open, entry_line, exit_line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertMetric = db.prepare('INSERT INTO metrics (run_id, name, value) VALUES (?, ?, ?)');
    this.insertCurve = db.prepare(
      'INSERT INTO equity_curves (run_id, name, length, codec, times, vals) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertWindow = db.prepare(
      `INSERT INTO walkforward_windows (run_id, idx, is_start, is_end, oos_start, oos_end, study_id, params_json, in_sample_json, out_of_sample_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Inserts the run row (status 'running') and its provenance; returns the new id. */
  header(run: RunHeader): RunId {
    const info = this.insertRun.run(
      run.kind,
      run.name ?? null,
      run.createdAt ?? Date.now(),
      run.pineportVersion,
      run.seed ?? null,
      JSON.stringify(run.inputs ?? {}),
      JSON.stringify(run.strategy ?? {}),
      JSON.stringify(run.symbol ?? {}),
      run.studyId ?? null,
    );
    const id = Number(info.lastInsertRowid);
    const p = run.provenance;
    if (p !== undefined) {
      this.insertProvenance.run(
        id,
        p.pinePath ?? null,
        p.pineSource === undefined ? null : hashText(p.pineSource),
        p.pineSource ?? null,
        p.codeHash ?? null,
        p.dataPath ?? null,
        p.dataHash ?? null,
        sqlNumber(p.dataRows),
        sqlNumber(p.dataFirstTime),
        sqlNumber(p.dataLastTime),
      );
    }
    return id;
  }

  /** Writes the results and flips the status from 'running'; false when the run is not running. */
  results(id: RunId, results: RunResults): boolean {
    const changed = this.finalise.run(
      results.status ?? 'complete',
      results.finishedAt ?? Date.now(),
      sqlNumber(results.wallMs),
      results.error ?? null,
      JSON.stringify(results.summary ?? {}),
      results.studyId ?? null,
      id,
    ).changes;
    if (changed === 0) return false;
    if (results.trades !== undefined) this.trades(id, results.trades);
    for (const [name, value] of Object.entries(results.metrics ?? {}))
      this.insertMetric.run(id, name, sqlNumber(value));
    if (results.equity !== undefined) this.curve(id, 'equity', results.equity);
    for (const [name, curve] of Object.entries(results.curves ?? {})) this.curve(id, name, curve);
    for (const window of results.windows ?? []) this.window(id, window);
    return true;
  }

  private trades(id: RunId, trades: Iterable<Trade>): void {
    let seq = 0;
    for (const t of trades) {
      this.insertTrade.run(
        id,
        seq++,
        t.number,
        t.direction,
        sqlNumber(t.entryTime),
        sqlNumber(t.entryPrice),
        t.entrySignal,
        sqlNumber(t.exitTime),
        sqlNumber(t.exitPrice),
        t.exitSignal,
        sqlNumber(t.qty),
        sqlNumber(t.profit),
        sqlNumber(t.profitPercent),
        sqlNumber(t.cumProfit),
        sqlNumber(t.runUp),
        sqlNumber(t.drawdown),
        sqlNumber(t.commission),
        t.open ? 1 : 0,
        t.entryLine,
        t.exitLine,
      );
    }
  }

  private curve(id: RunId, name: string, curve: Curve): void {
    if (curve.times.length !== curve.values.length) {
      throw new Error(`curve '${name}': ${curve.times.length} times but ${curve.values.length} values`);
    }
    this.insertCurve.run(
      id,
      name,
      curve.values.length,
      FLOAT64_CODEC,
      encodeFloat64(curve.times),
      encodeFloat64(curve.values),
    );
  }

  private window(id: RunId, w: WalkForwardWindowInput): void {
    this.insertWindow.run(
      id,
      w.index,
      w.inSampleStart,
      w.inSampleEnd,
      w.outOfSampleStart,
      w.outOfSampleEnd,
      w.studyId ?? null,
      JSON.stringify(w.params),
      JSON.stringify(w.inSample),
      JSON.stringify(w.outOfSample),
    );
  }
}
