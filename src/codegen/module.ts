import type { Analysis, LiteralValue } from '../analysis/index.js';
import type { Options } from 'prettier';
import {
  Project,
  Scope,
  StructureKind,
  VariableDeclarationKind,
  type ClassDeclarationStructure,
  type SourceFileStructure,
  type StatementStructures,
  type VariableStatementStructure,
  type WriterFunction,
} from 'ts-morph';
import {
  blankLineBefore,
  contextParameter,
  fieldInits,
  fieldProperties,
  jsDoc,
  statementLines,
} from './declarations.js';
import type { EmittedParts } from './emitter.js';
import { camel, strategyConstant } from './builtins/strategy.js';
import { commentText } from './comment.js';

/**
 * How prettier formats generated modules. `babel-ts` parses this code faster than the `typescript`
 * parser and formats every corpus and golden module to the same bytes (test/codegen checks the
 * goldens both ways).
 */
export const generatedCodeStyle: Readonly<Options> = Object.freeze({
  parser: 'babel-ts',
  singleQuote: true,
  printWidth: 110,
  trailingComma: 'all',
});

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

/** An object literal on one line (prettier breaks it when it is long): `{ a: 1, b: "x" }`. */
function objectLiteral(entries: readonly (readonly [key: string, code: string])[]): WriterFunction {
  return (writer) => {
    writer.write(entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
  };
}

/** The `strategy()` settings the adapter takes, as TypeScript, in the order the script wrote them. */
function settingsEntries(analysis: Analysis): [string, string][] {
  const entries: [string, string][] = [['version', String(analysis.rules.version)]];
  for (const [key, value] of Object.entries(analysis.declaration?.settings ?? {})) {
    if (!strategySettingNames.has(key) || value === undefined) continue;
    if (
      typeof value === 'object' &&
      value !== null &&
      'constant' in value &&
      value.constant === '<expression>'
    )
      continue;
    entries.push([camel(key), literal(value)]);
  }
  return entries;
}

function exportedConst(
  name: string,
  type: string | undefined,
  initializer: string | WriterFunction,
  docs: string[],
): VariableStatementStructure {
  return {
    kind: StructureKind.VariableStatement,
    leadingTrivia: blankLineBefore,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: jsDoc(docs),
    declarations: [{ name, ...(type ? { type } : {}), initializer }],
  };
}

/** `inputDescriptors`, the `Inputs` interface and `defaultInputs`: the script's inputs as data and type. */
function inputDeclarations(parts: EmittedParts): StatementStructures[] {
  const descriptors = JSON.stringify(
    parts.inputs.map((i) => ({ key: i.key, ...i.descriptor })),
    null,
    2,
  );
  return [
    exportedConst('inputDescriptors', undefined, `${descriptors} as const`, [
      "The script's inputs as TradingView declares them (what the optimiser searches).",
    ]),
    {
      kind: StructureKind.Interface,
      name: 'Inputs',
      isExported: true,
      properties: parts.inputs.map((i) => ({
        name: i.key,
        type: i.tsType,
        docs: jsDoc([`${i.descriptor.title ?? i.descriptor.name} (Pine line ${i.descriptor.line})`]),
      })),
    },
    exportedConst(
      'defaultInputs',
      'Inputs',
      objectLiteral(parts.inputs.map((i) => [i.key, literal(i.descriptor.default)])),
      [],
    ),
  ];
}

/**
 * The script class (the module's default export): inputs and the strategy it trades on, its state
 * fields created in the constructor, the per-bar `step`, and the script's functions as methods.
 */
function scriptClass(analysis: Analysis, parts: EmittedParts, name: string): ClassDeclarationStructure {
  const description = analysis.program.comments
    .filter((c) => c.annotation === 'description')
    .map((c) => c.annotationValue ?? '');
  return {
    kind: StructureKind.Class,
    name,
    isDefaultExport: true,
    implements: ['rt.PineScript'],
    docs: jsDoc(description),
    properties: [
      { name: 'inputs', type: 'Inputs', isReadonly: true },
      { name: 'strategy', type: 'rt.PineStrategy', scope: Scope.Private, isReadonly: true },
      ...fieldProperties(
        parts.fields,
        (f) => !/Ready$/.test(f.name) && f.type.includes('Series'),
        Scope.Private,
      ),
    ],
    ctors: [
      {
        parameters: [
          contextParameter(fieldInits(parts.fields)),
          { name: 'strategy', type: 'rt.PineStrategy' },
          { name: 'inputs', type: 'Partial<Inputs>', initializer: '{}' },
        ],
        statements: statementLines([
          'this.inputs = { ...defaultInputs, ...inputs };',
          'this.strategy = strategy;',
          ...fieldInits(parts.fields),
        ]),
      },
    ],
    methods: [
      {
        name: 'step',
        parameters: [contextParameter(parts.stepLines)],
        returnType: 'void',
        statements: statementLines(parts.stepLines),
      },
      ...parts.methods,
    ],
  };
}

/**
 * The module as a ts-morph structure: header comment and the runtime import, inputs, settings,
 * UDT classes, per-call-site state classes, then the script class.
 */
export function moduleStructure(
  analysis: Analysis,
  parts: EmittedParts,
  options: ModuleOptions,
): SourceFileStructure {
  const title =
    typeof analysis.declaration?.settings.title === 'string'
      ? analysis.declaration.settings.title
      : undefined;
  const version = analysis.program.version ?? analysis.rules.version;
  return {
    kind: StructureKind.SourceFile,
    statements: [
      {
        kind: StructureKind.ImportDeclaration,
        leadingTrivia: [
          `// ${commentText(title ?? 'Pine script')}: ported from ${commentText(options.file ?? 'Pine')} (Pine v${version}) by pineport.`,
          '// This module is yours to keep: names, comments and structure follow the Pine source; `// L<n>` marks the Pine line.',
        ],
        namespaceImport: 'rt',
        moduleSpecifier: options.runtimeImport ?? 'pineport/runtime',
      },
      ...inputDeclarations(parts),
      exportedConst('settings', 'rt.StrategySettings', objectLiteral(settingsEntries(analysis)), [
        'The strategy() settings.',
      ]),
      ...parts.udtClasses,
      ...parts.stateClasses,
      scriptClass(analysis, parts, className(title)),
    ],
  };
}

/**
 * Assembles the emitted parts into one module (unformatted; index.ts runs prettier): the structure
 * printed by ts-morph into a source file of an in-memory project made for this call.
 */
export function assembleModule(analysis: Analysis, parts: EmittedParts, options: ModuleOptions): string {
  const project = new Project({ useInMemoryFileSystem: true });
  return project.createSourceFile('module.ts', moduleStructure(analysis, parts, options)).getFullText();
}
