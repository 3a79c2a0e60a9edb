import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { analysisCodes } from '../diagnostics/codes/analysis.js';
import type * as A from '../parser/ast.js';
import type { BuiltinCatalogue, PineVersion } from './builtins/index.js';
import { resolveCall, type CallContext } from './calls.js';
import { dottedName } from './literal-value.js';
import type {
  Analysis,
  Binding,
  CallResolution,
  EnumSymbol,
  FunctionSymbol,
  InputDescriptor,
  LibrarySymbol,
  ScriptDeclaration,
  TypeSymbol,
  VariableSymbol,
  VersionRules,
} from './model.js';
import { Scope } from './scope.js';
import { closestName } from './suggest.js';
import { describeInput, describeDeclaration } from './script-facts.js';
import {
  BOOL,
  COLOR,
  FLOAT,
  INT,
  NA,
  STRING,
  assignRulesFor,
  enumType,
  isTypeAssignable,
  joinQualifier,
  qualified,
  tupleOf,
  tryParseType,
  udtType,
  type PineType,
  type QualifiedType,
} from './types/index.js';

const UNKNOWN: QualifiedType = qualified('series', FLOAT);

interface Context {
  readonly scope: Scope;
  readonly fn: FunctionSymbol | undefined;
  /** The variable an initialiser is for, to name inputs after it. */
  readonly declaring: string | undefined;
}

function isNaType(t: QualifiedType): boolean {
  return t.type.kind === 'na';
}

/** The common type of two branches: na takes the other's type; int meets float as float. */
function joinTypes(a: QualifiedType, b: QualifiedType): QualifiedType {
  const qualifier = joinQualifier(a.qualifier, b.qualifier);
  if (isNaType(a)) return qualified(qualifier, b.type);
  if (isNaType(b)) return qualified(qualifier, a.type);
  const numeric = (t: PineType): boolean =>
    t.kind === 'primitive' && (t.name === 'int' || t.name === 'float');
  if (numeric(a.type) && numeric(b.type)) {
    const isFloat = (t: PineType): boolean => t.kind === 'primitive' && t.name === 'float';
    return qualified(qualifier, isFloat(a.type) || isFloat(b.type) ? FLOAT : INT);
  }
  return qualified(qualifier, a.type);
}

function primitiveName(t: QualifiedType): string | undefined {
  return t.type.kind === 'primitive' ? t.type.name : undefined;
}

/**
 * The semantic pass: binds every name, infers every expression's type and qualifier, resolves
 * every call to a built-in overload or a script function, finds history depths, inputs and the
 * `strategy()` settings. Results go to side tables keyed by node id; diagnostics are collected.
 */
export class Checker {
  private readonly program: A.Program;
  private readonly catalogue: BuiltinCatalogue;
  private readonly file: string | undefined;
  readonly version: PineVersion;
  readonly rules: VersionRules;
  private readonly diagnostics = new DiagnosticBag();
  private readonly bindings = new Map<number, Binding>();
  private readonly types = new Map<number, QualifiedType>();
  private readonly calls = new Map<number, CallResolution>();
  private readonly declared = new Map<number, VariableSymbol>();
  private readonly functions: FunctionSymbol[] = [];
  private readonly userTypes: TypeSymbol[] = [];
  private readonly enums: EnumSymbol[] = [];
  private readonly globals: VariableSymbol[] = [];
  private readonly inputs: InputDescriptor[] = [];
  private declaration: ScriptDeclaration | undefined;
  private nextSymbolId = 1;
  private readonly globalScope = new Scope(undefined);
  private readonly analysing = new Set<FunctionSymbol>();
  private readonly advised = new Set<string>();

