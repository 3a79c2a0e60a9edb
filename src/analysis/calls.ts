import { analysisCodes } from '../diagnostics/codes/analysis.js';
import type * as A from '../parser/ast.js';
import type { BuiltinCatalogue, BuiltinOverload, PineVersion, ResolvedFunction } from './builtins/index.js';
import { callResultType } from './builtins/index.js';
import type { Checker } from './checker.js';
import { dottedName } from './literal-value.js';
import type { Binding, CallResolution, FunctionSymbol, TypeSymbol } from './model.js';
import type { Scope } from './scope.js';
import { closestName } from './suggest.js';
import {
  FLOAT,
  NA,
  TypeBindings,
  assignRulesFor,
  isTypeAssignable,
  listOf,
  qualified,
  qualifierRank,
  tryParseType,
  udtType,
  type PineType,
  type QualifiedType,
} from './types/index.js';

const UNKNOWN: QualifiedType = qualified('series', FLOAT);

/** What call resolution needs from the checker. */
export interface CallContext {
  readonly checker: Checker;
  readonly catalogue: BuiltinCatalogue;
  readonly version: PineVersion;
  readonly scope: Scope;
  readonly fn: FunctionSymbol | undefined;
  readonly evaluate: (expression: A.Expression) => QualifiedType;
  readonly userTypes: readonly TypeSymbol[];
  readonly functions: readonly FunctionSymbol[];
  readonly bind: (node: A.Node, binding: Binding) => void;
}

interface TypedArgument {
  readonly expression: A.Expression;
  readonly type: QualifiedType;
  readonly name: A.Identifier | undefined;
}

interface Match {
  readonly overload: BuiltinOverload;
  readonly aligned: (TypedArgument | undefined)[];
  readonly rest: TypedArgument[];
  readonly bindings: TypeBindings;
  readonly problem:
    | {
        readonly message: string;
        readonly span: A.Node['span'];
        readonly code: 'count' | 'name' | 'duplicate';
      }
    | undefined;
  readonly typeError: { readonly message: string; readonly span: A.Node['span'] } | undefined;
  readonly qualifierError: { readonly message: string; readonly span: A.Node['span'] } | undefined;
}

function isPrimitive(type: PineType): boolean {
  return type.kind === 'primitive';
}

function describe(type: QualifiedType): string {
  const t = type.type;
  const name = t.kind === 'primitive' || t.kind === 'id' || t.kind === 'special' ? t.name : t.kind;
  return `${type.qualifier} ${name}`;
}

/** An argument's type; a `[a, b]` literal is a list where a parameter wants one (`options=`). */
function argumentTypes(call: A.CallExpression, context: CallContext): TypedArgument[] {
  return call.arguments.map((argument) => {
    const type = context.evaluate(argument.value);
    const listed =
      argument.value.kind === 'TupleExpression' && type.type.kind === 'tuple'
        ? qualified('const', listOf(type.type.elements[0]?.type ?? NA))
        : type;
    return { expression: argument.value, type: listed, name: argument.name };
  });
}

