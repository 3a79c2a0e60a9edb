import {
  Scope,
  StructureKind,
  type ClassDeclarationStructure,
  type JSDocStructure,
  type JSDocTagStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type PropertyDeclarationStructure,
  type WriterFunction,
} from 'ts-morph';
import type * as A from '../parser/ast.js';
import type { Comment } from '../parser/trivia.js';
import { commentText } from './comment.js';
import type { StateField } from './emitter.js';

/**
 * ts-morph structures for the declarations of a generated module (classes, their fields, methods
 * and JSDoc). Statement bodies stay the emitter's text; everything a declaration is made of is data
 * here, so module.ts prints the module from structures instead of concatenating it. Every piece of
 * script text that lands in a comment goes through `commentText` (one line, no `*\/`).
 */

export type Method = OptionalKind<MethodDeclarationStructure>;
export type Parameter = OptionalKind<ParameterDeclarationStructure>;
export type Property = OptionalKind<PropertyDeclarationStructure>;
export type Docs = OptionalKind<JSDocStructure>[];

/**
 * The emitter's statement text as one body, line after line. (Given as an array, ts-morph would
 * add a blank line after every line ending in `}`.)
 */
export function statementLines(lines: readonly string[]): WriterFunction {
  return (writer) => {
    lines.forEach((line, i) => {
      if (i > 0) writer.newLine();
      writer.write(line);
    });
  };
}

/** Leading trivia that separates a top-level declaration from the one before by a blank line. */
export const blankLineBefore: WriterFunction = (writer) => {
  writer.blankLineIfLastNot();
};

/** One JSDoc block from description lines and tags (empty when there is nothing to say). */
export function jsDoc(
  description: readonly string[],
  tags: readonly OptionalKind<JSDocTagStructure>[] = [],
): Docs {
  if (description.length === 0 && tags.length === 0) return [];
  const safeTags = tags.map((t) => ({
    tagName: t.tagName,
    ...(typeof t.text === 'string' && t.text !== '' ? { text: commentText(t.text) } : {}),
  }));
  return [{ description: description.map((line) => commentText(line)).join('\n'), tags: safeTags }];
}

/**
 * A declaration's `//@` annotations as JSDoc: `descriptionKey` (`function`, `type`, …) gives the
 * text (then `extra` lines), `field` is left to the fields, everything else becomes its tag.
 */
export function annotationDocs(
  annotations: readonly Comment[],
  descriptionKey: string,
  extra: readonly string[] = [],
): Docs {
  const description: string[] = [];
  const tags: OptionalKind<JSDocTagStructure>[] = [];
  for (const a of annotations) {
    const name = a.annotation ?? '';
    const value = a.annotationValue ?? '';
    // The script's `//@description` documents the script class, wherever it is written.
    if (name === descriptionKey) description.push(value);
    else if (name !== 'field' && name !== 'description') tags.push({ tagName: name, text: value });
  }
  return jsDoc([...description, ...extra], tags);
}

/** The `//@field <name> <text>` annotations of a type, by field name. */
function fieldNotes(annotations: readonly Comment[]): Map<string, string> {
  const notes = new Map<string, string>();
  for (const a of annotations) {
    if (a.annotation !== 'field') continue;
    const match = /^(\w+)\s*(.*)$/s.exec(a.annotationValue ?? '');
    if (match) notes.set(match[1], match[2]);
  }
  return notes;
}

/** Which state fields a class declares `readonly` (the emitter's fields keep their own conventions). */
export type ReadonlyRule = (field: StateField) => boolean;

/** Property declarations for state fields (initialised by `fieldInits` in the constructor). */
export function fieldProperties(
  fields: readonly StateField[],
  isReadonly: ReadonlyRule,
  scope?: Scope,
): Property[] {
  return fields.map((f) => ({
    name: f.name,
    type: f.type,
    ...(isReadonly(f) ? { isReadonly: true } : {}),
    ...(scope ? { scope } : {}),
  }));
}

/** Constructor statements giving each state field its initial value. */
export function fieldInits(fields: readonly StateField[]): string[] {
  return fields.map((f) => `this.${f.name} = ${f.init};`);
}

/** A private method of the script class: `// L<n>` opens its body, so errors name the Pine line. */
export function scriptMethod(options: {
  readonly name: string;
  readonly line: number;
  readonly parameters: readonly Parameter[];
  readonly returnType: string;
  readonly statements: readonly string[];
  readonly docs?: Docs;
  /** `//` lines written above the method (the Pine comments above the function). */
  readonly leadingComments?: readonly string[];
}): Method {
  return {
    ...(options.leadingComments && options.leadingComments.length > 0
      ? { leadingTrivia: [...options.leadingComments] }
      : {}),
    name: options.name,
    scope: Scope.Private,
    parameters: [...options.parameters],
    returnType: options.returnType,
    statements: statementLines([`// L${options.line}`, ...options.statements]),
    ...(options.docs && options.docs.length > 0 ? { docs: options.docs } : {}),
  };
}