  constructor(program: A.Program, catalogue: BuiltinCatalogue, file: string | undefined) {
    this.program = program;
    this.catalogue = catalogue;
    this.file = file;
    const written = program.version;
    if (written !== undefined && written < 4) {
      this.report(
        analysisCodes.oldVersion,
        program.span,
        `Pine v${written} is read with v4 rules`,
        'convert the script to //@version=5 or later in TradingView, or check the result carefully',
      );
    }
    this.version = written === undefined || written <= 4 ? 4 : written === 5 ? 5 : 6;
    this.rules = {
      version: this.version,
      shortCircuitLogic: this.version >= 6,
      constIntDivisionTruncates: this.version < 6,
      boolCanBeNa: this.version < 6,
      defaultMarginPercent: this.version >= 6 ? 100 : 0,
    };
  }

  run(): Analysis {
    const context: Context = { scope: this.globalScope, fn: undefined, declaring: undefined };
    for (const statement of this.program.body) this.hoist(statement);
    for (const statement of this.program.body) this.statement(statement, context);
    for (const fn of this.functions) if (!fn.analysed) this.analyseFunction(fn, []);
    if (!this.declaration) {
      this.report(
        analysisCodes.noDeclaration,
        undefined,
        'the script has no strategy(), indicator() or library() call',
        'add strategy("My strategy") (or indicator(…)) at the top of the script',
      );
    }
    return {
      program: this.program,
      rules: this.rules,
      declaration: this.declaration,
      inputs: this.inputs,
      bindings: this.bindings,
      types: this.types,
      calls: this.calls,
      declared: this.declared,
      functions: this.functions,
      userTypes: this.userTypes,
      enums: this.enums,
      globals: this.globals,
      diagnostics: this.diagnostics.all,
    };
  }

  // ---------------------------------------------------------------- helpers

  report(
    definition: (typeof analysisCodes)[keyof typeof analysisCodes],
    span: A.Node['span'] | undefined,
    message: string,
    hint?: string,
  ): void {
    this.diagnostics.report(definition, span, message, hint, this.file);
  }

  /** Version advice is given once per name per script, at its first use. */
  adviseOnce(key: string, span: A.Node['span'], message: string): void {
    if (this.advised.has(key)) return;
    this.advised.add(key);
    this.report(
      analysisCodes.versionAdvice,
      span,
      message,
      'pineport runs it as is; the advice matters when you upgrade the script',
    );
  }

  private setType(node: A.Expression, type: QualifiedType): QualifiedType {
    this.types.set(node.id, type);
    return type;
  }

  private newVariable(
    name: string,
    declaration: VariableSymbol['declaration'],
    type: QualifiedType,
    context: Context,
    options: { mode?: A.DeclarationMode; isParameter?: boolean } = {},
  ): VariableSymbol {
    const symbol: VariableSymbol = {
      kind: 'variable',
      id: this.nextSymbolId++,
      name,
      declaration,
      mode: options.mode,
      scope: context.scope.isGlobal ? 'global' : 'local',
      isParameter: options.isParameter ?? false,
      type,
      historyDepth: 0,
      reassigned: false,
      owner: context.fn,
    };
    return symbol;
  }

  private declareVariable(symbol: VariableSymbol, name: A.Identifier, context: Context): void {
    const previous = context.scope.declare(symbol);
    if (previous && previous.kind === 'variable' && name.name !== '_') {
      this.report(
        analysisCodes.redeclared,
        name.span,
        `'${name.name}' is already declared in this scope`,
        `use ':=' to assign a new value to the existing '${name.name}'`,
      );
    }
    this.bindings.set(name.id, { kind: 'symbol', symbol });
    if (symbol.scope === 'global') this.globals.push(symbol);
  }

  /** Resolves a written type (`float`, `array<int>`, `MyType`, `Mode`). */
  private writtenType(
    reference: A.TypeReference,
    qualifier: A.Qualifier | undefined,
    fallback: 'series' | 'simple' = 'series',
  ): QualifiedType {
    const text = reference.isArray ? `array<${this.typeText(reference)}>` : this.typeText(reference);
    const parsed = tryParseType(text);
    let type: PineType = parsed ?? udtType(reference.name);
    if (type.kind === 'udt') {
      const name = type.name;
      if (this.enums.some((e) => e.name === name)) type = enumType(name);
      else if (!this.userTypes.some((t) => t.name === name) && !this.catalogue.isNamespace(name)) {
        this.report(
          analysisCodes.unknownIdentifier,
          reference.span,
          `unknown type '${name}'`,
          this.didYouMean(
            name,
            this.userTypes.map((t) => t.name).concat(['int', 'float', 'bool', 'string', 'color']),
          ),
        );
      }
    }
    return qualified(qualifier ?? fallback, type);
  }