function matchOverload(
  overload: BuiltinOverload,
  call: A.CallExpression,
  positional: readonly TypedArgument[],
  named: readonly TypedArgument[],
  context: CallContext,
  renames: Readonly<Record<string, string>>,
): Match {
  const params = overload.params.filter((p) => p.versions.includes(context.version));
  const aligned: (TypedArgument | undefined)[] = new Array<TypedArgument | undefined>(params.length).fill(
    undefined,
  );
  const rest: TypedArgument[] = [];
  const bindings = new TypeBindings();
  let problem: Match['problem'];
  const restIndex = params.findIndex((p) => p.rest);
  positional.forEach((argument, i) => {
    if (restIndex >= 0 && i >= restIndex) {
      if (aligned[restIndex] === undefined) aligned[restIndex] = argument;
      else rest.push(argument);
    } else if (i < params.length) aligned[i] = argument;
    else
      problem ??= {
        message: `too many arguments: ${overload.name}() takes at most ${params.length}`,
        span: argument.expression.span,
        code: 'count',
      };
  });
  for (const argument of named) {
    const written = argument.name?.name ?? '';
    const name = renames[written] ?? written;
    const index = params.findIndex((p) => p.name === name);
    if (index < 0) {
      problem ??= {
        message: `${overload.name}() has no parameter '${written}'`,
        span: argument.name?.span ?? argument.expression.span,
        code: 'name',
      };
    } else if (aligned[index] !== undefined) {
      problem ??= {
        message: `'${written}' is given twice`,
        span: argument.name?.span ?? argument.expression.span,
        code: 'duplicate',
      };
    } else aligned[index] = argument;
  }
  params.forEach((param, i) => {
    if (param.required && aligned[i] === undefined && !param.rest) {
      problem ??= {
        message: `${overload.name}() needs its '${param.name}' argument`,
        span: call.span,
        code: 'count',
      };
    }
  });
  overload.explicitTypeParams.forEach((name, i) => {
    const written = call.typeArguments.at(i);
    if (written) {
      const parsed = tryParseType(written.isArray ? `array<${written.name}>` : typeText(written));
      bindings.bind(name, parsed ?? udtType(written.name));
    }
  });
  let typeError: Match['typeError'];
  let qualifierError: Match['qualifierError'];
  const rules = assignRulesFor(context.version);
  const check = (param: (typeof params)[number], argument: TypedArgument): void => {
    const want = param.type.type;
    const have = argument.type.type;
    if (have.kind === 'na') return;
    bindings.unify(want, have);
    const expected = bindings.substitute(want);
    if (isPrimitive(have) && isPrimitive(expected) && !isTypeAssignable(have, expected, rules)) {
      typeError ??= {
        message: `'${param.name}' of ${overload.name}() wants ${describe(qualified(param.type.qualifier, expected))}, not ${describe(argument.type)}`,
        span: argument.expression.span,
      };
    }
    if (
      argument.type !== UNKNOWN &&
      qualifierRank(argument.type.qualifier) > qualifierRank(param.type.qualifier) &&
      argument.type.qualifier === 'series'
    ) {
      qualifierError ??= {
        message: `'${param.name}' of ${overload.name}() must be ${param.type.qualifier}, but this value changes from bar to bar (series)`,
        span: argument.expression.span,
      };
    }
  };
  params.forEach((param, i) => {
    const argument = aligned[i];
    if (argument) check(param, argument);
  });
  if (restIndex >= 0) for (const argument of rest) check(params[restIndex], argument);
  return { overload, aligned, rest, bindings, problem, typeError, qualifierError };
}

function typeText(reference: A.TypeReference): string {
  const args =
    reference.typeArguments.length > 0 ? `<${reference.typeArguments.map(typeText).join(', ')}>` : '';
  return `${reference.name}${args}`;
}

/** Picks the overload: first that fits with no type error, else the first that fits by arity. */
function resolveBuiltin(
  resolved: ResolvedFunction,
  call: A.CallExpression,
  receiver: TypedArgument | undefined,
  context: CallContext,
): { resolution: CallResolution; type: QualifiedType } {
  const args = argumentTypes(call, context);
  const positional = [...(receiver ? [receiver] : []), ...args.filter((a) => a.name === undefined)];
  const named = args.filter((a) => a.name !== undefined);
  const renames = resolved.alias?.paramRenames ?? {};
  if (resolved.alias?.target !== undefined && resolved.alias.advice) {
    context.checker.adviseOnce(resolved.alias.v4Name, call.callee.span, resolved.alias.advice);
  }
  const matches = resolved.overloads.map((o) => matchOverload(o, call, positional, named, context, renames));
  const chosen =
    matches.find((m) => !m.problem && !m.typeError && !m.qualifierError) ??
    matches.find((m) => !m.problem && !m.typeError) ??
    matches.find((m) => !m.problem) ??
    matches[0];
  if (chosen.problem) {
    const definition =
      chosen.problem.code === 'name'
        ? analysisCodes.unknownArgument
        : chosen.problem.code === 'duplicate'
          ? analysisCodes.duplicateArgument
          : analysisCodes.argumentCount;
    const names = chosen.overload.params.map((p) => p.name);
    const hint =
      chosen.problem.code === 'name'
        ? (() => {
            const written = /'([^']+)'/.exec(chosen.problem.message)?.[1] ?? '';
            const near = closestName(written, names);
            return near ? `did you mean '${near}'?` : `parameters: ${names.join(', ')}`;
          })()
        : `signature: ${chosen.overload.signature}`;
    context.checker.report(definition, chosen.problem.span, chosen.problem.message, hint);
  } else if (chosen.typeError) {
    context.checker.report(
      analysisCodes.argumentType,
      chosen.typeError.span,
      chosen.typeError.message,
      `signature: ${chosen.overload.signature}`,
    );
  } else if (chosen.qualifierError) {
    context.checker.report(
      analysisCodes.qualifier,
      chosen.qualifierError.span,
      chosen.qualifierError.message,
      'use a literal, an input, or a value computed only from them',
    );
  }
  const qualifiers = [...chosen.aligned, ...chosen.rest]
    .filter((a) => a !== undefined)
    .map((a) => a.type.qualifier);
  const type = callResultType(chosen.overload, chosen.bindings, qualifiers);
  const resolution: CallResolution = {
    kind: 'builtin',
    name: resolved.entry.name,
    entry: resolved.entry,
    overload: chosen.overload,
    args: chosen.aligned.map((a) => a?.expression),
    restArgs: chosen.rest.map((a) => a.expression),
    receiver: receiver?.expression,
  };
  return { resolution, type: type.type.kind === 'param' ? UNKNOWN : type };
}

