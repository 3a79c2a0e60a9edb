import { describe, expect, it } from 'vitest';
import { healthSectionHtml, type HealthReport } from '../../src/health/index.js';

describe('healthSectionHtml', () => {
  it('lists findings worst first, escapes their text, and ends with the figures', () => {
    const report: HealthReport = {
      bars: 10,
      runs: 3,
      findings: [
        { code: 'PP9305', severity: 'info', message: '1 trade open' },
        {
          code: 'PP9201',
          severity: 'error',
          message: 'plot <b> changed',
          hint: 'use x[1]',
          span: { start: 0, end: 1, line: 7, column: 1, endLine: 7, endColumn: 2 },
        },
      ],
      lookahead: { cuts: [3, 5], differingCuts: 1 },
    };
    const html = healthSectionHtml(report);
    expect(html.startsWith('<section id="health" class="card"><h2>Health</h2>')).toBe(true);
    expect(html).toContain('<td>PP9201</td><td class="num">7</td><td>plot &lt;b&gt; changed</td>');
    expect(html.indexOf('PP9201')).toBeLessThan(html.indexOf('PP9305'));
    expect(html).toContain('<p>look-ahead: 2 truncated runs, 1 changed bars before their cut</p>');
  });
});