  private typeText(reference: A.TypeReference): string {
    const args =
      reference.typeArguments.length > 0
        ? `<${reference.typeArguments.map((a) => (a.isArray ? `array<${this.typeText(a)}>` : this.typeText(a))).join(', ')}>`
        : '';
    return `${reference.name}${args}`;
  }

  private didYouMean(name: string, candidates: Iterable<string>): string {
    const suggestion = closestName(name, candidates);
    return suggestion
      ? `did you mean '${suggestion}'?`
      : 'check the spelling, and that it is declared above this line';
  }

  // ---------------------------------------------------------------- hoisting

  private hoist(statement: A.Statement): void {
    switch (statement.kind) {
      case 'FunctionDeclaration': {
        const fn: FunctionSymbol = {
          kind: 'function',
          id: this.nextSymbolId++,
          name: statement.name.name,
          declaration: statement,
          isMethod: statement.isMethod,
          parameters: [],
          returnType: undefined,
          stateful: false,
          analysed: false,
        };
        this.functions.push(fn);
        // Methods live beside functions of the same name; they are found through their receiver's type.
        if (!statement.isMethod || !this.globalScope.lookup(fn.name)) this.globalScope.declare(fn);
        this.bindings.set(statement.name.id, { kind: 'symbol', symbol: fn });
        return;
      }
      case 'TypeDeclaration': {
        const symbol: TypeSymbol = {
          kind: 'type',
          name: statement.name.name,
          declaration: statement,
          fields: [],
        };
        this.userTypes.push(symbol);
        this.globalScope.declare(symbol);
        this.bindings.set(statement.name.id, { kind: 'symbol', symbol });
        return;
      }
      case 'EnumDeclaration': {
        const symbol: EnumSymbol = {
          kind: 'enum',
          name: statement.name.name,
          declaration: statement,
          members: statement.members.map((m) => m.name.name),
        };
        this.enums.push(symbol);
        this.globalScope.declare(symbol);
        this.bindings.set(statement.name.id, { kind: 'symbol', symbol });
        return;
      }
      case 'ImportDeclaration': {
        const name = statement.alias?.name ?? statement.library;
        const symbol: LibrarySymbol = { kind: 'library', name, declaration: statement };
        this.globalScope.declare(symbol);
        this.report(
          analysisCodes.libraryUnavailable,
          statement.span,
          `library ${statement.publisher}/${statement.library}/${statement.libraryVersion} is not available offline`,
          'pineport cannot fetch TradingView libraries; copy the functions you use into the script',
        );
        return;
      }
      default:
        return;
    }
  }

  private resolveTypeFields(): void {
    for (const symbol of this.userTypes) {
      if (symbol.fields.length > 0 || symbol.declaration.fields.length === 0) continue;
      for (const field of symbol.declaration.fields) {
        symbol.fields.push({
          name: field.name.name,
          type: this.writtenType(field.type, undefined),
          declaration: field,
        });
      }
    }
  }

  // ---------------------------------------------------------------- statements

  private block(block: A.Block, context: Context): QualifiedType {
    const inner: Context = { ...context, scope: new Scope(context.scope), declaring: undefined };
    let last: QualifiedType = qualified('series', NA);
    for (const statement of block.statements) last = this.statement(statement, inner);
    return last;
  }

