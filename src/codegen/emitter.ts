import type {
  Analysis,
  Binding,
  CallResolution,
  FunctionSymbol,
  InputDescriptor,
  VariableSymbol,
} from '../analysis/index.js';
import type { QualifiedType } from '../analysis/types/index.js';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { codegenCodes } from '../diagnostics/codes/codegen.js';
import type * as A from '../parser/ast.js';
import type { ClassDeclarationStructure } from 'ts-morph';
import { libraryEmitters } from './builtins/index-libs.js';
import { camel, strategyConstant, strategyEmitters, tradeInfoCall } from './builtins/strategy.js';
import { taEmitters, taTupleFields, taVariable } from './builtins/ta.js';
import type { BuiltinEmitContext, EmitterTable } from './builtins/types.js';
import { commentText } from './comment.js';
import {
  annotationDocs,
  documentedComments,
  functionStateClass,
  leadingComments,
  scriptMethod,
  udtClass,
  type Method,
} from './declarations.js';
import { NameAllocator, tsName } from './names.js';
import { barmergeFlag, constantTimeframe, securityMethod, securityStateClass } from './security.js';

/** A field created once (constructor) and kept between bars. */
export interface StateField {
  readonly name: string;
  readonly type: string;
  readonly init: string;
}

/** Where the statements being emitted live: the main `step`, or a script function's body. */
interface Frame {
  /** The object holding per-call-site state: `this` in step, `st` in a function. */
  readonly stateRef: string;
  readonly state: StateField[];
  readonly fn: FunctionSymbol | undefined;
  /** Set inside a `request.security` expression: `ctx` is the higher-timeframe context. */
  readonly htf?: boolean;
}

/** The parts of the module the emitter produces; module.ts assembles and formats them. */
export interface EmittedParts {
  readonly fields: StateField[];
  readonly constructorLines: string[];
  readonly stepLines: string[];
  readonly methods: Method[];
  readonly stateClasses: ClassDeclarationStructure[];
  readonly udtClasses: ClassDeclarationStructure[];
  readonly inputs: readonly {
    readonly key: string;
    readonly tsType: string;
    readonly descriptor: InputDescriptor;
  }[];
}

const RT = 'rt';
const CTX = 'ctx';
const STRATEGY = 'this.strategy';

const builtinSeries: Readonly<Partial<Record<string, string>>> = {
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  volume: 'volume',
  time: 'time',
};

const skippedCalls = new Set(['strategy', 'indicator', 'library', 'study']);

function primitive(type: QualifiedType | undefined): string | undefined {
  return type?.type.kind === 'primitive' ? type.type.name : undefined;
}

/** The TypeScript type of a Pine type. */
export function tsType(type: QualifiedType | undefined): string {
  const t = type?.type;
  if (!t) return 'number';
  switch (t.kind) {
    case 'primitive':
      return t.name === 'bool' ? 'boolean' : t.name === 'string' ? 'string' : 'number';
    case 'array':
      return `${RT}.PineArray<${tsType({ qualifier: 'series', type: t.element })}>`;
    case 'map':
      return `${RT}.PineMap<${tsType({ qualifier: 'series', type: t.key })}, ${tsType({ qualifier: 'series', type: t.value })}>`;
    case 'matrix':
      return `${RT}.PineMatrix<${tsType({ qualifier: 'series', type: t.element })}>`;
    case 'udt':
      return t.name;
    case 'enum':
      return 'string';
    case 'id':
      return 'number';
    case 'special':
      // Directions are strings in the runtime ('long' | 'short'); other built-in constants numbers.
      return t.name === 'strategy_direction' ? `${RT}.Direction` : 'number';
    case 'tuple':
      return `[${t.elements.map((e) => tsType(e)).join(', ')}]`;
    default:
      return 'number';
  }
}

/** Pine's `na` for a type: NaN for numbers, false for bools (v6 has no na bools), null for objects. */
export function naFor(type: QualifiedType | undefined): string {
  const ts = tsType(type);
  if (ts === 'number') return 'NaN';
  if (ts === 'boolean') return 'false';
  if (ts === 'string') return '""';
  return 'null!';
}

/**
 * Walks an analysed program and writes TypeScript for it: state fields, the per-bar `step`,
 * script functions as methods (with a state class each when they keep state per call site), UDTs
 * as classes. Every built-in call goes through an emitter table; anything without one becomes a
 * diagnostic, never silently wrong code.
 */
export class Emitter {
  private readonly analysis: Analysis;
  private readonly file: string | undefined;
  readonly diagnostics = new DiagnosticBag();
  private readonly names = new NameAllocator();
  private readonly fields: StateField[] = [];
  private readonly constructorLines: string[] = [];
  private readonly methods: Method[] = [];
  private readonly stateClasses: ClassDeclarationStructure[] = [];
  private readonly udtClasses: ClassDeclarationStructure[] = [];
  private readonly storage = new Map<VariableSymbol, string>();
  private readonly usedFieldNames = new Set<string>();
  private readonly inputKeys = new Map<number, { key: string; descriptor: InputDescriptor }>();
  private readonly inputList: { key: string; tsType: string; descriptor: InputDescriptor }[] = [];
  private readonly emittedFunctions = new Set<FunctionSymbol>();
  private readonly emitters: EmitterTable;

  constructor(analysis: Analysis, file: string | undefined) {
    this.analysis = analysis;
    this.file = file;
    this.emitters = { ...libraryEmitters, ...taEmitters, ...strategyEmitters };
    this.assignInputs();
  }

