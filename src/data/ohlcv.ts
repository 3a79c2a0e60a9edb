import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/index.js';
import { dataCodes } from '../diagnostics/codes/data.js';
import { bomLength, readCsvRecords } from './csv.js';
import { FileReporter, lineSpan } from './report.js';
import { CellScanner, isNaiveKind, TimeKind, timeFormatName, type TimeFormat } from './scan.js';
import type { Gap, NamedSeries, OhlcvSeries } from './series.js';
import { TimeZone } from './timezone.js';
import { checkSpacing } from './spacing.js';

/** Options for {@link loadOhlcv}. */
export interface OhlcvLoadOptions {
  /** File name used in diagnostics. */
  readonly file?: string;
  /** Timezone of naive times (`2024-01-02 09:30`, `2024-01-02`); required when the file has them. */
  readonly timezone?: string;
  /** At most this many diagnostics per code (default 50); the rest are counted in one PP4017. */
  readonly maxDiagnosticsPerCode?: number;
  /** The bar spacing in ms, when known; inferred from the data otherwise. */
  readonly timeframeMs?: number;
}

/** What {@link loadOhlcv} found. */
export interface OhlcvLoadResult {
  /** The bars; undefined when the file has no usable structure (empty, required columns missing, naive times without timezone). */
  readonly series: OhlcvSeries | undefined;
  /** How the time column is written (the first row's format). */
  readonly timeFormat: TimeFormat | undefined;
  readonly hasHeader: boolean;
  /** Column names in file order (`time,open,high,low,close[,volume]` for a headerless file). */
  readonly columns: readonly string[];
  /** Every gap larger than the timeframe (diagnostics list at most the cap). */
  readonly gaps: readonly Gap[];
  readonly diagnostics: readonly Diagnostic[];
  /** True when no diagnostic is an error. */
  readonly ok: boolean;
}

const TIME_NAMES = new Set([
  'time',
  'timestamp',
  'date',
  'datetime',
  'date/time',
  'date and time',
  'open time',
]);
const REQUIRED = ['time', 'open', 'high', 'low', 'close'] as const;
const ROLE_VOLUME = 5;
const ROLE_NAMES = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

/**
 * Loads OHLCV bars from CSV text: a header naming `time|timestamp|date`, `open`…`close`, optional
 * `volume`/`Volume` and any extra columns (kept by name, as in TradingView's "Export chart data"), or no
 * header (then `time,open,high,low,close[,volume]`). Times are UNIX s or ms or ISO-8601 with or without
 * offset. Every row is kept in file order; every problem is a diagnostic with file, line and column.
 */