  /** Analyses a statement; returns its value's type (a block's value is its last statement's). */
  private statement(statement: A.Statement, context: Context): QualifiedType {
    if (this.userTypes.length > 0) this.resolveTypeFields();
    switch (statement.kind) {
      case 'VariableDeclaration':
        return this.variableDeclaration(statement, context);
      case 'TupleDeclaration': {
        const init = this.expression(statement.init, { ...context, declaring: undefined });
        const elements = init.type.kind === 'tuple' ? init.type.elements : [];
        statement.names.forEach((name, i) => {
          const type = elements[i] ?? UNKNOWN;
          const symbol = this.newVariable(name.name, statement, type, context);
          this.declared.set(name.id, symbol);
          this.declareVariable(symbol, name, context);
        });
        return init;
      }
      case 'Assignment':
        return this.assignment(statement, context);
      case 'ExpressionStatement':
        return this.expression(statement.expression, { ...context, declaring: undefined });
      case 'FunctionDeclaration':
        if (!context.scope.isGlobal) {
          this.report(
            analysisCodes.unsupported,
            statement.span,
            'functions can only be declared at the top level of a script',
            'move the function out of the block',
          );
        }
        return qualified('const', NA);
      case 'TypeDeclaration':
      case 'EnumDeclaration':
      case 'ImportDeclaration':
      case 'BreakStatement':
      case 'ContinueStatement':
        return qualified('const', NA);
    }
  }

  private variableDeclaration(statement: A.VariableDeclaration, context: Context): QualifiedType {
    const init = this.expression(statement.init, { ...context, declaring: statement.name.name });
    let type: QualifiedType;
    if (statement.type) {
      const written = this.writtenType(statement.type, statement.qualifier);
      type = statement.qualifier
        ? written
        : qualified(
            init.qualifier === 'const' && !statement.mode ? 'const' : joinQualifier(init.qualifier, 'simple'),
            written.type,
          );
      if (
        !isNaType(init) &&
        !isTypeAssignable(init.type, written.type, assignRulesFor(this.version)) &&
        init.type.kind !== 'tuple'
      ) {
        this.report(
          analysisCodes.assignmentType,
          statement.init.span,
          `a ${this.describe(init)} cannot initialise '${statement.name.name}', declared ${this.describe(written)}`,
          'convert the value (e.g. int(x), float(x)) or change the declared type',
        );
      }
    } else {
      type = isNaType(init) ? qualified('series', FLOAT) : init;
      if (isNaType(init)) {
        this.report(
          analysisCodes.assignmentType,
          statement.init.span,
          `'${statement.name.name} = na' needs a type: Pine cannot tell what kind of value it will hold`,
          `declare it with a type, e.g. 'float ${statement.name.name} = na'`,
        );
      }
    }
    if (statement.mode) type = qualified('series', type.type);
    const symbol = this.newVariable(
      statement.name.name,
      statement,
      type,
      context,
      statement.mode ? { mode: statement.mode } : {},
    );
    this.declared.set(statement.name.id, symbol);
    this.declareVariable(symbol, statement.name, context);
    return type;
  }

  private assignment(statement: A.Assignment, context: Context): QualifiedType {
    const value = this.expression(statement.value, { ...context, declaring: undefined });
    const target = statement.target;
    if (target.kind === 'Identifier') {
      const symbol = context.scope.lookup(target.name);
      if (!symbol || symbol.kind !== 'variable') {
        this.report(
          analysisCodes.assignBeforeDeclare,
          target.span,
          `'${target.name}' is assigned with '${statement.operator}' but never declared`,
          `declare it first with '${target.name} = …' (or 'var ${target.name} = …' to keep its value between bars)`,
        );
        return value;
      }
      this.bindings.set(target.id, { kind: 'symbol', symbol });
      symbol.reassigned = true;
      if (symbol.owner !== context.fn && symbol.scope === 'global' && context.fn) {
        this.report(
          analysisCodes.unsupported,
          target.span,
          `a function cannot assign to the global variable '${target.name}'`,
          'Pine forbids it; return the value from the function and assign it outside',
        );
      }
      const declaredType = symbol.type;
      if (primitiveName(declaredType) === 'int' && primitiveName(value) === 'float') {
        if (symbol.declaration.kind === 'VariableDeclaration' && symbol.declaration.type) {
          this.report(
            analysisCodes.assignmentType,
            statement.value.span,
            `a float cannot be assigned to '${target.name}', declared int`,
            'wrap the value in int(…) or declare the variable float',
          );
        } else {
          symbol.type = qualified(declaredType.qualifier, FLOAT);
        }
      }
      symbol.type = qualified(
        joinQualifier(symbol.type.qualifier, joinQualifier(value.qualifier, 'simple')),
        symbol.type.type,
      );
      this.types.set(target.id, symbol.type);
      return symbol.type;
    }
    this.expression(target, context);
    return value;
  }

