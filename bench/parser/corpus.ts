import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFiles, sibling } from '../lib/paths.js';

/** One Pine source of a benchmark corpus. */
export interface PineFile {
  /** Path relative to the corpus root, used as the parser's `file` option. */
  readonly name: string;
  readonly path: string;
  readonly source: string;
  readonly lines: number;
}

/** A labelled set of Pine sources. */
export interface PineCorpus {
  readonly label: string;
  readonly root: string;
  readonly files: readonly PineFile[];
  readonly lines: number;
}

/** Where the corpora live; each is optional except the project's own. */
export interface CorpusPlaces {
  /** The project's corpus/ (committed). */
  readonly own: string;
  /** The public validation corpus beside the repository (read only, never committed). */
  readonly publicValidation: string;
  /** Extra corpus from `PINE_CORPUS`, if set. */
  readonly extra: string | undefined;
}

/** The default places: `<repo>/corpus`, `<repo>/../corpus-pf/validation`, `$PINE_CORPUS`. */
export function corpusPlaces(repoRoot: string): CorpusPlaces {
  return {
    own: join(repoRoot, 'corpus'),
    publicValidation: sibling(repoRoot, 'corpus-pf/validation'),
    extra: process.env.PINE_CORPUS,
  };
}

/** Lines as an editor counts them: a final line break does not start another line. */
export function countLines(source: string): number {
  if (source === '') return 0;
  let breaks = 0;
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) breaks++;
  return source.endsWith('\n') ? breaks : breaks + 1;
}

function load(label: string, root: string, paths: readonly string[]): PineCorpus {
  const files = paths.map((path) => {
    const source = readFileSync(path, 'utf8');
    return { name: relative(root, path), path, source, lines: countLines(source) };
  });
  return { label, root, files, lines: files.reduce((n, f) => n + f.lines, 0) };
}

/** The corpora found at `places`; the absent ones are listed in `missing` with the path looked at. */
export function loadCorpora(places: CorpusPlaces): { corpora: PineCorpus[]; missing: string[] } {
  const corpora: PineCorpus[] = [];
  const missing: string[] = [];
  const isPine = (name: string): boolean => name.endsWith('.pine');
  const candidates: [string, string, (name: string) => boolean][] = [
    ['own corpus/', places.own, isPine],
    ['public corpus-pf/validation', places.publicValidation, (name) => name === 'strategy.pine'],
  ];
  if (places.extra !== undefined && places.extra !== '')
    candidates.push(['PINE_CORPUS', places.extra, isPine]);
  for (const [label, root, keep] of candidates) {
    const paths = listFiles(root, keep);
    if (paths.length === 0) missing.push(`${label} (no .pine files at ${root})`);
    else corpora.push(load(label, root, paths));
  }
  return { corpora, missing };
}