  emit(): EmittedParts {
    const frame: Frame = { stateRef: 'this', state: this.fields, fn: undefined };
    const step: string[] = [];
    for (const symbol of this.analysis.globals) {
      if (symbol.mode && this.isSeries(symbol) && this.isField(symbol))
        step.push(`${this.place(symbol)}.carry();`);
    }
    const commentsByLine = this.ownLineComments();
    for (const statement of this.analysis.program.body) {
      for (const [line, text] of commentsByLine) {
        if (line < statement.span.line) {
          step.push(`// ${commentText(text)}`);
          commentsByLine.delete(line);
        }
      }
      this.statement(statement, step, frame);
    }
    for (const type of this.analysis.userTypes) this.udtClass(type);
    return {
      fields: this.fields,
      constructorLines: this.constructorLines,
      stepLines: step,
      methods: this.methods,
      stateClasses: this.stateClasses,
      udtClasses: this.udtClasses,
      inputs: this.inputList,
    };
  }

  private ownLineComments(): Map<number, string> {
    const out = new Map<number, string>();
    const documented = documentedComments(this.analysis.program);
    for (const comment of this.analysis.program.comments) {
      if (comment.ownLine && comment.annotation !== 'version' && !documented.has(comment))
        out.set(comment.span.line, comment.text.replace(/^\/\/\s?/, ''));
    }
    return out;
  }

  private unsupported(node: A.Node, message: string, hint: string): string {
    this.diagnostics.report(codegenCodes.unsupported, node.span, message, hint, this.file);
    return 'NaN';
  }

  // ---------------------------------------------------------------- inputs

  private assignInputs(): void {
    const inputCalls: number[] = [];
    for (const [id, resolution] of this.analysis.calls) {
      if (resolution.kind === 'builtin' && resolution.entry.flags.input) inputCalls.push(id);
    }
    // Inputs were recorded in analysis order; calls map keeps insertion order too.
    const used = new Set<string>();
    inputCalls.forEach((callId, i) => {
      const descriptor = this.analysis.inputs[i] as InputDescriptor | undefined;
      if (!descriptor) return;
      let key = /^[A-Za-z_]\w*$/.test(descriptor.name) ? tsName(descriptor.name) : `input${i + 1}`;
      while (used.has(key)) key = `${key}_`;
      used.add(key);
      const tsTypeOf = (type: InputDescriptor['type']): string =>
        type === 'int' || type === 'float' || type === 'price' || type === 'time' || type === 'color'
          ? 'number'
          : type === 'bool'
            ? 'boolean'
            : 'string';
      this.inputKeys.set(callId, { key, descriptor });
      this.inputList.push({ key, tsType: tsTypeOf(descriptor.type), descriptor });
    });
  }

  // ---------------------------------------------------------------- storage

  private isSeries(symbol: VariableSymbol): boolean {
    return symbol.historyDepth > 0;
  }

  /** Fields: top-level globals, and globals that must outlive a bar (`var`, history). */
  private isField(symbol: VariableSymbol): boolean {
    if (symbol.owner) return false;
    if (symbol.scope !== 'global')
      return (symbol.mode !== undefined || this.isSeries(symbol)) && !symbol.isParameter;
    return true;
  }

  /** Where a variable lives: `this.x`, `st.x` (function state) or a local `x`. */
  private place(symbol: VariableSymbol): string {
    const known = this.storage.get(symbol);
    if (known) return known;
    let place: string;
    const persistent = symbol.mode !== undefined || this.isSeries(symbol);
    if (this.isField(symbol)) {
      let name = tsName(symbol.name);
      while (this.usedFieldNames.has(name)) name = `${name}_${symbol.id}`;
      this.usedFieldNames.add(name);
      place = `this.${name}`;
      this.declareVariableField(symbol, name, this.fields);
    } else if (symbol.owner && persistent) {
      const name = `${tsName(symbol.name)}_${symbol.id}`;
      place = `st.${name}`;
      this.declareVariableField(symbol, name, this.functionState(symbol.owner));
    } else {
      place = tsName(symbol.name);
    }
    this.storage.set(symbol, place);
    return place;
  }

  private declareVariableField(symbol: VariableSymbol, name: string, target: StateField[]): void {
    if (this.isSeries(symbol)) {
      const depth = symbol.historyDepth === Infinity ? 5000 : symbol.historyDepth;
      const ts = tsType(symbol.type);
      const init =
        ts === 'number'
          ? `new ${RT}.FloatSeries(ctx.clock, ${depth})`
          : ts === 'boolean'
            ? `new ${RT}.BoolSeries(ctx.clock, ${depth})`
            : `new ${RT}.RefSeries<${ts}>(ctx.clock, ${depth})`;
      const type =
        ts === 'number'
          ? `${RT}.FloatSeries`
          : ts === 'boolean'
            ? `${RT}.BoolSeries`
            : `${RT}.RefSeries<${ts}>`;
      target.push({ name, type, init });
    } else {
      target.push({ name, type: tsType(symbol.type), init: naFor(symbol.type) });
    }
    if (symbol.mode) target.push({ name: `${name}Ready`, type: 'boolean', init: 'false' });
  }

  private read(symbol: VariableSymbol, offset = '0'): string {
    const place = this.place(symbol);
    if (!this.isSeries(symbol)) return place;
    // `x` itself is a field read V8 always inlines; `get(0)` would cost a ring read (and a boxed
    // double once the caller's inlining budget is spent): see src/runtime/README.md, "Per-bar speed".
    return offset === '0' ? `${place}.current` : `${place}.get(${offset})`;
  }

  private store(symbol: VariableSymbol, value: string): string {
    const place = this.place(symbol);
    return this.isSeries(symbol) ? `${place}.set(${value});` : `${place} = ${value};`;
  }

  // ---------------------------------------------------------------- functions

  private readonly functionStates = new Map<FunctionSymbol, StateField[]>();