  // ---------------------------------------------------------------- expressions

  describe(type: QualifiedType): string {
    return `${type.qualifier} ${type.type.kind === 'primitive' ? type.type.name : type.type.kind}`;
  }

  expression(expression: A.Expression, context: Context): QualifiedType {
    switch (expression.kind) {
      case 'NumberLiteral':
        return this.setType(expression, qualified('const', expression.isInteger ? INT : FLOAT));
      case 'StringLiteral':
        return this.setType(expression, qualified('const', STRING));
      case 'BoolLiteral':
        return this.setType(expression, qualified('const', BOOL));
      case 'NaLiteral':
        return this.setType(expression, qualified('const', NA));
      case 'ColorLiteral':
        return this.setType(expression, qualified('const', COLOR));
      case 'Identifier':
        return this.setType(expression, this.identifier(expression, context));
      case 'MemberExpression':
        return this.setType(expression, this.member(expression, context));
      case 'CallExpression':
        return this.setType(expression, this.call(expression, context));
      case 'HistoryExpression':
        return this.setType(expression, this.history(expression, context));
      case 'UnaryExpression': {
        const argument = this.expression(expression.argument, context);
        return this.setType(
          expression,
          expression.operator === 'not' ? qualified(argument.qualifier, BOOL) : argument,
        );
      }
      case 'BinaryExpression':
        return this.setType(expression, this.binary(expression, context));
      case 'ConditionalExpression': {
        const test = this.expression(expression.test, context);
        const joined = joinTypes(
          this.expression(expression.consequent, context),
          this.expression(expression.alternate, context),
        );
        return this.setType(
          expression,
          qualified(joinQualifier(test.qualifier, joined.qualifier), joined.type),
        );
      }
      case 'TupleExpression': {
        const elements = expression.elements.map((e) => this.expression(e, context));
        return this.setType(expression, qualified('series', tupleOf(elements)));
      }
      case 'IfExpression': {
        const test = this.expression(expression.test, context);
        const consequent = this.block(expression.consequent, context);
        const alternate = expression.alternate
          ? expression.alternate.kind === 'Block'
            ? this.block(expression.alternate, context)
            : this.expression(expression.alternate, context)
          : qualified('const', NA);
        const joined = joinTypes(consequent, alternate);
        return this.setType(
          expression,
          qualified(joinQualifier(test.qualifier, joined.qualifier), joined.type),
        );
      }
      case 'SwitchExpression': {
        const subject = expression.discriminant
          ? this.expression(expression.discriminant, context)
          : undefined;
        let result: QualifiedType = qualified('const', NA);
        let hasDefault = false;
        for (const arm of expression.cases) {
          if (arm.test) this.expression(arm.test, context);
          else hasDefault = true;
          result = joinTypes(result, this.block(arm.body, context));
        }
        if (!hasDefault) result = joinTypes(result, qualified('const', NA));
        return this.setType(
          expression,
          qualified(joinQualifier(subject?.qualifier ?? 'const', result.qualifier), result.type),
        );
      }
      case 'ForExpression': {
        const from = this.expression(expression.from, context);
        const to = this.expression(expression.to, context);
        if (expression.step) this.expression(expression.step, context);
        const scope = new Scope(context.scope);
        const inner: Context = { ...context, scope };
        const counterType = qualified(
          'series',
          primitiveName(from) === 'float' || primitiveName(to) === 'float' ? FLOAT : INT,
        );
        const counter = this.newVariable(expression.counter.name, expression, counterType, inner);
        this.declared.set(expression.counter.id, counter);
        this.declareVariable(counter, expression.counter, inner);
        return this.setType(expression, this.block(expression.body, inner));
      }
      case 'ForInExpression': {
        const iterable = this.expression(expression.iterable, context);
        const scope = new Scope(context.scope);
        const inner: Context = { ...context, scope };
        const element = this.elementType(iterable);
        const types = expression.destructured ? [qualified('series', INT), element] : [element];
        expression.variables.forEach((variable, i) => {
          const symbol = this.newVariable(variable.name, expression, types[i] ?? UNKNOWN, inner);
          this.declared.set(variable.id, symbol);
          this.declareVariable(symbol, variable, inner);
        });
        return this.setType(expression, this.block(expression.body, inner));
      }
      case 'WhileExpression':
        this.expression(expression.test, context);
        return this.setType(expression, this.block(expression.body, context));
      case 'InvalidExpression':
        return UNKNOWN;
    }
  }

