/** Small builders for the report's HTML. Every text argument is escaped here, never by callers. */
import { escapeHtml } from './escape.js';
import { formatMoney, formatNumber, formatPercent, formatTrimmed, signClass } from './format.js';

/** Attributes of an element; `undefined` values are left out. Values are escaped. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

function attributeText(attributes: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) out += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

/** An element whose content is already-built HTML (from these helpers). */
export function element(name: string, attributes: Attributes, innerHtml: string): string {
  return `<${name}${attributeText(attributes)}>${innerHtml}</${name}>`;
}

/** An element whose content is plain text (escaped). */
export function textElement(name: string, attributes: Attributes, text: string): string {
  return element(name, attributes, escapeHtml(text));
}

/** A section with a heading and an id for the page's navigation. */
export function section(id: string, heading: string, innerHtml: string): string {
  return element('section', { id, class: 'card' }, `${textElement('h2', {}, heading)}${innerHtml}`);
}

/** A table with a header row of plain-text column names and already-built body rows. */
export function table(columns: readonly string[], rowsHtml: string, className?: string): string {
  const head = element('tr', {}, columns.map((c) => textElement('th', {}, c)).join(''));
  return element(
    'table',
    { class: className },
    `${element('thead', {}, head)}${element('tbody', {}, rowsHtml)}`,
  );
}

/** A two-column name/value table from plain-text pairs. */
export function keyValueTable(rows: readonly (readonly [string, string])[]): string {
  const body = rows
    .map(([k, v]) => element('tr', {}, `${textElement('th', {}, k)}${textElement('td', {}, v)}`))
    .join('');
  return element('table', { class: 'kv' }, element('tbody', {}, body));
}

/**
 * How a figure is coloured: `sign` green above zero and red below; `loss` red when non-zero (gross
 * loss, average losing trade, max drawdown: positive numbers that are bad); `neutral` never.
 */
export type Tone = 'sign' | 'loss' | 'neutral';

function toneClass(value: number, tone: Tone): string | undefined {
  if (tone === 'neutral') return undefined;
  const cls = signClass(value);
  if (tone === 'loss') return cls === '' ? undefined : 'neg';
  return cls === '' ? undefined : cls;
}

/** A money value coloured by `tone`, tagged with `data-key` so tests and scrapers can find it. */
export function moneySpan(value: number, currency: string, key?: string, tone: Tone = 'sign'): string {
  return textElement(
    'span',
    { class: toneClass(value, tone), 'data-key': key },
    formatMoney(value, currency),
  );
}

/** A percent value (already in percent units) coloured by `tone`. */
export function percentSpan(value: number, key?: string, tone: Tone = 'sign'): string {
  const cls = toneClass(value, tone);
  return textElement(
    'span',
    { class: cls === undefined ? 'pct' : `pct ${cls}`, 'data-key': key },
    formatPercent(value),
  );
}

/** A plain number coloured by `tone`. */
export function numberSpan(value: number, decimals: number, key?: string, tone: Tone = 'sign'): string {
  return textElement(
    'span',
    { class: toneClass(value, tone), 'data-key': key },
    formatNumber(value, decimals),
  );
}

/**
 * An objective, parameter or statistic: 2 decimals from 100 up, else 4, trailing zeros dropped
 * (`15`, `97.5`, `0.4321`), so grids of parameter values read cleanly.
 */
export function formatStatistic(value: number): string {
  return formatTrimmed(value, Math.abs(value) >= 100 ? 2 : 4);
}

/**
 * A background colour for a heatmap cell: green for good, red for bad, opacity by magnitude.
 * `strength` is in [−1, 1] (negative = bad).
 */
export function heatColour(strength: number): string {
  if (!Number.isFinite(strength)) return 'transparent';
  const alpha = Math.min(1, Math.abs(strength)) * 0.75 + 0.08;
  return strength >= 0 ? `rgba(8,153,129,${alpha.toFixed(3)})` : `rgba(242,54,69,${alpha.toFixed(3)})`;
}