  private functionState(fn: FunctionSymbol): StateField[] {
    let fields = this.functionStates.get(fn);
    if (!fields) {
      fields = [];
      this.functionStates.set(fn, fields);
    }
    return fields;
  }

  private stateClassName(fn: FunctionSymbol): string {
    return `${fn.name.charAt(0).toUpperCase()}${fn.name.slice(1)}State`;
  }

  private emitFunction(fn: FunctionSymbol): void {
    if (this.emittedFunctions.has(fn)) return;
    this.emittedFunctions.add(fn);
    const state = this.functionState(fn);
    const frame: Frame = { stateRef: 'st', state, fn };
    const body: string[] = [];
    for (const parameter of fn.parameters) {
      if (this.isSeries(parameter)) {
        const name = `${tsName(parameter.name)}_${parameter.id}`;
        this.storage.set(parameter, `st.${name}`);
        this.declareVariableField(parameter, name, state);
        body.push(`st.${name}.set(${tsName(parameter.name)});`);
      } else this.storage.set(parameter, tsName(parameter.name));
    }
    const statements = fn.declaration.body.statements;
    const returnType = fn.returnType;
    const returnsValue =
      returnType !== undefined && returnType.type.kind !== 'na' && returnType.type.kind !== 'void';
    this.statements(statements, body, frame, returnsValue ? { assign: (v) => `return ${v};` } : undefined);
    const stateful = fn.stateful || state.length > 0;
    const parameters = [
      { name: CTX, type: `${RT}.PineContext` },
      ...(stateful ? [{ name: 'st', type: this.stateClassName(fn) }] : []),
      ...fn.parameters.map((p) => ({ name: tsName(p.name), type: tsType(p.type) })),
    ];
    this.methods.push(
      scriptMethod({
        name: this.methodName(fn),
        line: fn.declaration.span.line,
        parameters,
        returnType: returnsValue ? tsType(returnType) : 'void',
        statements: body,
        docs: annotationDocs(fn.declaration.annotations, 'function'),
        leadingComments: leadingComments(this.analysis.program, fn.declaration),
      }),
    );
    if (stateful) this.stateClasses.push(functionStateClass(fn.name, this.stateClassName(fn), state));
  }

  private methodName(fn: FunctionSymbol): string {
    return fn.isMethod ? `${tsName(fn.name)}Method` : tsName(fn.name);
  }

  // ---------------------------------------------------------------- UDTs

  private udtClass(type: Analysis['userTypes'][number]): void {
    const fields = type.fields.map((f) => {
      const value = f.declaration.defaultValue
        ? this.expression(f.declaration.defaultValue, { stateRef: 'this', state: this.fields, fn: undefined })
        : naFor(f.type);
      return { name: tsName(f.name), pineName: f.name, type: tsType(f.type), value };
    });
    this.udtClasses.push(
      udtClass(type.declaration, type.name, fields, leadingComments(this.analysis.program, type.declaration)),
    );
  }

  // ---------------------------------------------------------------- statements

  /** Emits statements; with `value`, the last statement's value is handed to it (return/assign). */
  private statements(
    statements: readonly A.Statement[],
    out: string[],
    frame: Frame,
    value?: { assign: (v: string) => string },
  ): void {
    statements.forEach((statement, i) => {
      const last = i === statements.length - 1;
      if (last && value) this.valueStatement(statement, out, frame, value);
      else this.statement(statement, out, frame);
    });
  }

  private valueStatement(
    statement: A.Statement,
    out: string[],
    frame: Frame,
    value: { assign: (v: string) => string },
  ): void {
    if (statement.kind === 'ExpressionStatement') {
      const e = statement.expression;
      if (e.kind === 'IfExpression' || e.kind === 'SwitchExpression') {
        this.control(e, out, frame, value);
        return;
      }
      if (e.kind === 'ForExpression' || e.kind === 'ForInExpression' || e.kind === 'WhileExpression') {
        this.control(e, out, frame, undefined);
        return;
      }
      out.push(`${value.assign(this.expression(e, frame))} // L${statement.span.line}`);
      return;
    }
    this.statement(statement, out, frame);
    if (statement.kind === 'VariableDeclaration') {
      const symbol = this.analysis.declared.get(statement.name.id);
      if (symbol) out.push(value.assign(this.read(symbol)));
    } else if (statement.kind === 'Assignment' && statement.target.kind === 'Identifier') {
      const binding = this.analysis.bindings.get(statement.target.id);
      if (binding?.kind === 'symbol' && binding.symbol.kind === 'variable')
        out.push(value.assign(this.read(binding.symbol)));
    }
  }