  private elementType(iterable: QualifiedType): QualifiedType {
    const t = iterable.type;
    if (t.kind === 'array') return qualified('series', t.element);
    if (t.kind === 'matrix') return qualified('series', t.element);
    if (t.kind === 'map') return qualified('series', t.value);
    return UNKNOWN;
  }

  private binary(expression: A.BinaryExpression, context: Context): QualifiedType {
    const left = this.expression(expression.left, context);
    const right = this.expression(expression.right, context);
    const qualifier = joinQualifier(left.qualifier, right.qualifier);
    switch (expression.operator) {
      case 'and':
      case 'or':
      case '==':
      case '!=':
      case '<':
      case '>':
      case '<=':
      case '>=':
        return qualified(qualifier, BOOL);
      case '+':
        if (primitiveName(left) === 'string' || primitiveName(right) === 'string')
          return qualified(qualifier, STRING);
        return qualified(qualifier, this.arithmeticType(left, right));
      case '/':
        // v6 gives a float for any int / int; v4/v5 truncate only when both are const ints (see rules).
        return qualified(qualifier, this.arithmeticType(left, right));
      default:
        return qualified(qualifier, this.arithmeticType(left, right));
    }
  }

  private arithmeticType(left: QualifiedType, right: QualifiedType): PineType {
    const l = primitiveName(left);
    const r = primitiveName(right);
    if (
      (l === 'int' || isNaType(left)) &&
      (r === 'int' || isNaType(right)) &&
      !(isNaType(left) && isNaType(right))
    )
      return INT;
    return FLOAT;
  }

  private history(expression: A.HistoryExpression, context: Context): QualifiedType {
    const target = this.expression(expression.target, context);
    this.expression(expression.offset, context);
    const offset = expression.offset;
    const depth = offset.kind === 'NumberLiteral' ? offset.value : Infinity;
    if (expression.target.kind === 'Identifier') {
      const binding = this.bindings.get(expression.target.id);
      if (binding?.kind === 'symbol' && binding.symbol.kind === 'variable') {
        binding.symbol.historyDepth = Math.max(binding.symbol.historyDepth, depth);
      }
    }
    return qualified('series', target.type);
  }

  /** A built-in variable, named constant or namespace called `name`: bound to `node`, with its type. */
  private builtinValue(name: string, node: A.Identifier | A.MemberExpression): QualifiedType | undefined {
    const variable = this.catalogue.lookupVariable(name, this.version);
    if (variable) {
      this.bindings.set(node.id, {
        kind: 'builtin-variable',
        name: variable.entry.name,
        entry: variable.entry,
      });
      return variable.entry.type;
    }
    const constant = this.catalogue.lookupConstant(name, this.version);
    if (constant) {
      this.bindings.set(node.id, {
        kind: 'builtin-constant',
        name: constant.entry.name,
        entry: constant.entry,
      });
      return constant.entry.type;
    }
    if (this.catalogue.isNamespace(name)) {
      this.bindings.set(node.id, { kind: 'namespace', name });
      return qualified('const', NA);
    }
    return undefined;
  }

