import { createHash } from 'node:crypto';
import { ts } from 'ts-morph';
import { analyze, type Analysis, type InputDescriptor } from '../analysis/index.js';
import { generateModule } from '../codegen/index.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineMap, type Span } from '../diagnostics/span.js';
import { PineParser } from '../parser/index.js';
import * as runtime from '../runtime/index.js';
import { generatedFrame, PineLineMap } from './pine-location.js';

export interface Compiled {
  readonly analysis: Analysis;
  /** The generated TypeScript module (undefined when parsing or analysis found errors). */
  readonly code: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parse → analyse → generate. Stops before generating when an earlier phase has errors.
 * (`transpile()` and `Compiler` in compiler.ts add the inputs, the settings and a cache.)
 */
export async function compilePine(
  source: string,
  options: { file?: string; parser?: PineParser; runtimeImport?: string } = {},
): Promise<Compiled> {
  const parser = options.parser ?? new PineParser();
  const parsed = parser.parse(source, options.file === undefined ? {} : { file: options.file });
  const analysis = analyze(parsed.program, options.file === undefined ? {} : { file: options.file });
  const early = [...parsed.diagnostics, ...analysis.diagnostics];
  if (early.some((d) => d.severity === 'error'))
    return { analysis, code: undefined, diagnostics: sortDiagnostics(early) };
  const generated = await generateModule(analysis, {
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.runtimeImport === undefined ? {} : { runtimeImport: options.runtimeImport }),
  });
  const diagnostics = sortDiagnostics([...early, ...generated.diagnostics]);
  return { analysis, code: generated.code, diagnostics };
}

/** What a generated module exports. */
export interface LoadedModule {
  readonly Script: new (
    ctx: runtime.PineContext,
    strategy: runtime.PineStrategy,
    inputs?: Record<string, unknown>,
  ) => runtime.PineScript;
  readonly settings: runtime.StrategySettings;
  readonly defaultInputs: Record<string, unknown>;
  /** The script's inputs as declared, each with the `key` the module's `Inputs` uses. */
  readonly inputDescriptors: readonly (InputDescriptor & { readonly key: string })[];
  /**
   * Where an error thrown while the module ran was raised, as a Pine line (undefined when the
   * error did not pass through the module's code). Absent on hand-written modules.
   */
  readonly locate?: (error: unknown) => PineErrorSite | undefined;
}

/** The Pine statement that was running when an error was thrown. */
export interface PineErrorSite {
  readonly line: number;
  /** The statement's span on that line (from its first character), when the Pine source is known. */
  readonly span?: Span;
  readonly file?: string;
  /** True when the module's own code threw (e.g. a field read on an na object), not a runtime call. */
  readonly raisedByScript: boolean;
}

/** The Pine script a module was generated from, so runtime errors can point into it. */
export interface PineOrigin {
  readonly source: string;
  readonly file?: string;
}

/**
 * Loads a generated module in this process: TypeScript's transpiler strips the types (no type
 * check), and the module body runs with the runtime injected for its one import. The module can
 * reach nothing but the runtime.
 */
export function loadGeneratedModule(code: string, origin?: PineOrigin): LoadedModule {
  const transpiled = generatedJavaScript(code);
  // A stable name for stack frames in this module's code, so errors can be mapped back to Pine.
  const sourceUrl = `pineport-generated/${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  const js = `${transpiled}\n//# sourceURL=${sourceUrl}`;
  const exports: Record<string, unknown> = {};
  const require = (specifier: string): unknown => {
    if (specifier === 'pineport/runtime') return runtime;
    throw new Error(`generated module imports ${specifier}`);
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running generated code is this function's purpose
  const body = new Function('exports', 'require', js) as (
    exports: Record<string, unknown>,
    require: (s: string) => unknown,
  ) => void;
  body(exports, require);
  return {
    Script: exports.default as LoadedModule['Script'],
    settings: exports.settings as runtime.StrategySettings,
    defaultInputs: exports.defaultInputs as Record<string, unknown>,
    inputDescriptors: exports.inputDescriptors as LoadedModule['inputDescriptors'],
    locate: siteLocator(js, sourceUrl, origin),
  };
}

/** The JavaScript the loader runs for a generated module (types stripped, no type check, CommonJS). */
export function generatedJavaScript(code: string): string {
  return ts.transpileModule(code, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      // State fields are assigned in the constructor. With ES2022 `define` semantics each bare
      // field declaration would first create the field as `undefined`, and V8 would then keep it
      // as a tagged pointer and allocate a heap number on every per-bar store of a float.
      useDefineForClassFields: false,
      esModuleInterop: false,
    },
  }).outputText;
}

/** Maps an error's innermost frame in the module's code to the Pine statement (lazily, on error). */
function siteLocator(
  js: string,
  sourceUrl: string,
  origin: PineOrigin | undefined,
): (error: unknown) => PineErrorSite | undefined {
  const lines = new PineLineMap(js);
  let pine: LineMap | undefined;
  return (error) => {
    const frame = generatedFrame(error, sourceUrl);
    if (frame === undefined) return undefined;
    const line = lines.lineAt(frame.jsLine, frame.jsColumn);
    if (line === undefined) return undefined;
    const file = origin?.file === undefined ? {} : { file: origin.file };
    if (origin === undefined) return { line, raisedByScript: frame.innermost, ...file };
    pine ??= new LineMap(origin.source);
    const text = pine.lineText(line);
    const offset = lineStart(origin.source, line);
    const span = pine.span(offset + text.length - text.trimStart().length, offset + text.trimEnd().length);
    return { line, span, raisedByScript: frame.innermost, ...file };
  };
}

/** Offset of the first character of a 1-based line (LF, CRLF or CR line ends, as `LineMap`). */
function lineStart(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line && offset < text.length; offset++) {
    const c = text.charCodeAt(offset);
    if (c === 10 || (c === 13 && text.charCodeAt(offset + 1) !== 10)) current++;
  }
  return offset;
}
