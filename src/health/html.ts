import { element, section, table, textElement } from '../report/html.js';
import { healthFigureLines } from './render.js';
import type { HealthReport } from './schema.js';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The report page's "Health" section (id `health`): the findings, worst first, with code, line and
 * hint, then the measured figures. Built with the report's escaping helpers, so a report can add it
 * as one more optional section: `links.push(['health', 'Health']); optional.push(healthSectionHtml(h))`.
 */
export function healthSectionHtml(report: HealthReport): string {
  const findings = [...report.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const rows = findings
    .map((d) =>
      element(
        'tr',
        {},
        textElement('td', {}, d.severity) +
          textElement('td', {}, d.code) +
          textElement('td', { class: 'num' }, d.span ? String(d.span.line) : '') +
          textElement('td', {}, d.message) +
          textElement('td', {}, d.hint ?? ''),
      ),
    )
    .join('');
  const body =
    (findings.length > 0
      ? table(['Severity', 'Code', 'Line', 'Finding', 'Fix'], rows)
      : textElement('p', {}, 'No findings.')) +
    healthFigureLines(report)
      .map((line) => textElement('p', {}, line))
      .join('');
  return section('health', 'Health', body);
}