  private identifier(identifier: A.Identifier, context: Context): QualifiedType {
    const symbol = context.scope.lookup(identifier.name);
    if (symbol) {
      this.bindings.set(identifier.id, { kind: 'symbol', symbol });
      if (symbol.kind === 'variable') return symbol.type;
      return qualified('const', NA);
    }
    const builtin = this.builtinValue(identifier.name, identifier);
    if (builtin) return builtin;
    const fn = this.catalogue.lookupFunction(identifier.name, this.version);
    if (fn) {
      this.bindings.set(identifier.id, { kind: 'builtin-function', name: fn.entry.name, entry: fn.entry });
      return qualified('const', NA);
    }
    this.report(
      analysisCodes.unknownIdentifier,
      identifier.span,
      `'${identifier.name}' is not declared`,
      this.didYouMean(identifier.name, [
        ...context.scope.visibleNames(),
        ...this.catalogue.namespaceMembers('', this.version).map((m) => m.name),
      ]),
    );
    return UNKNOWN;
  }

  /** `ns.name` built-ins, enum members, UDT fields and `chart.point` fields. */
  private member(expression: A.MemberExpression, context: Context): QualifiedType {
    const path = dottedName(expression);
    const head = path?.split('.')[0];
    const headSymbol = head !== undefined ? context.scope.lookup(head) : undefined;
    if (
      path !== undefined &&
      (!headSymbol ||
        headSymbol.kind === 'enum' ||
        headSymbol.kind === 'type' ||
        headSymbol.kind === 'library')
    ) {
      if (headSymbol?.kind === 'enum' && expression.object.kind === 'Identifier') {
        this.bindings.set(expression.object.id, { kind: 'symbol', symbol: headSymbol });
        const member = expression.property.name;
        if (!headSymbol.members.includes(member)) {
          this.report(
            analysisCodes.unknownMember,
            expression.property.span,
            `enum ${headSymbol.name} has no member '${member}'`,
            this.didYouMean(member, headSymbol.members),
          );
        }
        this.bindings.set(expression.id, { kind: 'enum-member', enumSymbol: headSymbol, member });
        return qualified('const', enumType(headSymbol.name));
      }
      if (headSymbol?.kind === 'library') return UNKNOWN;
      const builtin = this.builtinValue(path, expression);
      if (builtin) return builtin;
      if (
        !headSymbol &&
        (this.catalogue.isNamespace(head ?? '') ||
          this.catalogue.lookupVariable(head ?? '', this.version) === undefined)
      ) {
        const namespace = path.slice(0, path.lastIndexOf('.'));
        if (this.catalogue.isNamespace(namespace)) {
          const members = this.catalogue
            .namespaceMembers(namespace, this.version)
            .map((m) => `${namespace}.${m.name}`);
          this.report(
            analysisCodes.unknownIdentifier,
            expression.span,
            `'${path}' is not a Pine built-in`,
            this.didYouMean(path, members),
          );
          return UNKNOWN;
        }
      }
    }
    const object = this.expression(expression.object, context);
    return this.fieldOf(object, expression);
  }

  private fieldOf(object: QualifiedType, expression: A.MemberExpression): QualifiedType {
    const name = expression.property.name;
    const type = object.type;
    if (type.kind === 'udt') {
      const symbol = this.userTypes.find((t) => t.name === type.name);
      if (symbol) {
        this.resolveTypeFields();
        const field = symbol.fields.find((f) => f.name === name);
        if (field) {
          this.bindings.set(expression.id, { kind: 'field', type: symbol, field });
          return qualified('series', field.type.type);
        }
        this.report(
          analysisCodes.unknownMember,
          expression.property.span,
          `type ${symbol.name} has no field '${name}'`,
          this.didYouMean(
            name,
            symbol.fields.map((f) => f.name),
          ),
        );
        return UNKNOWN;
      }
    }
    if (type.kind === 'id' && type.name === 'chart.point') {
      const fields: Partial<Record<string, PineType>> = { index: INT, time: INT, price: FLOAT };
      const fieldType = fields[name];
      if (fieldType) return qualified('series', fieldType);
    }
    if (type.kind === 'primitive' && object === UNKNOWN) return UNKNOWN;
    this.report(
      analysisCodes.unknownMember,
      expression.property.span,
      `a ${this.describe(object)} has no field '${name}'`,
      'fields exist on user-defined types and chart.point; call methods with parentheses',
    );
    return UNKNOWN;
  }

