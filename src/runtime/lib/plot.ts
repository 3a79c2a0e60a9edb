import type { BarClock } from '../core/clock.js';

/**
 * Records `plot()` values (and plotshape/plotchar/bgcolor series codegen lowers to numbers) as one
 * Float64Array per plot, indexed by bar, so they can be compared with a chart export column by
 * column. A bar on which a plot call does not run stays na, as on the chart.
 */
export class PlotRecorder {
  private readonly clock: BarClock;
  private readonly bars: number;
  private readonly names: string[];
  private readonly columns: Float64Array[];

  constructor(clock: BarClock, bars: number) {
    this.clock = clock;
    this.bars = bars;
    this.names = [];
    this.columns = [];
  }

  /** Declares a plot once (in the generated constructor) and returns its id. */
  declare(title: string): number {
    this.names.push(title);
    this.columns.push(new Float64Array(this.bars).fill(NaN));
    return this.columns.length - 1;
  }

  /** Records the current bar's value of plot `id`. */
  record(id: number, value: number): void {
    this.columns[id][this.clock.bar] = value;
  }

  /** Plot titles in declaration order (index = id). */
  get titles(): readonly string[] {
    return this.names;
  }

  /** The values of plot `id`. */
  values(id: number): Float64Array {
    return this.columns[id];
  }

  /** The values of the first plot with this title. */
  column(title: string): Float64Array | undefined {
    const i = this.names.indexOf(title);
    return i < 0 ? undefined : this.columns[i];
  }
}

/** Drawing object kinds TradingView counts against its per-script limits. */
export type DrawingKind = 'line' | 'label' | 'box' | 'table' | 'polyline' | 'linefill';

/**
 * Drawings are accepted and counted, never rendered: `*.new` returns a fresh id, setters and
 * deletes only count. A backtest never fails because of a drawing call.
 */
export class DrawingCounter {
  private nextId: number;
  /** Objects created per kind. */
  readonly created: Record<DrawingKind, number>;
  /** Objects deleted per kind. */
  readonly deleted: Record<DrawingKind, number>;
  /** Setter/getter calls on existing objects. */
  updates: number;

  constructor() {
    this.nextId = 1;
    this.created = { line: 0, label: 0, box: 0, table: 0, polyline: 0, linefill: 0 };
    this.deleted = { line: 0, label: 0, box: 0, table: 0, polyline: 0, linefill: 0 };
    this.updates = 0;
  }

  /** `line.new(...)` etc.: a new id. */
  create(kind: DrawingKind): number {
    this.created[kind]++;
    return this.nextId++;
  }

  /** `line.set_*(id, ...)`, `label.set_text`, …: counted no-op. */
  update(): void {
    this.updates++;
  }

  /** `line.delete(id)` etc. */
  remove(kind: DrawingKind, id: number | null): void {
    if (id !== null && id === id) this.deleted[kind]++;
  }

  /** Objects of a kind alive now (created minus deleted). */
  alive(kind: DrawingKind): number {
    return this.created[kind] - this.deleted[kind];
  }
}

/** One recorded `alert()`, `alertcondition()` trigger or `log.*()` message. */
export interface RuntimeEvent {
  readonly bar: number;
  readonly kind: 'alert' | 'alertcondition' | 'log.info' | 'log.warning' | 'log.error';
  readonly message: string;
}

/** Collects alerts, triggered alert conditions and log messages in bar order. */
export class EventLog {
  private readonly clock: BarClock;
  readonly events: RuntimeEvent[];

  constructor(clock: BarClock) {
    this.clock = clock;
    this.events = [];
  }

  /** `alert(message, freq)`. */
  alert(message: string): void {
    this.events.push({ bar: this.clock.bar, kind: 'alert', message });
  }

  /** `alertcondition(condition, title, message)`: recorded on bars where the condition holds. */
  alertcondition(condition: boolean, title: string, message = ''): void {
    if (condition)
      this.events.push({
        bar: this.clock.bar,
        kind: 'alertcondition',
        message: message === '' ? title : message,
      });
  }

  /** `log.info/warning/error(message)` (already formatted by codegen via `str.format`). */
  log(level: 'info' | 'warning' | 'error', message: string): void {
    this.events.push({ bar: this.clock.bar, kind: `log.${level}`, message });
  }
}