/**
 * The state class of a script function: one instance per call site holds its indicators and
 * history. Objects are `readonly`; numbers, bools and strings are reassigned by the body.
 */
export function functionStateClass(
  functionName: string,
  className: string,
  fields: readonly StateField[],
): ClassDeclarationStructure {
  return stateClass(
    className,
    `Per-call-site state of ${functionName}(): each call site keeps its own indicators and history, as in Pine.`,
    fieldProperties(fields, (f) => !/^(boolean|number|string)$/.test(f.type)),
    [contextParameter(fieldInits(fields))],
    fieldInits(fields),
  );
}

/** A module-private class holding state: its fields, and a constructor that initialises them. */
export function stateClass(
  name: string,
  doc: string,
  properties: Property[],
  parameters: Parameter[],
  constructorStatements: readonly string[],
): ClassDeclarationStructure {
  return {
    kind: StructureKind.Class,
    name,
    docs: jsDoc([doc]),
    properties,
    ctors: [{ parameters, statements: statementLines(constructorStatements) }],
  };
}

/** A field of a user-defined type with its default value (TS expression text). */
export interface UdtField {
  readonly name: string;
  readonly pineName: string;
  readonly type: string;
  readonly value: string;
}

/**
 * A Pine `type` as an exported class: fields with their defaults as constructor parameters (so
 * `T.new(a, b)` is `new T(a, b)`), and `copy()` for `T.copy(x)`. `//@type` and `//@field`
 * annotations become its JSDoc.
 */
export function udtClass(
  declaration: A.TypeDeclaration,
  name: string,
  fields: readonly UdtField[],
  comments: readonly string[] = [],
): ClassDeclarationStructure {
  const notes = fieldNotes(declaration.annotations);
  return {
    kind: StructureKind.Class,
    ...(comments.length > 0 ? { leadingTrivia: [...comments] } : {}),
    name,
    isExported: true,
    docs: annotationDocs(declaration.annotations, 'type', [
      `Pine type ${name} (line ${declaration.span.line}).`,
    ]),
    properties: fields.map((f) => {
      const note = notes.get(f.pineName);
      return { name: f.name, type: f.type, ...(note ? { docs: jsDoc([note]) } : {}) };
    }),
    ctors: [
      {
        parameters: fields.map((f) => ({ name: f.name, type: f.type, initializer: f.value })),
        statements: statementLines(fields.map((f) => `this.${f.name} = ${f.name};`)),
      },
    ],
    methods: [
      {
        name: 'copy',
        returnType: name,
        statements: [`return new ${name}(${fields.map((f) => `this.${f.name}`).join(', ')});`],
      },
    ],
  };
}

/** The own-line comments written directly above `line` (no blank line between), in source order. */
function commentBlockAbove(byLine: ReadonlyMap<number, Comment>, line: number): Comment[] {
  const block: Comment[] = [];
  for (let l = line - 1; byLine.has(l); l--) block.push(byLine.get(l) as Comment);
  return block.reverse();
}

function ownLineComments(program: A.Program): Map<number, Comment> {
  const byLine = new Map<number, Comment>();
  for (const c of program.comments) if (c.ownLine && c.annotation !== 'version') byLine.set(c.span.line, c);
  return byLine;
}

/**
 * The plain comments directly above a function or type declaration, as `//` lines to lead its
 * method or class (its `//@` annotations become JSDoc instead).
 */
export function leadingComments(program: A.Program, declaration: A.Node): string[] {
  return commentBlockAbove(ownLineComments(program), declaration.span.line)
    .filter((c) => c.annotation === undefined)
    .map((c) => `// ${commentText(c.text.replace(/^\/\/\s?/, ''))}`);
}

/**
 * The comments the declarations carry (the script's `//@description`, and the comment block above
 * each function and type), which the step therefore does not repeat.
 */
export function documentedComments(program: A.Program): Set<Comment> {
  const out = new Set<Comment>(program.comments.filter((c) => c.annotation === 'description'));
  const byLine = ownLineComments(program);
  for (const statement of program.body) {
    if (statement.kind === 'FunctionDeclaration' || statement.kind === 'TypeDeclaration')
      for (const c of commentBlockAbove(byLine, statement.span.line)) out.add(c);
  }
  return out;
}

/**
 * The bar-context parameter of a generated method or constructor: `ctx`, or `_ctx` when the body
 * never reads it (so the module passes `noUnusedParameters`, as a hand-written one would).
 */
export function contextParameter(body: readonly string[]): { name: string; type: string } {
  return { name: body.some((line) => /\bctx\b/.test(line)) ? 'ctx' : '_ctx', type: 'rt.PineContext' };
}