  private statement(statement: A.Statement, out: string[], frame: Frame): void {
    const line = ` // L${statement.span.line}`;
    switch (statement.kind) {
      case 'VariableDeclaration': {
        const symbol = this.analysis.declared.get(statement.name.id);
        if (!symbol) return;
        if (statement.init.kind === 'CallExpression') {
          const resolution = this.analysis.calls.get(statement.init.id);
          if (resolution?.kind === 'builtin' && skippedCalls.has(resolution.name)) return;
        }
        const place = this.place(symbol);
        const isLocal = !place.startsWith('this.') && !place.startsWith('st.');
        const assignInto = (target: string[]): void => {
          if (this.isBlockValued(statement.init)) {
            if (isLocal) {
              target.push(`let ${place}: ${tsType(symbol.type)} = ${naFor(symbol.type)};${line}`);
              this.control(statement.init, target, frame, {
                assign: (v) => `${place} = ${v};`,
              });
            } else {
              const temp = this.names.next('value');
              target.push(`let ${temp}: ${tsType(symbol.type)} = ${naFor(symbol.type)};${line}`);
              this.control(statement.init, target, frame, {
                assign: (v) => `${temp} = ${v};`,
              });
              target.push(this.store(symbol, temp));
            }
            return;
          }
          const value = this.expression(statement.init, frame);
          target.push(
            isLocal
              ? `let ${place}: ${tsType(symbol.type)} = ${value};${line}`
              : `${this.store(symbol, value)}${line}`,
          );
        };
        if (statement.mode) {
          const ready = `${this.place(symbol)}Ready`;
          const inner: string[] = [];
          assignInto(inner);
          out.push(`if (!${ready}) {`, `${ready} = true;`, ...inner, '}');
        } else assignInto(out);
        return;
      }
      case 'TupleDeclaration':
        this.tuple(statement, out, frame);
        return;
      case 'Assignment':
        out.push(this.assignment(statement, frame) + line);
        return;
      case 'ExpressionStatement': {
        const e = statement.expression;
        if (this.isBlockValued(e)) {
          this.control(e, out, frame, undefined);
          return;
        }
        if (e.kind === 'CallExpression') {
          const resolution = this.analysis.calls.get(e.id);
          if (resolution?.kind === 'builtin' && skippedCalls.has(resolution.name)) return;
        }
        let code = this.expression(e, frame);
        // A plot id nobody keeps: the statement is just the recording.
        if (code.startsWith('(') && code.endsWith(', NaN)')) code = code.slice(1, -', NaN)'.length);
        if (code !== '' && code !== 'void 0') out.push(`${code};${line}`);
        return;
      }
      case 'FunctionDeclaration':
      case 'TypeDeclaration':
      case 'EnumDeclaration':
      case 'ImportDeclaration':
        return;
      case 'BreakStatement':
        out.push('break;');
        return;
      case 'ContinueStatement':
        out.push('continue;');
        return;
    }
  }

  private isBlockValued(e: A.Expression): boolean {
    return (
      e.kind === 'IfExpression' ||
      e.kind === 'SwitchExpression' ||
      e.kind === 'ForExpression' ||
      e.kind === 'ForInExpression' ||
      e.kind === 'WhileExpression'
    );
  }

  private tuple(statement: A.TupleDeclaration, out: string[], frame: Frame): void {
    const symbols = statement.names.map((n) => this.analysis.declared.get(n.id));
    const declare = (symbol: VariableSymbol | undefined, value: string): void => {
      if (!symbol || symbol.name === '_') return;
      const place = this.place(symbol);
      const isLocal = !place.startsWith('this.') && !place.startsWith('st.');
      out.push(isLocal ? `const ${place}: ${tsType(symbol.type)} = ${value};` : this.store(symbol, value));
    };
    const init = statement.init;
    const resolution = init.kind === 'CallExpression' ? this.analysis.calls.get(init.id) : undefined;
    const fields = resolution?.kind === 'builtin' ? taTupleFields[resolution.name] : undefined;
    if (fields) {
      const call = this.expression(init, frame);
      const site = call.slice(0, call.indexOf('.update('));
      out.push(`${call}; // L${statement.span.line}`);
      symbols.forEach((symbol, i) => {
        declare(symbol, `${site}.${fields[i] ?? 'NaN'}`);
      });
      return;
    }
    const temp = this.names.next('tuple');
    out.push(`const ${temp} = ${this.expression(init, frame)}; // L${statement.span.line}`);
    symbols.forEach((symbol, i) => {
      declare(symbol, `${temp}[${i}]`);
    });
  }

  private assignment(statement: A.Assignment, frame: Frame): string {
    const value = this.expression(statement.value, frame);
    const target = statement.target;
    const binding = this.analysis.bindings.get(target.id);
    const combine = (current: string): string => {
      switch (statement.operator) {
        case ':=':
          return value;
        case '+=':
          return `${current} + ${value}`;
        case '-=':
          return `${current} - ${value}`;
        case '*=':
          return `${current} * ${value}`;
        case '/=':
          return `${RT}.div(${current}, ${value})`;
        case '%=':
          return `${RT}.mod(${current}, ${value})`;
      }
    };
    if (target.kind === 'Identifier' && binding?.kind === 'symbol' && binding.symbol.kind === 'variable') {
      return this.store(binding.symbol, combine(this.read(binding.symbol)));
    }
    if (target.kind === 'MemberExpression') {
      const object = this.expression(target.object, frame);
      const field = `${object}.${tsName(target.property.name)}`;
      return `${field} = ${combine(field)};`;
    }
    return `/* unresolved assignment */`;
  }

