import type { Analysis, LiteralValue } from '../analysis/index.js';
import type { EmittedParts } from './emitter.js';
import { camel, strategyConstant } from './builtins/strategy.js';
import { commentText } from './comment.js';

export interface ModuleOptions {
  /** The Pine file the module was generated from, for the header comment. */
  readonly file?: string;
  /** Where the runtime is imported from (default `pineport/runtime`). */
  readonly runtimeImport?: string;
}

function className(title: string | undefined): string {
  const words = (title ?? 'Script')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(name) ? name : `Script${name}`;
}

/** A literal as TypeScript source; named constants become the adapter's values. */
function literal(value: LiteralValue | undefined): string {
  if (value === undefined || value === null) return 'NaN';
  if (typeof value === 'string')
    return value.startsWith('#') ? `rt.color.hex(${JSON.stringify(value)})` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return `[${(value as readonly LiteralValue[]).map((v) => literal(v)).join(', ')}]`;
  const constant = (value as { constant: string }).constant;
  const mapped = strategyConstant(constant);
  if (mapped) return mapped;
  const member = constant.slice(constant.lastIndexOf('.') + 1);
  return JSON.stringify(member);
}

/** `strategy()` arguments the adapter takes (StrategySettings), camelCased. */
const strategySettingNames = new Set([
  'initial_capital',
  'default_qty_type',
  'default_qty_value',
  'pyramiding',
  'commission_type',
  'commission_value',
  'slippage',
  'margin_long',
  'margin_short',
  'process_orders_on_close',
  'calc_on_order_fills',
  'calc_on_every_tick',
  'close_entries_rule',
  'backtest_fill_limits_assumption',
  'risk_free_rate',
  'use_bar_magnifier',
  'fill_orders_on_standard_ohlc',
  'currency',
]);

/** Assembles the emitted parts into one module (unformatted; see generate.ts). */
export function assembleModule(analysis: Analysis, parts: EmittedParts, options: ModuleOptions): string {
  const declaration = analysis.declaration;
  const title = typeof declaration?.settings.title === 'string' ? declaration.settings.title : undefined;
  const name = className(title);
  const settings: string[] = [`version: ${analysis.rules.version}`];
  for (const [key, value] of Object.entries(declaration?.settings ?? {})) {
    if (!strategySettingNames.has(key) || value === undefined) continue;
    if (
      typeof value === 'object' &&
      value !== null &&
      'constant' in value &&
      value.constant === '<expression>'
    )
      continue;
    settings.push(`${camel(key)}: ${literal(value)}`);
  }
  const inputInterface = parts.inputs
    .map(
      (i) =>
        `  /** ${commentText(i.descriptor.title ?? i.descriptor.name)} (Pine line ${i.descriptor.line}) */\n  ${i.key}: ${i.tsType};`,
    )
    .join('\n');
  const defaults = parts.inputs.map((i) => `${i.key}: ${literal(i.descriptor.default)}`).join(', ');
  const inputData = JSON.stringify(
    parts.inputs.map((i) => ({ key: i.key, ...i.descriptor })),
    null,
    2,
  );
  const fieldDeclarations = parts.fields
    .map(
      (f) =>
        `  private ${/Ready$/.test(f.name) || !f.type.includes('Series') ? '' : 'readonly '}${f.name}: ${f.type};`,
    )
    .join('\n');
  const fieldInits = parts.fields.map((f) => `    this.${f.name} = ${f.init};`).join('\n');
  const header = [
    `// ${commentText(title ?? 'Pine script')}: ported from ${commentText(options.file ?? 'Pine')} (Pine v${analysis.program.version ?? analysis.rules.version}) by pineport.`,
    '// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.',
  ].join('\n');
  return `${header}
import * as rt from ${JSON.stringify(options.runtimeImport ?? 'pineport/runtime')};

/** The script's inputs as TradingView declares them (what the optimiser searches). */
export const inputDescriptors = ${inputData} as const;

export interface Inputs {
${inputInterface}
}

export const defaultInputs: Inputs = { ${defaults} };

/** The strategy() settings. */
export const settings: rt.StrategySettings = { ${settings.join(', ')} };

${parts.udtClasses.join('\n\n')}

${parts.stateClasses.join('\n\n')}

export default class ${name} implements rt.PineScript {
  readonly inputs: Inputs;
  private readonly strategy: rt.PineStrategy;
${fieldDeclarations}

  constructor(ctx: rt.PineContext, strategy: rt.PineStrategy, inputs: Partial<Inputs> = {}) {
    this.inputs = { ...defaultInputs, ...inputs };
    this.strategy = strategy;
${fieldInits}
  }

  step(ctx: rt.PineContext): void {
${parts.stepLines.join('\n')}
  }

${parts.methods.join('\n\n')}
}
`;
}