export function loadOhlcv(text: string, options: OhlcvLoadOptions = {}): OhlcvLoadResult {
  const reporter = new FileReporter(options.file, options.maxDiagnosticsPerCode ?? 50);
  const failed = (columns: readonly string[] = [], hasHeader = true): OhlcvLoadResult => {
    const diagnostics = reporter.finish();
    return { series: undefined, timeFormat: undefined, hasHeader, columns, gaps: [], diagnostics, ok: false };
  };
  const bom = bomLength(text);
  const first = readCsvRecords(text, bom, ',', 1).at(0);
  if (first === undefined) {
    reporter.report(dataCodes.emptyFile, undefined, 'the file is empty', 'export the bars again');
    return failed([], false);
  }
  const layout = headerLayout(first.fields, text, first.starts, first.ends);
  const columns = layout.names;
  const missing = REQUIRED.filter((name) => !layout.roles.includes(ROLE_NAMES.indexOf(name)));
  if (missing.length > 0) {
    reporter.report(
      dataCodes.missingColumn,
      lineSpan(first.line, first.lineStart, first.lineStart, first.ends[first.ends.length - 1]),
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${columns.join(', ')})`,
      'name the columns time (or timestamp/date), open, high, low, close and optionally volume',
    );
    return failed(columns);
  }
  if (!layout.roles.includes(ROLE_VOLUME)) {
    reporter.report(dataCodes.noVolume, undefined, 'no volume column: volume is na on every bar');
  }
  const timezone = options.timezone === undefined ? undefined : TimeZone.parse(options.timezone);
  if (options.timezone !== undefined && timezone === undefined) {
    reporter.report(
      dataCodes.unknownTimezone,
      undefined,
      `unknown timezone '${options.timezone}'`,
      'use an IANA name (Asia/Taipei), UTC, or a fixed offset (UTC+8, +08:00)',
    );
    return failed(columns, layout.hasHeader);
  }
  const dataStart = layout.hasHeader
    ? nextLineStart(text, first.ends[first.ends.length - 1])
    : first.lineStart;
  const rows = new RowReader(
    text,
    dataStart,
    layout.hasHeader ? first.line + 1 : first.line,
    layout.roles,
    reporter,
    timezone,
  );
  rows.readAll();
  if (rows.count === 0) {
    reporter.report(
      dataCodes.emptyFile,
      undefined,
      'the file has a header but no rows',
      'export the bars again',
    );
    return failed(columns, layout.hasHeader);
  }
  if (rows.naiveWithoutZone) return failed(columns, layout.hasHeader);
  const series = rows.toSeries(columns, options.timeframeMs);
  // With broken or unordered times the steps mean nothing; those errors are what to fix first.
  const timesUsable = [dataCodes.badTime, dataCodes.mixedTimeFormats, dataCodes.unsortedTime].every(
    (code) => reporter.count(code) === 0,
  );
  const gaps = timesUsable ? checkSpacing(series, rows.positions(), reporter) : [];
  const diagnostics = reporter.finish();
  return {
    series,
    timeFormat: rows.firstKind === TimeKind.invalid ? undefined : timeFormatName(rows.firstKind),
    hasHeader: layout.hasHeader,
    columns,
    gaps,
    diagnostics,
    ok: !diagnostics.some((d) => d.severity === 'error'),
  };
}

/** Reads a file as UTF-8 and loads it; I/O errors (missing file, permissions) are thrown, not diagnosed. */
export async function loadOhlcvFile(path: string, options: OhlcvLoadOptions = {}): Promise<OhlcvLoadResult> {
  const text = await readFile(path, 'utf8');
  return loadOhlcv(text, { file: path, ...options });
}

interface HeaderLayout {
  readonly hasHeader: boolean;
  readonly names: readonly string[];
  /** Per column: 0 time, 1 open … 5 volume, 6 + k the k-th extra. */
  readonly roles: readonly number[];
}

function headerLayout(
  fields: readonly string[],
  text: string,
  starts: readonly number[],
  ends: readonly number[],
): HeaderLayout {
  const probe = new CellScanner(text);
  probe.time(starts[0], ends[0]);
  const looksLikeData =
    probe.kind !== TimeKind.invalid &&
    fields.length >= 5 &&
    fields.slice(1).every((_, i) => {
      probe.number(starts[i + 1], ends[i + 1]);
      return probe.valid;
    });
  if (looksLikeData) {
    const names = fields.map((_, i) => (i < ROLE_NAMES.length ? ROLE_NAMES[i] : `column${i + 1}`));
    return { hasHeader: false, names, roles: names.map((_, i) => i) };
  }
  const roles: number[] = [];
  let extras = 0;
  for (const field of fields) {
    const name = field.trim().toLowerCase();
    let role = TIME_NAMES.has(name) ? 0 : ROLE_NAMES.indexOf(name as (typeof ROLE_NAMES)[number]);
    if (role < 0 && name === 'vol') role = ROLE_VOLUME;
    // A repeated name (TradingView exports can have `time` twice) becomes an extra column.
    if (role < 0 || roles.includes(role)) role = ROLE_NAMES.length + extras++;
    roles.push(role);
  }
  return { hasHeader: true, names: fields.map((f) => f.trim()), roles };
}

function nextLineStart(text: string, from: number): number {
  let pos = from;
  if (text.charCodeAt(pos) === 13) pos++;
  if (text.charCodeAt(pos) === 10) pos++;
  return pos;
}

/** Counts line feeds so the columns can be allocated once. */
function countLines(text: string, from: number): number {
  let n = 1;
  for (let i = text.indexOf('\n', from); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Where each row came from, for diagnostics found after parsing (gaps, order). */
export interface RowPositions {
  readonly line: Int32Array;
  readonly lineStart: Int32Array;
  readonly timeStart: Int32Array;
  readonly timeEnd: Int32Array;
}

/**
 * The fast path: walks the text once with charCodeAt, cell by cell, parsing in place. No split, no
 * per-row allocation; columns are preallocated to the line count and trimmed at the end.
 */
class RowReader {
  private readonly text: string;
  private pos: number;
  private line: number;
  private readonly roles: Int32Array;
  private readonly reporter: FileReporter;
  private readonly timezone: TimeZone | undefined;
  private readonly scanner: CellScanner;
  private readonly columns: Float64Array[];
  private readonly rowLine: Int32Array;
  private readonly rowLineStart: Int32Array;
  private readonly rowTimeStart: Int32Array;
  private readonly rowTimeEnd: Int32Array;
  private readonly cellStart: Int32Array;
  private readonly cellEnd: Int32Array;
  private readonly columnOfRole: Int32Array;
  /** Per cell of the current row: 1 when the fused path already parsed and stored it. */
  private readonly parsed: Uint8Array;
  count = 0;
  firstKind: number = TimeKind.invalid;
  naiveWithoutZone = false;
  private lastTime = Number.NaN;
  private lastTimeLine = 0;

  constructor(
    text: string,
    from: number,
    firstLine: number,
    roles: readonly number[],
    reporter: FileReporter,
    timezone: TimeZone | undefined,
  ) {
    this.text = text;
    this.pos = from;
    this.line = firstLine;
    this.roles = Int32Array.from(roles);
    this.reporter = reporter;
    this.timezone = timezone;
    this.scanner = new CellScanner(text);
    const capacity = countLines(text, from);
    const roleCount = Math.max(ROLE_NAMES.length, ...roles.map((r) => r + 1));
    this.columns = Array.from({ length: roleCount }, () => new Float64Array(capacity).fill(Number.NaN));
    this.rowLine = new Int32Array(capacity);
    this.rowLineStart = new Int32Array(capacity);
    this.rowTimeStart = new Int32Array(capacity);
    this.rowTimeEnd = new Int32Array(capacity);
    this.cellStart = new Int32Array(roles.length);
    this.cellEnd = new Int32Array(roles.length);
    this.columnOfRole = new Int32Array(roleCount).fill(-1);
    this.parsed = new Uint8Array(Math.max(1, roles.length));
    roles.forEach((role, column) => (this.columnOfRole[role] = column));
  }

  readAll(): void {
    const text = this.text;
    const length = text.length;
    while (this.pos < length) {
      const c = text.charCodeAt(this.pos);
      if (c === 10 || c === 13) {
        // Blank lines carry no bar; they are skipped, not counted as rows.
        this.pos += c === 13 && text.charCodeAt(this.pos + 1) === 10 ? 2 : 1;
        this.line++;
        continue;
      }
      this.readRow();
    }
  }

  private readRow(): void {
    const text = this.text;
    const length = text.length;
    const row = this.count++;
    const lineStart = this.pos;
    const fieldCount = this.roles.length;
    let pos = this.pos;
    let fields = 0;
    let c: number;
    for (;;) {
      let start = pos;
      let end = -1;
      const role = fields < fieldCount ? this.roles[fields] : -1;
      c = text.charCodeAt(pos);
      this.parsed[fields < fieldCount ? fields : 0] = 0;
      if (role > 0 && c !== 34) {
        // Fused path: parse the number while finding the cell's end (one read per character).
        const value = this.scanner.numberPrefix(pos);
        const stop = this.scanner.stop;
        c = text.charCodeAt(stop);
        if (this.scanner.valid && (c === 44 || c === 10 || c === 13 || stop >= length)) {
          this.columns[role][row] = value;
          this.parsed[fields] = 1;
          end = pos = stop;
        }
      }
      if (end >= 0) {
        // Parsed above.
      } else if (text.charCodeAt(pos) === 34) {
        const close = text.indexOf('"', pos + 1);
        end = close === -1 ? length : close;
        start = pos + 1;
        pos = close === -1 ? length : close + 1;
        c = text.charCodeAt(pos);
        while (pos < length && c !== 44 && c !== 10 && c !== 13) c = text.charCodeAt(++pos);
      } else {
        c = text.charCodeAt(pos);
        while (pos < length && c !== 44 && c !== 10 && c !== 13) c = text.charCodeAt(++pos);
        end = pos;
      }
      if (fields < fieldCount) {
        this.cellStart[fields] = start;
        this.cellEnd[fields] = end;
      } else if (fields === fieldCount) {
        this.reporter.report(
          dataCodes.fieldCount,
          lineSpan(this.line, lineStart, start, end),
          `row has more than the header's ${fieldCount} fields`,
          'remove the extra fields or add a column name for them',
        );
      }
      fields++;
      if (pos >= length || c !== 44) break;
      pos++;
    }
    if (fields < fieldCount) {
      // Missing cells are empty ranges at the end of the row, so later checks point there.
      this.cellStart.fill(pos, fields);
      this.cellEnd.fill(pos, fields);
      this.reporter.report(
        dataCodes.fieldCount,
        lineSpan(this.line, lineStart, pos, pos),
        `row has ${fields} field${fields === 1 ? '' : 's'}, the header has ${fieldCount}`,
        'every row needs a value for every column (write NaN for na)',
      );
    }
    if (pos < length) pos += c === 13 && text.charCodeAt(pos + 1) === 10 ? 2 : 1;
    this.rowLine[row] = this.line;
    this.rowLineStart[row] = lineStart;
    this.parseCells(row, Math.min(fields, fieldCount), lineStart);
    this.pos = pos;
    this.line++;
  }

  private parseCells(row: number, present: number, lineStart: number): void {
    const scanner = this.scanner;
    for (let column = 0; column < present; column++) {
      const role = this.roles[column];
      const start = this.cellStart[column];
      const end = this.cellEnd[column];
      if (role === 0) {
        this.rowTimeStart[row] = start;
        this.rowTimeEnd[row] = end;
        this.columns[0][row] = this.parseTime(start, end, lineStart);
        continue;
      }
      if (this.parsed[column] === 1) continue;
      const value = scanner.number(start, end);
      if (!scanner.valid && !(role > 4 && start === end)) {
        const name = role <= 4 ? ROLE_NAMES[role] : 'value';
        this.reporter.report(
          dataCodes.badNumber,
          lineSpan(this.line, lineStart, start, end),
          `${name} '${this.text.slice(start, end)}' is not a number`,
          'write plain decimals with a dot (1234.5), or NaN for na',
        );
      }
      this.columns[role][row] = value;
    }
    this.checkPrices(row, lineStart);
  }

  private parseTime(start: number, end: number, lineStart: number): number {
    const scanner = this.scanner;
    let time = scanner.time(start, end);
    const kind = scanner.kind;
    if (kind === TimeKind.invalid) {
      this.reporter.report(
        dataCodes.badTime,
        lineSpan(this.line, lineStart, start, end),
        `time '${this.text.slice(start, end)}' is neither UNIX seconds/milliseconds nor ISO-8601`,
        'write 1700000000, 1700000000000, 2024-01-02T09:30:00+08:00 or 2024-01-02 09:30',
      );
      return Number.NaN;
    }
    if (this.firstKind === TimeKind.invalid) this.firstKind = kind;
    else if (kind !== this.firstKind) {
      this.reporter.report(
        dataCodes.mixedTimeFormats,
        lineSpan(this.line, lineStart, start, end),
        `time '${this.text.slice(start, end)}' is ${timeFormatName(kind)}, but the first row is ${timeFormatName(this.firstKind)}`,
        'write every time in the same format',
      );
    }
    if (isNaiveKind(kind)) {
      if (this.timezone === undefined) {
        if (!this.naiveWithoutZone) {
          this.reporter.report(
            dataCodes.naiveTimeWithoutTimezone,
            lineSpan(this.line, lineStart, start, end),
            `time '${this.text.slice(start, end)}' has no UTC offset and no timezone was given`,
            'pass the chart timezone (e.g. --timezone Asia/Taipei or UTC+8)',
          );
        }
        this.naiveWithoutZone = true;
        return Number.NaN;
      }
      time = this.timezone.toUtc(time);
    }
    this.checkOrder(time, start, end, lineStart);
    return time;
  }

  /** Spans are built only when something is reported: this runs once per row. */
  private checkOrder(time: number, start: number, end: number, lineStart: number): void {
    if (time < this.lastTime) {
      this.reporter.report(
        dataCodes.unsortedTime,
        lineSpan(this.line, lineStart, start, end),
        `time goes backwards: ${new Date(time).toISOString()} comes after ${new Date(this.lastTime).toISOString()} (line ${this.lastTimeLine})`,
        'sort the file by time, oldest first; pineport never reorders bars',
      );
    } else if (time === this.lastTime) {
      this.reporter.report(
        dataCodes.duplicateTime,
        lineSpan(this.line, lineStart, start, end),
        `duplicate time ${new Date(time).toISOString()} (also on line ${this.lastTimeLine})`,
        'remove the duplicate bar; pineport never drops bars',
      );
    }
    this.lastTime = time;
    this.lastTimeLine = this.line;
  }

  private checkPrices(row: number, lineStart: number): void {
    // The body checks below only make sense when all four prices are usable.
    let allValid = true;
    for (let role = 1; role <= 4; role++) {
      const column = this.columnOfRole[role];
      const value = this.columns[role][row];
      if (Number.isFinite(value)) {
        if (value <= 0) allValid = false;
        if (value <= 0)
          this.priceProblem(
            dataCodes.nonPositivePrice,
            column,
            lineStart,
            `${ROLE_NAMES[role]} ${value} is not positive`,
          );
        continue;
      }
      allValid = false;
      const start = this.cellStart[column];
      const end = this.cellEnd[column];
      this.scanner.number(start, end);
      // A malformed cell already has its PP4003; only well-formed NaN/Infinity are reported here.
      if (this.scanner.valid) {
        this.priceProblem(
          dataCodes.nonFinitePrice,
          column,
          lineStart,
          `${ROLE_NAMES[role]} is ${this.text.slice(start, end)}`,
        );
      }
    }
    const volumeColumn = this.columnOfRole[ROLE_VOLUME];
    if (volumeColumn >= 0 && this.columns[ROLE_VOLUME][row] < 0) {
      this.priceProblem(
        dataCodes.negativeVolume,
        volumeColumn,
        lineStart,
        `volume ${this.columns[ROLE_VOLUME][row]} is negative`,
      );
    }
    if (!allValid) return;
    const open = this.columns[1][row];
    const high = this.columns[2][row];
    const low = this.columns[3][row];
    const close = this.columns[4][row];
    if (high < Math.max(open, close)) {
      this.priceProblem(
        dataCodes.highBelowBody,
        this.columnOfRole[2],
        lineStart,
        `high ${high} is below max(open ${open}, close ${close})`,
      );
    }
    if (low > Math.min(open, close)) {
      this.priceProblem(
        dataCodes.lowAboveBody,
        this.columnOfRole[3],
        lineStart,
        `low ${low} is above min(open ${open}, close ${close})`,
      );
    }
  }

  private priceProblem(
    code: (typeof dataCodes)[keyof typeof dataCodes],
    column: number,
    lineStart: number,
    message: string,
  ): void {
    const span = lineSpan(this.line, lineStart, this.cellStart[column], this.cellEnd[column]);
    this.reporter.report(
      code,
      span,
      message,
      'fix or remove the bar at its source; pineport keeps every bar as given',
    );
  }

  /** Trims the preallocated columns to the rows read and infers the timeframe. */
  toSeries(names: readonly string[], timeframeMs: number | undefined): OhlcvSeries {
    const n = this.count;
    const extras: NamedSeries[] = [];
    this.roles.forEach((role, column) => {
      if (role > ROLE_VOLUME) extras.push({ name: names[column], values: this.columns[role].subarray(0, n) });
    });
    const time = this.columns[0].subarray(0, n);
    return {
      length: n,
      time,
      open: this.columns[1].subarray(0, n),
      high: this.columns[2].subarray(0, n),
      low: this.columns[3].subarray(0, n),
      close: this.columns[4].subarray(0, n),
      volume: this.columns[ROLE_VOLUME].subarray(0, n),
      extras,
      timeframeMs: timeframeMs ?? inferTimeframe(time),
    };
  }

  positions(): RowPositions {
    const n = this.count;
    return {
      line: this.rowLine.subarray(0, n),
      lineStart: this.rowLineStart.subarray(0, n),
      timeStart: this.rowTimeStart.subarray(0, n),
      timeEnd: this.rowTimeEnd.subarray(0, n),
    };
  }
}

/**
 * The most common positive step between consecutive bars (ties: the smaller step). The mode, not the
 * minimum, so one odd bar does not redefine the timeframe and every gap shows as one.
 */
export function inferTimeframe(time: Float64Array): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < time.length; i++) {
    const step = time[i] - time[i - 1];
    if (step > 0) counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  let best = Number.NaN;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return best;
}
