import type { Cell } from './list-of-trades.js';
import { attributes, decodeEntities, elements, textContent } from './xml.js';
import { readZip, type ZipEntry } from './zip.js';

/** One worksheet as rows of cells; `rows[i]` is sheet row `numbers[i]` (empty rows are absent). */
export interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  readonly numbers: readonly number[];
}

/**
 * Reads every worksheet of an XLSX workbook: shared strings, inline strings, numbers (dates stay
 * Excel serials; the caller knows which columns are dates), booleans as 0/1. Returns a message when
 * the bytes are not a readable workbook.
 */
export function readXlsx(bytes: Uint8Array): Sheet[] | string {
  const entries = readZip(bytes);
  if (typeof entries === 'string') return entries;
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const decoder = new TextDecoder();
  const text = (entry: ZipEntry | undefined): string | undefined =>
    entry === undefined ? undefined : decoder.decode(entry.read());
  try {
    const workbook = text(byName.get('xl/workbook.xml'));
    if (workbook === undefined) return 'no xl/workbook.xml: not an XLSX workbook';
    const rels = new Map<string, string>();
    for (const rel of elements(text(byName.get('xl/_rels/workbook.xml.rels')) ?? '', 'Relationship')) {
      const a = attributes(rel.attrs);
      rels.set(a.get('Id') ?? '', a.get('Target') ?? '');
    }
    const shared = elements(text(byName.get('xl/sharedStrings.xml')) ?? '', 'si').map((si) =>
      textContent(si.inner),
    );
    const sheets: Sheet[] = [];
    for (const sheet of elements(workbook, 'sheet')) {
      const a = attributes(sheet.attrs);
      const target = rels.get(a.get('r:id') ?? '') ?? '';
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      const xml = text(byName.get(path));
      if (xml === undefined) return `sheet '${a.get('name') ?? ''}' points at missing part ${path}`;
      sheets.push({ name: a.get('name') ?? '', ...readSheetRows(xml, shared) });
    }
    return sheets;
  } catch (error) {
    return `damaged XLSX part: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function readSheetRows(xml: string, shared: readonly string[]): { rows: Cell[][]; numbers: number[] } {
  const rows: Cell[][] = [];
  const numbers: number[] = [];
  for (const row of elements(xml, 'row')) {
    const number = Number(attributes(row.attrs).get('r') ?? rows.length + 1);
    const cells: Cell[] = [];
    for (const c of elements(row.inner, 'c')) {
      const a = attributes(c.attrs);
      const column = columnIndex(a.get('r') ?? '', cells.length);
      while (cells.length < column) cells.push('');
      cells[column] = cellValue(a.get('t') ?? 'n', c.inner, shared);
    }
    rows.push(cells);
    numbers.push(number);
  }
  return { rows, numbers };
}

function cellValue(type: string, inner: string, shared: readonly string[]): Cell {
  if (type === 'inlineStr') return textContent(inner);
  const v = elements(inner, 'v').at(0)?.inner;
  if (v === undefined) return '';
  const raw = decodeEntities(v);
  if (type === 's') return shared[Number(raw)] ?? '';
  if (type === 'str' || type === 'e') return raw;
  const value = Number(raw);
  return raw.trim() === '' || Number.isNaN(value) ? raw : value;
}

/** 0-based column of a cell reference such as `AB12`; `fallback` when absent. */
function columnIndex(reference: string, fallback: number): number {
  const letters = /^[A-Z]+/i.exec(reference);
  if (letters === null) return fallback;
  let index = 0;
  for (const ch of letters[0].toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}