  /** if / switch / for / while as statements; with `value`, each branch's last value is assigned. */
  private control(
    e: A.Expression,
    out: string[],
    frame: Frame,
    value: { assign: (v: string) => string } | undefined,
  ): void {
    switch (e.kind) {
      case 'IfExpression': {
        out.push(`if (${this.condition(e.test, frame)}) { // L${e.span.line}`);
        this.statements(e.consequent.statements, out, frame, value);
        if (e.alternate?.kind === 'IfExpression') {
          out.push('} else {');
          this.control(e.alternate, out, frame, value);
          out.push('}');
        } else if (e.alternate) {
          out.push('} else {');
          this.statements(e.alternate.statements, out, frame, value);
          out.push('}');
        } else out.push('}');
        return;
      }
      case 'SwitchExpression': {
        let subject: string | undefined;
        if (e.discriminant) {
          subject = this.names.next('subject');
          out.push(`const ${subject} = ${this.expression(e.discriminant, frame)}; // L${e.span.line}`);
        }
        let first = true;
        let hasDefault = false;
        for (const arm of e.cases) {
          if (arm.test) {
            const test =
              subject !== undefined
                ? `${subject} === ${this.expression(arm.test, frame)}`
                : this.condition(arm.test, frame);
            out.push(`${first ? '' : '} else '}if (${test}) {`);
          } else {
            out.push(first ? '{' : '} else {');
            hasDefault = true;
          }
          this.statements(arm.body.statements, out, frame, value);
          first = false;
        }
        if (!first) out.push('}');
        if (!hasDefault && value && e.cases.length === 0) out.push(value.assign('NaN'));
        return;
      }
      case 'ForExpression': {
        const counter = this.analysis.declared.get(e.counter.id);
        const name = counter ? this.place(counter) : tsName(e.counter.name);
        const from = this.names.next('from');
        const to = this.names.next('to');
        const step = this.names.next('step');
        out.push(`const ${from} = ${this.expression(e.from, frame)}; // L${e.span.line}`);
        out.push(`const ${to} = ${this.expression(e.to, frame)};`);
        out.push(
          `const ${step} = ${e.step ? `Math.abs(${this.expression(e.step, frame)}) * (${from} <= ${to} ? 1 : -1)` : `${from} <= ${to} ? 1 : -1`};`,
        );
        out.push(
          `for (let ${name} = ${from}; ${step} > 0 ? ${name} <= ${to} : ${name} >= ${to}; ${name} += ${step}) {`,
        );
        this.statements(e.body.statements, out, frame, value);
        out.push('}');
        return;
      }
      case 'ForInExpression': {
        const iterable = this.names.next('items');
        const index = this.names.next('i');
        out.push(`const ${iterable} = ${this.expression(e.iterable, frame)}; // L${e.span.line}`);
        out.push(`for (let ${index} = 0; ${index} < ${iterable}.size(); ${index}++) {`);
        const symbols = e.variables.map((v) => this.analysis.declared.get(v.id));
        if (e.destructured) {
          if (symbols[0]) out.push(`const ${this.place(symbols[0])} = ${index};`);
          if (symbols[1]) out.push(`const ${this.place(symbols[1])} = ${iterable}.get(${index});`);
        } else if (symbols[0]) out.push(`const ${this.place(symbols[0])} = ${iterable}.get(${index});`);
        this.statements(e.body.statements, out, frame, value);
        out.push('}');
        return;
      }
      case 'WhileExpression':
        out.push(`while (${this.condition(e.test, frame)}) { // L${e.span.line}`);
        this.statements(e.body.statements, out, frame, value);
        out.push('}');
        return;
      default:
        if (value) out.push(value.assign(this.expression(e, frame)));
    }
  }

  /** A Pine condition as a TS boolean (v4/v5 numbers are true when non-zero and not na). */
  private condition(e: A.Expression, frame: Frame): string {
    const code = this.expression(e, frame);
    const type = this.analysis.types.get(e.id);
    const p = primitive(type);
    if (p === 'int' || p === 'float') return `(${code} !== 0 && !Number.isNaN(${code}))`;
    return code;
  }

  // ---------------------------------------------------------------- expressions

  expression(e: A.Expression, frame: Frame): string {
    switch (e.kind) {
      case 'NumberLiteral':
        return String(e.value);
      case 'StringLiteral':
        return JSON.stringify(e.value);
      case 'BoolLiteral':
        return String(e.value);
      case 'NaLiteral':
        return 'NaN';
      case 'ColorLiteral':
        return `${RT}.color.hex(${JSON.stringify(e.raw)})`;
      case 'Identifier':
      case 'MemberExpression':
        return this.name(e, frame);
      case 'HistoryExpression':
        return this.history(e, frame);
      case 'UnaryExpression': {
        const argument = this.expression(e.argument, frame);
        if (e.operator === 'not') return `!(${this.condition(e.argument, frame)})`;
        return `${e.operator}(${argument})`;
      }
      case 'BinaryExpression':
        return this.binary(e, frame);
      case 'ConditionalExpression':
        return `(${this.condition(e.test, frame)} ? ${this.expression(e.consequent, frame)} : ${this.expression(e.alternate, frame)})`;
      case 'CallExpression':
        return this.call(e, frame);
      case 'TupleExpression':
        return `[${e.elements.map((x) => this.expression(x, frame)).join(', ')}] as const`;
      case 'IfExpression':
      case 'SwitchExpression':
      case 'ForExpression':
      case 'ForInExpression':
      case 'WhileExpression':
        return this.unsupported(
          e,
          'an if/switch/loop used inside a larger expression',
          'assign it to a variable first',
        );
      case 'InvalidExpression':
        return 'NaN';
    }
  }

