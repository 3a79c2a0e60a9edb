import type { Severity } from '../diagnostics/diagnostic.js';
import { renderDiagnostic } from '../diagnostics/render.js';
import type { HealthReport } from './schema.js';

const GROUPS: readonly [Severity, string][] = [
  ['error', 'Errors'],
  ['warning', 'Warnings'],
  ['info', 'Notes'],
];

function percent(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

/** The measured figures as short lines (look-ahead, warm-up, sanity, inputs). */
export function healthFigureLines(report: HealthReport): string[] {
  const lines: string[] = [];
  const l = report.lookahead;
  if (l)
    lines.push(
      `look-ahead: ${l.cuts.length} truncated runs, ${l.differingCuts} changed bars before their cut` +
        (l.first
          ? ` (first: bar ${l.first.bar}, ${l.first.kind} '${l.first.series}'${l.first.line === undefined ? '' : `, line ${l.first.line}`})`
          : ''),
    );
  const w = report.warmup;
  if (w) {
    const parts = w.offsets.map(
      (o) => `+${o.offset}: ${o.settled ? `plots ${o.plotWarmup}, fills ${o.tradeWarmup}` : 'never settles'}`,
    );
    lines.push(
      `warm-up: ${w.settled ? `${w.warmupBars} bars (plots ${w.plotWarmupBars})` : 'results never settle'}${parts.length > 0 ? ` — by start offset ${parts.join('; ')}` : ''}`,
    );
    if (w.series.length > 0)
      lines.push(
        `warm-up per plot: ${w.series.map((p) => `'${p.title}' ${p.settled ? `${p.warmupBars} bars` : 'never settles'}`).join(', ')}`,
      );
  }
  const s = report.sanity;
  if (s) {
    lines.push(
      `trades: ${s.closedTrades} closed, ${s.openTrades} open at the end; exposure ${percent(s.exposure)}; ${s.tradesInWarmup} in the first ${s.warmupBars} bars; margin calls ${s.marginCalls}; rejected orders ${s.rejectedOrders}`,
    );
    if (s.plots.length > 0)
      lines.push(
        `plots: ${s.plots.map((p) => `'${p.title}' ${p.values} values, ${p.na} na${p.infinite > 0 ? `, ${p.infinite} infinite` : ''}`).join('; ')}`,
      );
    if (s.deterministic !== undefined)
      lines.push(`determinism: ${s.deterministic ? 'two runs identical' : 'runs differ'}`);
    if (s.inputs)
      lines.push(
        `inputs: ${s.inputs.tested.length} tested in ${s.inputs.runs} runs, dead: ${s.inputs.dead.length > 0 ? s.inputs.dead.join(', ') : 'none'}${s.inputs.untested.length > 0 ? `; not tested (budget): ${s.inputs.untested.join(', ')}` : ''}`,
      );
  }
  return lines;
}

/**
 * The health report as text: findings grouped by severity (each with its code frame when the
 * source is given), then the measured figures. Returns text; printing is the CLI's job.
 */
export function renderHealthReport(report: HealthReport, source?: string): string {
  const out: string[] = [`${report.file ?? '<input>'}: ${report.bars} bars, ${report.runs} backtests`];
  for (const [severity, title] of GROUPS) {
    const group = report.findings.filter((d) => d.severity === severity);
    if (group.length === 0) continue;
    out.push('', `${title} (${group.length})`);
    for (const d of group) out.push(renderDiagnostic(d, source));
  }
  if (report.findings.length === 0) out.push('', 'No findings.');
  out.push('', ...healthFigureLines(report));
  return out.join('\n') + '\n';
}
