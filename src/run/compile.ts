import { ts } from 'ts-morph';
import { analyze, type Analysis, type InputDescriptor } from '../analysis/index.js';
import { generateModule } from '../codegen/index.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { PineParser } from '../parser/index.js';
import * as runtime from '../runtime/index.js';

export interface Compiled {
  readonly analysis: Analysis;
  /** The generated TypeScript module (undefined when parsing or analysis found errors). */
  readonly code: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parse → analyse → generate. Stops before generating when an earlier phase has errors. */
export async function compilePine(
  source: string,
  options: { file?: string; parser?: PineParser } = {},
): Promise<Compiled> {
  const parser = options.parser ?? new PineParser();
  const parsed = parser.parse(source, options.file === undefined ? {} : { file: options.file });
  const analysis = analyze(parsed.program, options.file === undefined ? {} : { file: options.file });
  const early = [...parsed.diagnostics, ...analysis.diagnostics];
  if (early.some((d) => d.severity === 'error'))
    return { analysis, code: undefined, diagnostics: sortDiagnostics(early) };
  const generated = await generateModule(analysis, options.file === undefined ? {} : { file: options.file });
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
}

/**
 * Loads a generated module in this process: TypeScript's transpiler strips the types (no type
 * check), and the module body runs with the runtime injected for its one import. The module can
 * reach nothing but the runtime.
 */
export function loadGeneratedModule(code: string): LoadedModule {
  const js = ts.transpileModule(code, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: false,
    },
  }).outputText;
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
  };
}