  private binary(e: A.BinaryExpression, frame: Frame): string {
    if (e.operator === 'and' || e.operator === 'or') {
      // Before the operands are emitted as values: emitting one twice would declare its call
      // sites' state twice (a dead state field per `ta.*` call).
      const l = this.condition(e.left, frame);
      const r = this.condition(e.right, frame);
      if (this.analysis.rules.shortCircuitLogic) return `(${l} ${e.operator === 'and' ? '&&' : '||'} ${r})`;
      return `${RT}.${e.operator === 'and' ? 'both' : 'either'}(${l}, ${r})`;
    }
    const left = this.expression(e.left, frame);
    const right = this.expression(e.right, frame);
    const lt = this.analysis.types.get(e.left.id);
    const rtp = this.analysis.types.get(e.right.id);
    const numeric = (t: QualifiedType | undefined): boolean =>
      primitive(t) === 'int' || primitive(t) === 'float' || t?.type.kind === 'na';
    const ints = primitive(lt) === 'int' && primitive(rtp) === 'int';
    const comparisons: Readonly<Partial<Record<A.BinaryOperator, [string, string]>>> = {
      '==': ['eq', '==='],
      '!=': ['ne', '!=='],
      '<': ['lt', '<'],
      '>': ['gt', '>'],
      '<=': ['le', '<='],
      '>=': ['ge', '>='],
    };
    const comparison = comparisons[e.operator];
    if (comparison) {
      // Two ints compare exactly, so a plain operator will do — except `!=`, which must be false
      // (not true) when a side is na, as `ne` is.
      if (numeric(lt) && numeric(rtp) && (!ints || e.operator === '!='))
        return `${RT}.${comparison[0]}(${left}, ${right})`;
      return `(${left} ${comparison[1]} ${right})`;
    }
    switch (e.operator) {
      case '/': {
        const constInts =
          ints &&
          lt?.qualifier === 'const' &&
          rtp?.qualifier === 'const' &&
          this.analysis.rules.constIntDivisionTruncates;
        return `${RT}.${constInts ? 'divConstIntV5' : 'div'}(${left}, ${right})`;
      }
      case '%':
        return `${RT}.mod(${left}, ${right})`;
      default:
        return `(${left} ${e.operator} ${right})`;
    }
  }

  private history(e: A.HistoryExpression, frame: Frame): string {
    const offset = this.expression(e.offset, frame);
    const target = e.target;
    const binding = this.analysis.bindings.get(target.id);
    if (binding?.kind === 'symbol' && binding.symbol.kind === 'variable' && !frame.htf)
      return this.read(binding.symbol, offset);
    if (binding?.kind === 'builtin-variable') {
      const series = builtinSeries[binding.name];
      if (series) return `${CTX}.${series}At(${offset})`;
      if (binding.name === 'bar_index') return `(${CTX}.bar_index - (${offset}))`;
      const derived: Readonly<Partial<Record<string, string>>> = {
        hl2: `(${CTX}.highAt(${offset}) + ${CTX}.lowAt(${offset})) / 2`,
        hlc3: `(${CTX}.highAt(${offset}) + ${CTX}.lowAt(${offset}) + ${CTX}.closeAt(${offset})) / 3`,
        ohlc4: `(${CTX}.openAt(${offset}) + ${CTX}.highAt(${offset}) + ${CTX}.lowAt(${offset}) + ${CTX}.closeAt(${offset})) / 4`,
      };
      const d = derived[binding.name];
      if (d) return `(${d})`;
    }
    // History of any other expression: a series per site, written each time the expression runs.
    const depth = e.offset.kind === 'NumberLiteral' ? e.offset.value : 5000;
    const type = this.analysis.types.get(target.id);
    const ts = tsType(type);
    const seriesType = ts === 'boolean' ? `${RT}.BoolSeries` : `${RT}.FloatSeries`;
    const site = this.stateField(frame, 'history', seriesType, `new ${seriesType}(ctx.clock, ${depth})`);
    return `(${site}.set(${this.expression(target, frame)}), ${site}.get(${offset}))`;
  }

  private stateField(frame: Frame, hint: string, type: string, init: string): string {
    const name = this.names.next(hint);
    frame.state.push({ name, type, init });
    return `${frame.stateRef}.${name}`;
  }

  private name(e: A.Identifier | A.MemberExpression, frame: Frame): string {
    const binding: Binding | undefined = this.analysis.bindings.get(e.id);
    if (!binding) {
      if (e.kind === 'MemberExpression')
        return `${this.expression(e.object, frame)}.${tsName(e.property.name)}`;
      return this.unsupported(e, `'${e.name}' could not be resolved`, 'see the analysis diagnostics');
    }
    switch (binding.kind) {
      case 'symbol':
        if (binding.symbol.kind === 'variable')
          return frame.htf ? this.htfVariable(binding.symbol, e, frame) : this.read(binding.symbol);
        return this.unsupported(
          e,
          `'${binding.symbol.name}' is not a value`,
          'call functions with parentheses',
        );
      case 'builtin-variable':
        return this.builtinVariable(binding.name, e, frame);
      case 'builtin-constant':
        return this.builtinConstant(binding);
      case 'enum-member':
        return JSON.stringify(binding.member);
      case 'field':
        if (e.kind === 'MemberExpression')
          return `${this.expression(e.object, frame)}.${tsName(binding.field.name)}`;
        return 'NaN';
      case 'namespace':
      case 'builtin-function':
        return this.unsupported(e, `'${binding.name}' is not a value`, 'call it with parentheses');
    }
  }

  private builtinVariable(name: string, node: A.Node, frame: Frame): string {
    const direct = new Set([
      'open',
      'high',
      'low',
      'close',
      'volume',
      'time',
      'time_close',
      'bar_index',
      'last_bar_index',
      'hl2',
      'hlc3',
      'ohlc4',
      'hlcc4',
    ]);
    if (direct.has(name)) return `${CTX}.${name}`;
    if (name === 'na') return 'NaN';
    const dot = name.indexOf('.');
    const ns = dot < 0 ? '' : name.slice(0, dot);
    const member = name.slice(dot + 1);
    if (ns === 'barstate' || ns === 'syminfo' || ns === 'timeframe') return `${CTX}.${ns}.${member}`;
    if (ns === 'strategy') return `${STRATEGY}.${camel(member)}`;
    if (name === 'session.ismarket') return `${CTX}.sessionIsMarket()`;
    if (name === 'session.ispremarket') return `${CTX}.sessionIsPremarket()`;
    if (name === 'session.isfirstbar' || name === 'session.isfirstbar_regular')
      return `${CTX}.sessionIsFirstBar()`;
    if (name === 'session.islastbar' || name === 'session.islastbar_regular')
      return `${CTX}.sessionIsLastBar()`;
    if (ns === 'ta') {
      const v = taVariable(name, {
        state: (hint, type, init) => this.stateField(frame, hint, type, init),
        rt: RT,
        ctx: CTX,
      });
      if (v) return v;
    }
    const dateParts = ['year', 'month', 'dayofmonth', 'dayofweek', 'hour', 'minute', 'second', 'weekofyear'];
    if (dateParts.includes(name)) return `${CTX}.${name}()`;
    if (name === 'timenow' || name === 'time_tradingday') return `${CTX}.time`;
    return this.unsupported(
      node,
      `built-in variable '${name}' is not supported by the code generator yet`,
      'report it; the list of supported built-ins is in src/codegen',
    );
  }