function resolveUser(
  fn: FunctionSymbol,
  call: A.CallExpression,
  receiver: TypedArgument | undefined,
  context: CallContext,
): { resolution: CallResolution; type: QualifiedType } {
  const args = argumentTypes(call, context);
  const parameters = fn.declaration.parameters;
  const aligned: (TypedArgument | undefined)[] = new Array<TypedArgument | undefined>(parameters.length).fill(
    undefined,
  );
  const positional = [...(receiver ? [receiver] : []), ...args.filter((a) => a.name === undefined)];
  positional.forEach((argument, i) => {
    if (i < parameters.length) aligned[i] = argument;
    else
      context.checker.report(
        analysisCodes.argumentCount,
        argument.expression.span,
        `too many arguments: ${fn.name}() takes ${parameters.length}`,
        `declared at line ${fn.declaration.span.line}`,
      );
  });
  for (const argument of args.filter((a) => a.name !== undefined)) {
    const index = parameters.findIndex((p) => p.name.name === argument.name?.name);
    if (index < 0) {
      context.checker.report(
        analysisCodes.unknownArgument,
        argument.name?.span ?? argument.expression.span,
        `${fn.name}() has no parameter '${argument.name?.name ?? ''}'`,
        `parameters: ${parameters.map((p) => p.name.name).join(', ')}`,
      );
    } else aligned[index] = argument;
  }
  parameters.forEach((parameter, i) => {
    if (aligned[i] === undefined && parameter.defaultValue === undefined) {
      context.checker.report(
        analysisCodes.argumentCount,
        call.span,
        `${fn.name}() needs its '${parameter.name.name}' argument`,
        `declared at line ${fn.declaration.span.line}`,
      );
    }
  });
  const type = context.checker.analyseFunction(
    fn,
    aligned.map((a) => a?.type),
  );
  const resolution: CallResolution = {
    kind: 'user',
    symbol: fn,
    args: aligned.map((a) => a?.expression),
    receiver: receiver?.expression,
  };
  return { resolution, type: qualified('series', type.type) };
}

function resolveTypeCall(
  type: TypeSymbol,
  method: string,
  call: A.CallExpression,
  context: CallContext,
): { resolution: CallResolution; type: QualifiedType } | undefined {
  const args = argumentTypes(call, context);
  const result = qualified('series', udtType(type.name));
  if (method === 'copy') {
    const source = args.at(0)?.expression;
    if (!source) {
      context.checker.report(
        analysisCodes.argumentCount,
        call.span,
        `${type.name}.copy() needs the object to copy`,
        `write ${type.name}.copy(obj)`,
      );
      return { resolution: { kind: 'unresolved' }, type: result };
    }
    return { resolution: { kind: 'type-copy', type, source }, type: result };
  }
  if (method !== 'new') return undefined;
  const fields = type.declaration.fields;
  const aligned: (A.Expression | undefined)[] = new Array<A.Expression | undefined>(fields.length).fill(
    undefined,
  );
  args.forEach((argument, i) => {
    if (argument.name) {
      const index = fields.findIndex((f) => f.name.name === argument.name?.name);
      if (index < 0)
        context.checker.report(
          analysisCodes.unknownArgument,
          argument.name.span,
          `type ${type.name} has no field '${argument.name.name}'`,
          `fields: ${fields.map((f) => f.name.name).join(', ')}`,
        );
      else aligned[index] = argument.expression;
    } else if (i < fields.length) aligned[i] = argument.expression;
    else
      context.checker.report(
        analysisCodes.argumentCount,
        argument.expression.span,
        `too many arguments: ${type.name} has ${fields.length} fields`,
        `fields: ${fields.map((f) => f.name.name).join(', ')}`,
      );
  });
  return { resolution: { kind: 'type-new', type, args: aligned }, type: result };
}

