import type { Figure, Skip } from './contract.js';

/** A number for a table cell: thousands grouped from 1,000 up, three significant digits below. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  if (abs >= 1000) return v.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (abs >= 100) return v.toFixed(0);
  if (abs >= 10) return v.toFixed(1);
  if (abs >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}

/** One figure in table form. */
interface Row {
  readonly area: string;
  readonly figure: Figure;
}

function targetCell(f: Figure): string {
  if (f.target === undefined) return '';
  const op = f.target.op === '<=' ? '≤' : '≥';
  return `${op} ${formatNumber(f.target.value)} ${f.target.met ? 'met' : 'MISSED'}`;
}

/**
 * A fixed-width text table: area, figure, measured, baseline (what and how much), the cost ratio
 * (×: how many times the baseline's time the measured code takes) and the target, if any.
 */
export function renderTable(rows: readonly Row[]): string {
  const header = ['area', 'figure', 'measured', 'baseline (same run)', 'cost ×', 'target'];
  const cells = rows.map(({ area, figure: f }) => [
    area,
    f.name,
    `${formatNumber(f.measured)} ${f.unit}`,
    `${f.baselineName}: ${formatNumber(f.baseline)} ${f.unit}`,
    `${f.costRatio.toFixed(2)}×`,
    targetCell(f),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: readonly string[]): string =>
    c
      .map((s, i) => (i === 2 || i === 4 ? s.padStart(widths[i]) : s.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** One `SKIP` line per skipped measurement. */
export function renderSkips(area: string, skips: readonly Skip[]): string[] {
  return skips.map((s) => `SKIP  ${area}: ${s.name} — ${s.reason}`);
}
