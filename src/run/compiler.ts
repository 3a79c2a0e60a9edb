import { createHash } from 'node:crypto';
import type { Analysis, InputDescriptor, LiteralValue } from '../analysis/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { PineParser } from '../parser/index.js';
import { compilePine, loadGeneratedModule, type LoadedModule } from './compile.js';

/** What changes the generated module besides the source text (each is part of the cache key). */
export interface TranspileOptions {
  /** The script's path: named in the module's header comment and in diagnostics. */
  readonly file?: string;
  /** Where the module imports the runtime from (default `pineport/runtime`, what the loader serves). */
  readonly runtimeImport?: string;
}

/** `transpile()`'s result: the module and what a caller needs without loading it. */
export interface TranspileResult {
  /** The generated TypeScript module; undefined when parsing or analysis found errors. */
  readonly code: string | undefined;
  /** Every phase's diagnostics, sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The script's `input*()` calls as data (title, type, default, bounds, options, group). */
  readonly inputs: readonly InputDescriptor[];
  /** The `strategy()`/`indicator()` arguments by parameter name, as literals where literal. */
  readonly settings: Readonly<Partial<Record<string, LiteralValue>>>;
  /** Which declaration the script makes (undefined when it makes none). */
  readonly kind: 'strategy' | 'indicator' | 'library' | undefined;
  readonly analysis: Analysis;
  /** The Pine text and the options it was transpiled with (a loaded module's errors point into it). */
  readonly source: string;
  readonly options: TranspileOptions;
}

/** How often a compiler's cache answered. */
export interface CompileCacheStats {
  readonly hits: number;
  readonly misses: number;
  /** Entries held now (at most the capacity). */
  readonly entries: number;
}

interface Entry {
  readonly result: Promise<TranspileResult>;
  module: LoadedModule | undefined;
}

/**
 * Transpiles Pine scripts and loads the modules, remembering both by the hash of the source text
 * and the options that change the output, so a sweep over inputs compiles its script once. The
 * cache belongs to the instance (no module-level state: parallel studies each own a compiler) and
 * keeps the `capacity` most recently used scripts.
 */
export class Compiler {
  private readonly parser: PineParser;
  private readonly capacity: number;
  private readonly entries: Map<string, Entry>;
  private hits: number;
  private misses: number;

  constructor(options: { readonly parser?: PineParser; readonly capacity?: number } = {}) {
    this.parser = options.parser ?? new PineParser();
    this.capacity = Math.max(1, options.capacity ?? 64);
    this.entries = new Map();
    this.hits = 0;
    this.misses = 0;
  }

  /** Parse → analyse → generate, or the earlier result for the same source and options. */
  transpile(source: string, options: TranspileOptions = {}): Promise<TranspileResult> {
    return this.entry(source, options).result;
  }

  /**
   * The transpiled script and its module loaded in this process (undefined when the script has
   * errors); both cached, so every run of a sweep gets the same module (runs share no state: each
   * constructs its own script instance).
   */
  async load(
    source: string,
    options: TranspileOptions = {},
  ): Promise<{ readonly transpiled: TranspileResult; readonly module: LoadedModule | undefined }> {
    const entry = this.entry(source, options);
    const transpiled = await entry.result;
    if (transpiled.code === undefined || transpiled.diagnostics.some((d) => d.severity === 'error'))
      return { transpiled, module: undefined };
    entry.module ??= loadGeneratedModule(transpiled.code, {
      source,
      ...(options.file === undefined ? {} : { file: options.file }),
    });
    return { transpiled, module: entry.module };
  }

  /** Cache hits and misses so far. */
  get stats(): CompileCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size };
  }

  private entry(source: string, options: TranspileOptions): Entry {
    const key = cacheKey(source, options);
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const entry: Entry = { result: this.compile(source, options), module: undefined };
    this.entries.set(key, entry);
    // An internal failure is not remembered: the next call tries again.
    entry.result.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    return entry;
  }

  private async compile(source: string, options: TranspileOptions): Promise<TranspileResult> {
    const compiled = await compilePine(source, { ...options, parser: this.parser });
    const declaration = compiled.analysis.declaration;
    return {
      code: compiled.code,
      diagnostics: compiled.diagnostics,
      inputs: compiled.analysis.inputs,
      settings: declaration?.settings ?? {},
      kind: declaration?.kind,
      analysis: compiled.analysis,
      source,
      options: { ...options },
    };
  }
}

/** SHA-256 of the source, then every output-changing option (absent and `undefined` are the same). */
function cacheKey(source: string, options: TranspileOptions): string {
  const hash = createHash('sha256').update(source).digest('hex');
  return JSON.stringify([hash, options.file ?? null, options.runtimeImport ?? null]);
}

/**
 * Transpiles one Pine script to a TypeScript module: `{ code, diagnostics, inputs, settings }`.
 * Pass a `compiler` to share its cache across calls (a sweep); without one nothing is remembered.
 */
export function transpile(
  source: string,
  options: TranspileOptions & { readonly compiler?: Compiler } = {},
): Promise<TranspileResult> {
  const { compiler, ...rest } = options;
  return (compiler ?? new Compiler()).transpile(source, rest);
}