/** Resolves a call: script function, method, UDT constructor, or built-in overload. */
export function resolveCall(
  call: A.CallExpression,
  context: CallContext,
): { resolution: CallResolution; type: QualifiedType } {
  const callee = call.callee;
  const unresolved = (): { resolution: CallResolution; type: QualifiedType } => {
    for (const argument of call.arguments) context.evaluate(argument.value);
    return { resolution: { kind: 'unresolved' }, type: UNKNOWN };
  };
  if (callee.kind === 'Identifier') {
    const symbol = context.scope.lookup(callee.name);
    if (symbol?.kind === 'function') {
      context.bind(callee, { kind: 'symbol', symbol });
      return resolveUser(symbol, call, undefined, context);
    }
    const builtin = context.catalogue.lookupFunction(callee.name, context.version);
    if (builtin) {
      context.bind(callee, { kind: 'builtin-function', name: builtin.entry.name, entry: builtin.entry });
      return resolveBuiltin(builtin, call, undefined, context);
    }
    const candidates = [
      ...context.scope.visibleNames(),
      ...context.catalogue
        .namespaceMembers('', context.version)
        .filter((m) => m.kind === 'function')
        .map((m) => m.name),
    ];
    const near = closestName(callee.name, candidates);
    context.checker.report(
      analysisCodes.unknownFunction,
      callee.span,
      `'${callee.name}()' is not a function Pine or this script declares`,
      near
        ? `did you mean '${near}'?`
        : 'declare it above this line, or check the built-in name in the Pine reference',
    );
    return unresolved();
  }
  if (callee.kind === 'MemberExpression') {
    const path = dottedName(callee);
    const head = path?.split('.')[0];
    const headSymbol = head !== undefined ? context.scope.lookup(head) : undefined;
    if (headSymbol?.kind === 'type' && callee.object.kind === 'Identifier') {
      context.bind(callee.object, { kind: 'symbol', symbol: headSymbol });
      const typed = resolveTypeCall(headSymbol, callee.property.name, call, context);
      if (typed) return typed;
    }
    if (headSymbol?.kind === 'library') return unresolved();
    if (path !== undefined && (!headSymbol || headSymbol.kind !== 'variable')) {
      const builtin = context.catalogue.lookupFunction(path, context.version);
      if (builtin) {
        context.bind(callee, { kind: 'builtin-function', name: builtin.entry.name, entry: builtin.entry });
        return resolveBuiltin(builtin, call, undefined, context);
      }
      const namespace = path.slice(0, path.lastIndexOf('.'));
      if (!headSymbol && context.catalogue.isNamespace(namespace)) {
        const members = context.catalogue
          .namespaceMembers(namespace, context.version)
          .map((m) => `${namespace}.${m.name}`);
        const near = closestName(path, members);
        context.checker.report(
          analysisCodes.unknownFunction,
          callee.span,
          `'${path}()' is not a Pine built-in`,
          near ? `did you mean '${near}'?` : `see the ${namespace}.* functions in the Pine reference`,
        );
        return unresolved();
      }
    }
    // A method call on a value: script methods first, then built-in methods of the receiver's type.
    const receiverType = context.evaluate(callee.object);
    const receiver: TypedArgument = { expression: callee.object, type: receiverType, name: undefined };
    const methodName = callee.property.name;
    const userMethod = context.functions.find(
      (f) => f.isMethod && f.name === methodName && methodAccepts(f, receiverType, context),
    );
    if (userMethod) {
      context.bind(callee, { kind: 'symbol', symbol: userMethod });
      return resolveUser(userMethod, call, receiver, context);
    }
    const builtinMethod = context.catalogue.lookupMethod(receiverType.type, methodName, context.version);
    if (builtinMethod) {
      context.bind(callee, {
        kind: 'builtin-function',
        name: builtinMethod.function.entry.name,
        entry: builtinMethod.function.entry,
      });
      return resolveBuiltin(builtinMethod.function, call, receiver, context);
    }
    if (receiverType !== UNKNOWN) {
      const methods = context.catalogue
        .methodsFor(receiverType.type, context.version)
        .map((m) => m.methodName);
      const near = closestName(methodName, [
        ...methods,
        ...context.functions.filter((f) => f.isMethod).map((f) => f.name),
      ]);
      context.checker.report(
        analysisCodes.unknownMember,
        callee.property.span,
        `a ${describe(receiverType)} has no method '${methodName}'`,
        near ? `did you mean '${near}'?` : 'check the method name and the type of the value',
      );
    }
    return unresolved();
  }
  context.checker.report(
    analysisCodes.unsupported,
    callee.span,
    'only names and methods can be called',
    'call a function by its name',
  );
  return unresolved();
}

function methodAccepts(fn: FunctionSymbol, receiver: QualifiedType, context: CallContext): boolean {
  const first = fn.declaration.parameters[0] as A.Parameter | undefined;
  if (!first?.type) return true;
  const written = first.type;
  const text = written.isArray ? `array<${typeText(written)}>` : typeText(written);
  const type = tryParseType(text) ?? udtType(written.name);
  return (
    isTypeAssignable(receiver.type, type, assignRulesFor(context.version)) ||
    (type.kind === 'udt' && receiver.type.kind === 'udt' && type.name === receiver.type.name)
  );
}