  private builtinConstant(binding: Extract<Binding, { kind: 'builtin-constant' }>): string {
    const strategy = strategyConstant(binding.name);
    if (strategy) return strategy;
    const value = binding.entry.value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value === 'string') {
      if (value.startsWith('#')) return `${RT}.color.hex(${JSON.stringify(value)})`;
      return JSON.stringify(value);
    }
    if (binding.name.startsWith('math.')) return `${RT}.math.${binding.name.slice(5)}`;
    return JSON.stringify(binding.name);
  }

  // ---------------------------------------------------------------- calls

  private call(e: A.CallExpression, frame: Frame): string {
    const resolution: CallResolution | undefined = this.analysis.calls.get(e.id);
    if (!resolution) return this.unsupported(e, 'this call was not resolved', 'see the analysis diagnostics');
    switch (resolution.kind) {
      case 'builtin':
        return this.builtinCall(e, resolution, frame);
      case 'user': {
        const fn = resolution.symbol;
        this.emitFunction(fn);
        const stateful = fn.stateful || this.functionState(fn).length > 0;
        const args = resolution.args.map((a, i) => {
          if (a) return this.expression(a, frame);
          const parameter = fn.declaration.parameters[i];
          return parameter.defaultValue ? this.expression(parameter.defaultValue, frame) : 'NaN';
        });
        const state = stateful
          ? [this.stateField(frame, fn.name, this.stateClassName(fn), `new ${this.stateClassName(fn)}(ctx)`)]
          : [];
        return `this.${this.methodName(fn)}(${[CTX, ...state, ...args].join(', ')})`;
      }
      case 'type-new':
        return `new ${resolution.type.name}(${resolution.args.map((a) => (a ? this.expression(a, frame) : 'undefined')).join(', ')})`;
      case 'type-copy':
        return `${this.expression(resolution.source, frame)}.copy()`;
      case 'unresolved':
        return this.unsupported(e, 'this call could not be resolved', 'see the analysis diagnostics');
    }
  }

  private builtinCall(
    e: A.CallExpression,
    resolution: Extract<CallResolution, { kind: 'builtin' }>,
    frame: Frame,
  ): string {
    const name = resolution.name;
    if (skippedCalls.has(name)) return '';
    if (name === 'request.security') {
      const htf = this.securityCall(e, resolution, frame);
      if (htf !== undefined) return htf;
    }
    if (resolution.entry.flags.input) {
      const input = this.inputKeys.get(e.id);
      if (!input) return this.unsupported(e, 'input not recorded', 'internal error');
      if (input.descriptor.type === 'source') return `${RT}.sourceValue(${CTX}, this.inputs.${input.key})`;
      return `this.inputs.${input.key}`;
    }
    const params = resolution.overload.params.filter((p) => p.versions.includes(this.analysis.rules.version));
    const args = resolution.args.map((a) => (a ? this.expression(a, frame) : undefined));
    const context: BuiltinEmitContext = {
      name,
      args,
      restArgs: resolution.restArgs.map((a) => this.expression(a, frame)),
      paramNames: params.map((p) => p.name),
      argTypes: resolution.args.map((a) => (a ? this.analysis.types.get(a.id) : undefined)),
      resultType: this.analysis.types.get(e.id) ?? { qualifier: 'series', type: { kind: 'na' } },
      arg: (n) => {
        const i = params.findIndex((p) => p.name === n);
        return i < 0 ? undefined : args[i];
      },
      argOr: (n, fallback) => {
        const i = params.findIndex((p) => p.name === n);
        return (i < 0 ? undefined : args[i]) ?? fallback;
      },
      state: (hint, type, init) => this.stateField(frame, hint, type, init),
      rt: RT,
      ctx: CTX,
      strategy: STRATEGY,
      version: this.analysis.rules.version,
      unsupported: (message, hint) => this.unsupported(e, message, hint),
      missingData: (message, hint) => {
        this.diagnostics.report(codegenCodes.missingData, e.span, message, hint, this.file);
        return 'NaN';
      },
      declarePlot: (title) => this.declarePlot(title),
    };
    const info = tradeInfoCall(name, context);
    if (info) return info;
    const emitter = this.emitters[name] as EmitterTable[string] | undefined;
    if (!emitter) {
      return this.unsupported(
        e,
        `${name}() is not supported by the code generator yet`,
        'the strategy cannot be ported until it is; please report it',
      );
    }
    const code = emitter(context);
    // plot() and hline() return ids a script may keep (for fill()); the recorder returns nothing.
    const result = resolution.overload.result.type;
    if (result.kind === 'id' && (result.name === 'plot' || result.name === 'hline')) return `(${code}, NaN)`;
    return code;
  }

  // ---------------------------------------------------------------- request.security

  /**
   * `request.security(syminfo.tickerid, tf, expr, gaps, lookahead)` at another timeframe: `expr` is
   * emitted into its own method and state class with `ctx` bound to the higher-timeframe context
   * (rt.Security, the chart feed resampled); the call site reads that helper. undefined when this
   * is not such a call (chart timeframe, other symbol): the emitter table handles those.
   */
  private securityCall(
    e: A.CallExpression,
    resolution: Extract<CallResolution, { kind: 'builtin' }>,
    frame: Frame,
  ): string | undefined {
    const params = resolution.overload.params.filter((p) => p.versions.includes(this.analysis.rules.version));
    const arg = (n: string): A.Expression | undefined =>
      resolution.args[params.findIndex((p) => p.name === n)];
    const [symbol, timeframe, expression] = [arg('symbol'), arg('timeframe'), arg('expression')];
    if (!symbol || !timeframe || !expression) return undefined;
    const probe: Frame = { stateRef: 'st', state: [], fn: undefined, htf: true };
    const tf = this.expression(timeframe, probe);
    const sym = this.expression(symbol, probe).trim();
    if (tf.trim() === '""' || tf.trim() === `${CTX}.timeframe.period`) return undefined;
    if (sym !== `${CTX}.syminfo.tickerid` && sym !== `${CTX}.syminfo.ticker`) return undefined;
    if (frame.stateRef !== 'this' || frame.htf)
      return this.unsupported(
        e,
        'request.security at another timeframe inside a function or another request.security is not supported yet',
        'call request.security at the script top level',
      );
    if (probe.state.length > 0 || !constantTimeframe(tf))
      return this.unsupported(
        e,
        'request.security needs a timeframe known before the first bar',
        'use a string literal or an input.timeframe()',
      );
    const type = this.analysis.types.get(e.id);
    // A literal `[a, b]` is typed by its elements (the call's result type may not say tuple).
    const elements =
      expression.kind === 'TupleExpression'
        ? expression.elements.map((x) => this.analysis.types.get(x.id))
        : type?.type.kind === 'tuple'
          ? type.type.elements
          : [type];
    const ts = elements.map((t) => tsType(t));
    const tuple = expression.kind === 'TupleExpression' || type?.type.kind === 'tuple';
    if (tuple ? ts.some((t) => t !== 'number') : ts[0] !== 'number' && ts[0] !== 'boolean')
      return this.unsupported(
        e,
        `request.security of a ${tuple ? `[${ts.join(', ')}]` : ts[0]} value at another timeframe is not supported yet`,
        'request numbers, bools or tuples of numbers',
      );
    const name = this.names.next('security');
    const className = `Security${name.slice('_security'.length)}Htf`;
    const htf: Frame = { stateRef: 'st', state: [], fn: undefined, htf: true };
    const body = this.securityBody(expression, htf, ts, tuple);
    const line = e.span.line;
    this.stateClasses.push(securityStateClass(className, line, ts.length, htf.state));
    this.methods.push(securityMethod(`${name}Value`, className, line, body, htf.state.length > 0, tuple));
    this.fields.push({ name, type: className, init: `new ${className}(ctx, ${tf})` });
    const signature = tuple ? `(htf: ${RT}.PineContext, out: Float64Array)` : `(htf: ${RT}.PineContext)`;
    this.fields.push({
      name: `${name}Fn`,
      type: `${signature} => ${tuple ? 'void' : 'number'}`,
      init: `${signature} => this.${name}Value(htf, this.${name}${tuple ? ', out' : ''})`,
    });
    const flag = (n: string, on: string): string => {
      const a = arg(n);
      return barmergeFlag(a && this.expression(a, frame), on);
    };
    const how = `${CTX}, ${flag('lookahead', 'barmerge.lookahead_on')}, ${flag('gaps', 'barmerge.gaps_on')}, this.${name}Fn`;
    if (tuple) return `this.${name}.security.row(${how})`;
    const value = `this.${name}.security.value(${how})`;
    return ts[0] === 'boolean' ? `(${value} === 1)` : value;
  }

  /** Statements of a security method: `return` the value, or write a tuple's numbers into `out`. */
  private securityBody(
    expression: A.Expression,
    frame: Frame,
    ts: readonly string[],
    tuple: boolean,
  ): string {
    if (!tuple) {
      const code = this.expression(expression, frame);
      return `return ${ts[0] === 'boolean' ? `(${code}) ? 1 : 0` : code};`;
    }
    if (expression.kind === 'TupleExpression')
      return expression.elements.map((x, i) => `out[${i}] = ${this.expression(x, frame)};`).join('\n');
    const v = this.names.next('tuple');
    return [
      `const ${v} = ${this.expression(expression, frame)};`,
      ...ts.map((_, i) => `out[${i}] = ${v}[${i}];`),
    ].join('\n');
  }

  /**
   * A script variable read inside a request.security expression: a global declared once from an
   * expression (no `var`, never reassigned) is recomputed there from its declaration, as TradingView
   * does; anything else would need the script's own state on the higher timeframe.
   */
  private htfVariable(symbol: VariableSymbol, node: A.Node, frame: Frame): string {
    const declaration = symbol.declaration;
    if (
      symbol.scope === 'global' &&
      !symbol.owner &&
      symbol.mode === undefined &&
      !symbol.reassigned &&
      declaration.kind === 'VariableDeclaration'
    )
      return `(${this.expression(declaration.init, frame)})`;
    return this.unsupported(
      node,
      `'${symbol.name}' is a script variable the request.security expression would have to recompute on the higher timeframe`,
      'compute it inside the request.security expression (or in a function called there)',
    );
  }

  /** One recorded series per plot() call site, as TradingView keeps two plots of one title apart. */
  private declarePlot(title: string): string {
    const name = this.names.next('plot');
    this.fields.push({ name, type: 'number', init: `ctx.plots.declare(${JSON.stringify(title)})` });
    return `this.${name}`;
  }
}
