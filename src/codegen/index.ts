import { format } from 'prettier';
import type { Analysis } from '../analysis/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codegenCodes } from '../diagnostics/codes/codegen.js';
import { Emitter } from './emitter.js';
import { assembleModule, generatedCodeStyle, type ModuleOptions } from './module.js';

export interface GeneratedModule {
  /** The TypeScript module, formatted with prettier. */
  readonly code: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Generates the TypeScript module for an analysed Pine script. Deterministic: the same analysis
 * gives the same bytes. Unsupported constructs become PP3xxx diagnostics (and placeholders).
 */
export async function generateModule(
  analysis: Analysis,
  options: ModuleOptions = {},
): Promise<GeneratedModule> {
  const emitter = new Emitter(analysis, options.file);
  const parts = emitter.emit();
  const raw = assembleModule(analysis, parts, options);
  const diagnostics = [...emitter.diagnostics.all];
  try {
    const code = await format(raw, generatedCodeStyle);
    return { code, diagnostics };
  } catch (error) {
    diagnostics.push({
      code: codegenCodes.format.code,
      severity: 'error',
      message: `the generated module could not be formatted: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      hint: 'this is a pineport bug; please report it with the script',
    });
    return { code: raw, diagnostics };
  }
}

export type { ModuleOptions } from './module.js';
