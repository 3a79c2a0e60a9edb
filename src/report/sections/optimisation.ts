/** The optimisation study: best trials, parameter importance, 2-D heatmap, convergence chart. */
import { formatCount, formatFraction } from '../format.js';
import { element, formatStatistic, heatColour, section, table, textElement } from '../html.js';
import { heatmapGrid, parameterImportance, type HeatmapGrid, type ParameterImportance } from '../study.js';
import type { OptimisationSection } from '../types.js';
import { chartBox } from './overview.js';

/** How many of the best trials the table lists. */
const TOP_TRIALS = 20;

function topTrialsTable(study: OptimisationSection): string {
  const sign = study.maximize ? -1 : 1;
  const best = study.trials
    .filter((t) => Number.isFinite(t.value))
    .sort((a, b) => sign * (a.value - b.value) || a.number - b.number)
    .slice(0, TOP_TRIALS);
  const rows = best
    .map((t, rank) =>
      element(
        'tr',
        {},
        textElement('td', {}, String(rank + 1)) +
          textElement('td', {}, String(t.number)) +
          study.parameters
            .map((p) => textElement('td', { class: 'num' }, formatStatistic(t.params[p])))
            .join('') +
          textElement('td', { class: 'num' }, formatStatistic(t.value)),
      ),
    )
    .join('');
  return table(['Rank', 'Trial', ...study.parameters, study.objective], rows, 'trials');
}

function importanceBars(importance: readonly ParameterImportance[]): string {
  const rows = importance
    .map((p) =>
      element(
        'tr',
        {},
        textElement('th', {}, p.name) +
          element(
            'td',
            { class: 'bar-cell' },
            element('div', { class: 'bar', style: `width:${(p.importance * 100).toFixed(1)}%` }, ''),
          ) +
          textElement('td', { class: 'num' }, formatFraction(p.importance, 1)),
      ),
    )
    .join('');
  return (
    element('table', { class: 'importance' }, element('tbody', {}, rows)) +
    textElement(
      'p',
      { class: 'muted' },
      'Importance = η², the share of the objective’s variance explained by grouping trials by that parameter alone (binned when it has many values).',
    )
  );
}

function heatmapTable(grid: HeatmapGrid, maximize: boolean): string {
  const finite = grid.cells.flat().filter((v) => Number.isFinite(v));
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const strength = (v: number): number => {
    const t = hi > lo ? (v - lo) / (hi - lo) : 1;
    return (maximize ? t : 1 - t) * 2 - 1;
  };
  const label = (v: number, binned: boolean): string =>
    binned ? `≈${formatStatistic(v)}` : formatStatistic(v);
  const rows = grid.yLabels
    .map((y, r) =>
      element(
        'tr',
        {},
        textElement('th', {}, label(y, grid.yBinned)) +
          grid.cells[r]
            .map((v) =>
              textElement(
                'td',
                { style: `background:${heatColour(strength(v))}` },
                Number.isFinite(v) ? formatStatistic(v) : '',
              ),
            )
            .join(''),
      ),
    )
    .join('');
  return (
    textElement(
      'p',
      { class: 'muted' },
      `Rows: ${grid.yName}; columns: ${grid.xName}; each cell the best trial there.`,
    ) +
    element(
      'div',
      { class: 'scroll-x' },
      table(
        [`${grid.yName} \\ ${grid.xName}`, ...grid.xLabels.map((x) => label(x, grid.xBinned))],
        rows,
        'heatmap',
      ),
    )
  );
}

/** The whole optimisation section. */
export function optimisationSection(study: OptimisationSection): string {
  const valid = study.trials.filter((t) => Number.isFinite(t.value)).length;
  const importance = parameterImportance(study.trials, study.parameters);
  const axes =
    study.heatmap ?? (importance.length >= 2 ? [importance[0].name, importance[1].name] : undefined);
  const facts = textElement(
    'p',
    {},
    `${formatCount(study.trials.length)} trials (${formatCount(valid)} valid), objective ${study.objective} (${study.maximize ? 'maximised' : 'minimised'}).`,
  );
  const heatmap =
    axes === undefined || valid === 0
      ? ''
      : textElement('h3', {}, 'Objective heatmap') +
        heatmapTable(heatmapGrid(study.trials, axes[0], axes[1], study.maximize), study.maximize);
  const body =
    facts +
    element(
      'div',
      { class: 'columns2' },
      element(
        'div',
        {},
        textElement('h3', {}, `Best ${String(Math.min(TOP_TRIALS, valid))} trials`) +
          element('div', { class: 'scroll' }, topTrialsTable(study)),
      ) +
        element(
          'div',
          {},
          textElement('h3', {}, 'Parameter importance') + importanceBars(importance) + heatmap,
        ),
    );
  return (
    section('optimisation', 'Optimisation', body) +
    chartBox('convergence-chart', 'Convergence (best so far)', 220)
  );
}