  private call(expression: A.CallExpression, context: Context): QualifiedType {
    const callContext: CallContext = {
      checker: this,
      catalogue: this.catalogue,
      version: this.version,
      scope: context.scope,
      fn: context.fn,
      evaluate: (e) => this.expression(e, context),
      userTypes: this.userTypes,
      functions: this.functions,
      bind: (node, binding) => this.bindings.set(node.id, binding),
    };
    const { resolution, type } = resolveCall(expression, callContext);
    this.calls.set(expression.id, resolution);
    if (resolution.kind === 'builtin') {
      if (resolution.entry.flags.stateful && context.fn) context.fn.stateful = true;
      if (resolution.entry.flags.input)
        this.inputs.push(describeInput(resolution, expression, context.declaring, this.inputs.length));
      if (resolution.entry.flags.declaration) {
        if (this.declaration) {
          this.report(
            analysisCodes.unsupported,
            expression.span,
            'a script has one strategy(), indicator() or library() call',
            'remove the extra declaration',
          );
        } else this.declaration = describeDeclaration(resolution, expression);
      }
    }
    if (resolution.kind === 'user' && resolution.symbol.stateful && context.fn) context.fn.stateful = true;
    return type;
  }

  /**
   * Analyses a script function's body with its parameters typed from a call's arguments (Pine
   * functions are generic over untyped parameters; the first call decides, later calls may widen
   * int to float). Returns the result type.
   */
  analyseFunction(fn: FunctionSymbol, argumentTypes: readonly (QualifiedType | undefined)[]): QualifiedType {
    if (fn.analysed) return fn.returnType ?? UNKNOWN;
    if (this.analysing.has(fn)) {
      this.report(
        analysisCodes.recursion,
        fn.declaration.name.span,
        `'${fn.name}' calls itself`,
        'Pine does not allow recursion; rewrite it with a loop',
      );
      return UNKNOWN;
    }
    this.analysing.add(fn);
    const scope = new Scope(this.globalScope);
    const context: Context = { scope, fn, declaring: undefined };
    fn.declaration.parameters.forEach((parameter, i) => {
      let type: QualifiedType;
      if (parameter.type) {
        // Without a written qualifier a parameter takes its argument's (Pine instantiates the
        // function per call), so `int len` stays simple when the caller passes an input.
        const written = this.writtenType(parameter.type, parameter.qualifier);
        type = parameter.qualifier
          ? written
          : qualified(argumentTypes[i]?.qualifier ?? 'simple', written.type);
      } else if (argumentTypes[i]) type = argumentTypes[i];
      else if (parameter.defaultValue) type = this.expression(parameter.defaultValue, context);
      else type = UNKNOWN;
      if (parameter.defaultValue && parameter.type) this.expression(parameter.defaultValue, context);
      const symbol = this.newVariable(parameter.name.name, parameter, type, context, { isParameter: true });
      this.declared.set(parameter.name.id, symbol);
      this.declareVariable(symbol, parameter.name, context);
      fn.parameters.push(symbol);
    });
    let result: QualifiedType = qualified('const', NA);
    for (const statement of fn.declaration.body.statements) result = this.statement(statement, context);
    for (const statement of fn.declaration.body.statements) {
      if (statement.kind === 'VariableDeclaration' && statement.mode) fn.stateful = true;
    }
    if (fn.parameters.some((p) => p.historyDepth > 0)) fn.stateful = true;
    fn.returnType = result;
    fn.analysed = true;
    this.analysing.delete(fn);
    return result;
  }
}
