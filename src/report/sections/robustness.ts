/** Robustness statistics: deflated and probabilistic Sharpe, PBO, bootstrap intervals, plateau. */
import { formatCount, formatFraction, formatNumber } from '../format.js';
import { element, formatStatistic, keyValueTable, section, table, textElement } from '../html.js';
import type { RobustnessSection } from '../types.js';

/** The facts table and, when present, the bootstrap intervals table. */
export function robustnessSection(r: RobustnessSection): string {
  const facts: [string, string][] = [];
  if (r.deflatedSharpe !== undefined) {
    facts.push([
      `Deflated Sharpe ratio (${formatCount(r.deflatedSharpe.trials)} trials)`,
      formatFraction(r.deflatedSharpe.value),
    ]);
  }
  if (r.probabilisticSharpe !== undefined)
    facts.push(['Probabilistic Sharpe ratio (vs 0)', formatFraction(r.probabilisticSharpe)]);
  if (r.pbo !== undefined) {
    facts.push(
      [
        `Probability of backtest overfitting (CSCV, S = ${String(r.pbo.blocks)}, ${formatCount(r.pbo.combinations)} splits)`,
        formatFraction(r.pbo.pbo),
      ],
      ['Probability of out-of-sample loss', formatFraction(r.pbo.probabilityOfLoss)],
      [
        'Degradation OOS = a + b·IS',
        `b = ${formatNumber(r.pbo.degradation.slope, 3)}, a = ${formatNumber(r.pbo.degradation.intercept, 3)}, R² = ${formatNumber(r.pbo.degradation.rSquared, 3)}`,
      ],
    );
  }
  if (r.plateau !== undefined) {
    facts.push(
      ['Plateau: optimum', formatStatistic(r.plateau.optimum)],
      [
        `Plateau: neighbourhood mean (${formatCount(r.plateau.points)} points)`,
        formatStatistic(r.plateau.plateau),
      ],
      ['Plateau: worst neighbour', formatStatistic(r.plateau.worst)],
      ['Plateau ratio (mean / optimum)', formatNumber(r.plateau.ratio, 3)],
    );
  }
  let body = facts.length > 0 ? keyValueTable(facts) : '';
  const intervals = r.bootstrap ?? [];
  if (intervals.length > 0) {
    const rows = intervals
      .map(({ statistic, result }) =>
        element(
          'tr',
          {},
          textElement('th', {}, statistic) +
            [result.estimate, result.lower, result.upper, result.standardError]
              .map((v) => textElement('td', { class: 'num' }, formatStatistic(v)))
              .join('') +
            textElement('td', { class: 'num' }, formatFraction(result.confidence, 0)) +
            textElement('td', { class: 'num' }, formatNumber(result.blockLength, 1)),
        ),
      )
      .join('');
    body +=
      textElement('h3', {}, 'Stationary-bootstrap confidence intervals') +
      table(
        ['Statistic', 'Estimate', 'Lower', 'Upper', 'Std. error', 'Level', 'Mean block'],
        rows,
        'bootstrap',
      );
  }
  return section('robustness', 'Robustness', body);
}
