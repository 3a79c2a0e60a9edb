import {
  EarlyExitException,
  EmbeddedActionsParser,
  EOF,
  NoViableAltException,
  tokenMatcher,
  type IRecognitionException,
  type IToken,
  type ParserMethod,
  type TokenType,
} from 'chevrotain';
import type * as A from '../ast.js';
import type { NodeFactory } from '../node-factory.js';
import { binaryPrecedence } from '../precedence.js';
import * as T from '../tokens.js';
import { decodeString, parseColor } from '../literals.js';

/** Chevrotain methods replaced on the instance (not part of its public typings). */
interface ChevrotainRecoveryInternals {
  getFollowsForInRuleRecovery: () => TokenType[];
  attemptInRepetitionRecovery: () => void;
  raiseNoAltException: () => never;
  raiseEarlyExitException: () => never;
  SAVE_ERROR: (error: Error) => Error;
}

/**
 * Pine's grammar as a Chevrotain embedded-actions parser: rules build AST nodes directly, so there
 * is no CST to allocate and walk. Chevrotain records the grammar by running each rule once with
 * dummy tokens, so every action that touches a result is wrapped in `ACTION`, and decisions that
 * need more than fixed lookahead (declaration vs expression, generics vs `<`) are GATEs over the
 * token vector. This file is the parse-tree boundary: Chevrotain's untyped internals stop here.
 *
 * Reuse one instance for many files (`parseTokens` resets it); it is not re-entrant.
 */
export class PineGrammar extends EmbeddedActionsParser {
  private factory!: NodeFactory;

  constructor() {
    super(T.allTokenTypes, { recoveryEnabled: true, maxLookahead: 4 });
    // Chevrotain finds the tokens for single-token-insertion recovery by walking the grammar at
    // parse time; on Pine's recursive grammar that walk can exhaust the stack (fuzzing found
    // `if\nvar`). Returning no follows turns off insertion only: single-token deletion and
    // re-sync recovery (whose follow sets are precomputed) still run.
    // For the same reason Chevrotain's error-message builders, which enumerate every lookahead
    // path of the failing rule, are replaced: syntax-errors.ts writes the messages itself.
    const internals = this as unknown as ChevrotainRecoveryInternals;
    internals.getFollowsForInRuleRecovery = () => [];
    // In-repetition recovery re-enters the repeated rule after skipping tokens, recursively;
    // with no insertion follows it can recurse without consuming input. Rule-level re-sync
    // (with the placeholders below) is enough, and repetitions stop when they stop consuming.
    internals.attemptInRepetitionRecovery = () => undefined;
    internals.raiseNoAltException = () => {
      throw internals.SAVE_ERROR(new NoViableAltException('no viable alternative', this.LA(1), this.LA(0)));
    };
    internals.raiseEarlyExitException = () => {
      throw internals.SAVE_ERROR(new EarlyExitException('expected at least one', this.LA(1), this.LA(0)));
    };
    this.performSelfAnalysis();
  }

  parseTokens(
    tokens: IToken[],
    factory: NodeFactory,
  ): { body: A.Statement[]; errors: IRecognitionException[] } {
    this.factory = factory;
    this.invalidTargets.length = 0;
    this.strayIndents.length = 0;
    this.input = tokens;
    const body = this.program();
    return { body, errors: this.errors };
  }

  // ------------------------------------------------------------------ helpers

  /** Declares a rule whose result, when error recovery abandons it, is a well-formed placeholder. */
  private rule<R>(name: string, implementation: () => R): ParserMethod<[], R> {
    return this.RULE(name, implementation, {
      recoveryValueFunc: (e: IRecognitionException | undefined) => this.placeholder(name, e) as R,
    });
  }

  /**
   * What an abandoned rule yields, so partial trees never hold `undefined`: empty lists, the
   * `InvalidExpression` marker, or a statement wrapping it.
   */
  private placeholder(name: string, e: IRecognitionException | undefined): unknown {
    const invalid = this.invalid(e);
    const span = invalid.span;
    const missing = (): A.Identifier => this.factory.makeAt('Identifier', span, { name: '<missing>' });
    const emptyBlock = (): A.Block => this.factory.makeAt('Block', span, { statements: [] });
    switch (name) {
      case 'program':
      case 'statementLine':
      case 'statementList':
      case 'strayIndentedBlock':
      case 'argumentList':
      case 'typeArgumentList':
        return [];
      case 'qualifier':
        return 'series';
      case 'declarationMode':
        return 'var';
      case 'binaryOperator':
        return '+';
      case 'identifier':
        return missing();
      case 'typeReference':
        return this.factory.makeAt('TypeReference', span, {
          name: '<missing>',
          typeArguments: [],
          isArray: false,
        });
      case 'block':
        return emptyBlock();
      case 'body':
        return { body: emptyBlock(), inline: true };
      case 'argument':
        return this.factory.makeAt('Argument', span, { name: undefined, value: invalid });
      case 'parameter':
        return this.factory.makeAt('Parameter', span, {
          qualifier: undefined,
          type: undefined,
          name: missing(),
          defaultValue: undefined,
        });
      case 'fieldDeclaration':
        return this.factory.makeAt('FieldDeclaration', span, {
          mode: undefined,
          type: this.factory.makeAt('TypeReference', span, {
            name: '<missing>',
            typeArguments: [],
            isArray: false,
          }),
          name: missing(),
          defaultValue: undefined,
        });
      case 'switchCase':
        return this.factory.makeAt('SwitchCase', span, { test: undefined, body: emptyBlock(), inline: true });
      case 'stringLiteral':
        return this.factory.makeAt('StringLiteral', span, { value: '', raw: '""' });
      case 'statement':
      case 'importDeclaration':
      case 'functionDeclaration':
      case 'typeDeclaration':
      case 'enumDeclaration':
      case 'tupleDeclaration':
      case 'variableDeclaration':
      case 'assignmentOrExpression':
        return this.factory.makeAt('ExpressionStatement', span, { expression: invalid });
      default:
        return invalid;
    }
  }

  private make<K extends A.NodeKind>(
    kind: K,
    start: IToken | A.Node,
    fields: Omit<A.NodeOfKind<K>, 'kind' | 'id' | 'span'>,
  ): A.NodeOfKind<K> {
    return this.factory.make(kind, start, this.lastRealToken(), fields);
  }

  /** The last consumed token that has text (layout tokens have none). */
  private lastRealToken(): IToken {
    for (let k = 0; ; k--) {
      const token = this.LA(k);
      if (token.image !== '' || token.tokenType === EOF) return token;
    }
  }

  private invalid(e: IRecognitionException | undefined): A.InvalidExpression {
    const token = e?.token ?? this.LA(1);
    return this.factory.make('InvalidExpression', token, token, {});
  }

  private is(k: number, type: TokenType): boolean {
    return tokenMatcher(this.LA(k), type);
  }

  /** Scans a written type starting at lookahead `k`; returns the index after it, or -1. */
  private scanType(k: number): number {
    if (!this.is(k, T.Identifier)) return -1;
    k++;
    while (this.is(k, T.Dot) && this.is(k + 1, T.Identifier)) k += 2;
    if (this.is(k, T.Less)) {
      k = this.scanTypeArguments(k);
      if (k < 0) return -1;
    }
    if (this.is(k, T.LBracket) && this.is(k + 1, T.RBracket)) k += 2;
    return k;
  }

  /** Scans `<type, type>` starting at the `<`; returns the index after `>`, or -1. */
  private scanTypeArguments(k: number): number {
    k++;
    for (;;) {
      k = this.scanType(k);
      if (k < 0) return -1;
      if (this.is(k, T.Comma)) k++;
      else break;
    }
    return this.is(k, T.Greater) ? k + 1 : -1;
  }

  private isQualifierAt(k: number): boolean {
    return (
      (this.is(k, T.SeriesKw) || this.is(k, T.SimpleKw) || this.is(k, T.ConstKw)) &&
      this.is(k + 1, T.Identifier)
    );
  }

  /** `[var|varip] [qualifier] [type] name =` */
  private isDeclaration(): boolean {
    let k = 1;
    const hasMode = this.is(k, T.Var) || this.is(k, T.Varip);
    if (hasMode) k++;
    if (this.isQualifierAt(k)) k++;
    if (this.is(k, T.Identifier) && this.is(k + 1, T.Equals)) return true;
    const afterType = this.scanType(k);
    return afterType > 0 && this.is(afterType, T.Identifier) && this.is(afterType + 1, T.Equals);
  }

  /** The type in a declaration or parameter is present when a name follows it. */
  private hasTypeBeforeName(): boolean {
    const afterType = this.scanType(1);
    return afterType > 0 && this.is(afterType, T.Identifier);
  }

  /** `[export] [method] name(…) =>` */
  private isFunctionDeclaration(): boolean {
    let k = 1;
    if (this.is(k, T.ExportKw) && this.is(k + 1, T.Identifier)) k++;
    if (this.is(k, T.MethodKw) && this.is(k + 1, T.Identifier)) k++;
    if (!this.is(k, T.Identifier) || !this.is(k + 1, T.LParen)) return false;
    let depth = 0;
    for (k = k + 1; ; k++) {
      const token = this.LA(k);
      if (token.tokenType === EOF || tokenMatcher(token, T.Newline)) return false;
      if (tokenMatcher(token, T.LParen) || tokenMatcher(token, T.LBracket)) depth++;
      else if (tokenMatcher(token, T.RParen) || tokenMatcher(token, T.RBracket)) {
        depth--;
        if (depth === 0) return this.is(k + 1, T.Arrow);
      }
    }
  }

  private isBlockDeclaration(keyword: TokenType): boolean {
    const k = this.is(1, T.ExportKw) ? 2 : 1;
    return this.is(k, keyword) && this.is(k + 1, T.Identifier) && this.is(k + 2, T.Newline);
  }

  /** `[a, b] =` or `[a, b] :=` at the start of a statement. */
  private isTupleDeclaration(): boolean {
    if (!this.is(1, T.LBracket)) return false;
    let k = 2;
    for (;;) {
      if (!this.is(k, T.Identifier)) return false;
      k++;
      if (this.is(k, T.Comma)) k++;
      else break;
    }
    return this.is(k, T.RBracket) && (this.is(k + 1, T.Equals) || this.is(k + 1, T.ColonEquals));
  }

  // ------------------------------------------------------------------ statements

  private program = this.rule('program', (): A.Statement[] => {
    const body: A.Statement[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Newline) },
        {
          ALT: () => {
            const stray = this.SUBRULE(this.strayIndentedBlock);
            this.ACTION(() => body.push(...stray));
          },
        },
        {
          ALT: () => {
            const line = this.SUBRULE(this.statementLine);
            this.ACTION(() => body.push(...line));
          },
        },
      ]);
    });
    return body;
  });

  /**
   * Lines indented as a block where nothing opens one: reported, and parsed as if they were not
   * indented, so the rest of the script is still checked.
   */
  private strayIndentedBlock = this.rule('strayIndentedBlock', (): A.Statement[] => {
    const indent = this.CONSUME(T.Indent);
    const statements: A.Statement[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Newline) },
        {
          ALT: () => {
            const nested = this.SUBRULE(this.strayIndentedBlock);
            this.ACTION(() => statements.push(...nested));
          },
        },
        {
          ALT: () => {
            const line = this.SUBRULE(this.statementLine);
            this.ACTION(() => statements.push(...line));
          },
        },
      ]);
    });
    this.CONSUME(T.Dedent);
    this.ACTION(() => this.strayIndents.push(indent));
    return statements;
  });

  /** Indent tokens that opened no block; the parse driver reports them. */
  readonly strayIndents: IToken[] = [];

  /** One line's statements: `a := 1, b := 2`. Every statement line ends with a Newline. */
  private statementLine = this.rule('statementLine', (): A.Statement[] => {
    const statements = this.SUBRULE(this.statementList);
    this.CONSUME(T.Newline);
    return statements;
  });

  private statementList = this.rule('statementList', (): A.Statement[] => {
    const statements: A.Statement[] = [];
    const first = this.SUBRULE(this.statement);
    this.ACTION(() => statements.push(first));
    this.MANY(() => {
      this.CONSUME(T.Comma);
      const next = this.SUBRULE2(this.statement);
      this.ACTION(() => statements.push(next));
    });
    return statements;
  });

  private statement = this.rule('statement', (): A.Statement =>
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.is(1, T.ImportKw) && this.is(3, T.Slash),
          ALT: () => this.SUBRULE(this.importDeclaration),
        },
        { GATE: () => this.isFunctionDeclaration(), ALT: () => this.SUBRULE(this.functionDeclaration) },
        { GATE: () => this.isBlockDeclaration(T.TypeKw), ALT: () => this.SUBRULE(this.typeDeclaration) },
        { GATE: () => this.isBlockDeclaration(T.EnumKw), ALT: () => this.SUBRULE(this.enumDeclaration) },
        { GATE: () => this.isTupleDeclaration(), ALT: () => this.SUBRULE(this.tupleDeclaration) },
        { GATE: () => this.isDeclaration(), ALT: () => this.SUBRULE(this.variableDeclaration) },
        {
          ALT: () => {
            const token = this.CONSUME(T.Break);
            return this.ACTION(() => this.factory.make('BreakStatement', token, token, {}));
          },
        },
        {
          ALT: () => {
            const token = this.CONSUME(T.Continue);
            return this.ACTION(() => this.factory.make('ContinueStatement', token, token, {}));
          },
        },
        { ALT: () => this.SUBRULE(this.assignmentOrExpression) },
      ],
    }),
  );

  private importDeclaration = this.rule('importDeclaration', (): A.ImportDeclaration => {
    const start = this.CONSUME(T.ImportKw);
    const publisher = this.CONSUME(T.Identifier);
    this.CONSUME(T.Slash);
    const library = this.CONSUME2(T.Identifier);
    this.CONSUME2(T.Slash);
    const version = this.CONSUME(T.IntLiteral);
    let alias: A.Identifier | undefined;
    this.OPTION(() => {
      this.CONSUME3(T.Identifier); // `as`
      alias = this.SUBRULE(this.identifier);
    });
    return this.ACTION(() =>
      this.make('ImportDeclaration', start, {
        publisher: publisher.image,
        library: library.image,
        libraryVersion: Number(version.image),
        alias,
      }),
    );
  });

  private functionDeclaration = this.rule('functionDeclaration', (): A.FunctionDeclaration => {
    const start = this.LA(1);
    let isExport = false;
    let isMethod = false;
    this.OPTION({
      GATE: () => this.is(2, T.Identifier),
      DEF: () => {
        this.CONSUME(T.ExportKw);
        isExport = true;
      },
    });
    this.OPTION2({
      GATE: () => this.is(2, T.Identifier),
      DEF: () => {
        this.CONSUME(T.MethodKw);
        isMethod = true;
      },
    });
    const name = this.SUBRULE(this.identifier);
    this.CONSUME(T.LParen);
    const parameters: A.Parameter[] = [];
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        const parameter = this.SUBRULE(this.parameter);
        this.ACTION(() => parameters.push(parameter));
      },
    });
    this.CONSUME(T.RParen);
    this.CONSUME(T.Arrow);
    const { body, inline } = this.SUBRULE(this.body);
    return this.ACTION(() => {
      const node = this.make('FunctionDeclaration', start, {
        name,
        parameters,
        body,
        inline,
        isMethod,
        isExport,
        annotations: [],
      });
      return { ...node, annotations: this.factory.annotationsAbove(node.span.line) };
    });
  });

  private parameter = this.rule('parameter', (): A.Parameter => {
    const start = this.LA(1);
    let qualifier: A.Qualifier | undefined;
    let type: A.TypeReference | undefined;
    let defaultValue: A.Expression | undefined;
    this.OPTION({
      GATE: () => this.isQualifierAt(1),
      DEF: () => {
        qualifier = this.SUBRULE(this.qualifier);
      },
    });
    this.OPTION2({
      GATE: () => this.hasTypeBeforeName(),
      DEF: () => {
        type = this.SUBRULE(this.typeReference);
      },
    });
    const name = this.SUBRULE(this.identifier);
    this.OPTION3(() => {
      this.CONSUME(T.Equals);
      defaultValue = this.SUBRULE(this.expression);
    });
    return this.ACTION(() => this.make('Parameter', start, { qualifier, type, name, defaultValue }));
  });

  private qualifier = this.rule('qualifier', (): A.Qualifier => {
    const token = this.OR([
      { ALT: () => this.CONSUME(T.SeriesKw) },
      { ALT: () => this.CONSUME(T.SimpleKw) },
      { ALT: () => this.CONSUME(T.ConstKw) },
    ]);
    return this.ACTION(() => token.image as A.Qualifier);
  });

  /** A body after `=>`: an indented block, or statements on the same line. */
  private body = this.rule('body', (): { body: A.Block; inline: boolean } =>
    this.OR<{ body: A.Block; inline: boolean }>([
      { ALT: () => ({ body: this.SUBRULE(this.block), inline: false }) },
      {
        ALT: () => {
          const statements = this.SUBRULE(this.statementList);
          return this.ACTION(() => ({ body: this.blockOf(statements), inline: true }));
        },
      },
    ]),
  );

  private blockOf(statements: A.Statement[]): A.Block {
    const first = statements[0];
    const last = statements[statements.length - 1];
    return this.factory.makeAt('Block', this.factory.span(first.span.start, last.span.end), { statements });
  }

  private block = this.rule('block', (): A.Block => {
    this.CONSUME(T.Newline);
    this.CONSUME(T.Indent);
    const statements: A.Statement[] = [];
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME2(T.Newline) },
        {
          ALT: () => {
            const stray = this.SUBRULE(this.strayIndentedBlock);
            this.ACTION(() => statements.push(...stray));
          },
        },
        {
          ALT: () => {
            const line = this.SUBRULE(this.statementLine);
            this.ACTION(() => statements.push(...line));
          },
        },
      ]);
    });
    this.CONSUME(T.Dedent);
    return this.ACTION(() =>
      statements.length > 0
        ? this.blockOf(statements)
        : this.factory.makeAt('Block', this.factory.span(this.LA(0).startOffset, this.LA(0).startOffset), {
            statements,
          }),
    );
  });

  private typeDeclaration = this.rule('typeDeclaration', (): A.TypeDeclaration => {
    const start = this.LA(1);
    let isExport = false;
    this.OPTION(() => {
      this.CONSUME(T.ExportKw);
      isExport = true;
    });
    this.CONSUME(T.TypeKw);
    const name = this.SUBRULE(this.identifier);
    this.CONSUME(T.Newline);
    this.CONSUME(T.Indent);
    const fields: A.FieldDeclaration[] = [];
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME2(T.Newline) },
        {
          ALT: () => {
            const field = this.SUBRULE(this.fieldDeclaration);
            this.CONSUME3(T.Newline);
            this.ACTION(() => fields.push(field));
          },
        },
      ]);
    });
    this.CONSUME(T.Dedent);
    return this.ACTION(() => {
      const node = this.make('TypeDeclaration', start, { name, fields, isExport, annotations: [] });
      return { ...node, annotations: this.factory.annotationsAbove(node.span.line) };
    });
  });

  private fieldDeclaration = this.rule('fieldDeclaration', (): A.FieldDeclaration => {
    const start = this.LA(1);
    const mode = this.OPTION(() => this.SUBRULE(this.declarationMode));
    const type = this.SUBRULE(this.typeReference);
    const name = this.SUBRULE(this.identifier);
    let defaultValue: A.Expression | undefined;
    this.OPTION2(() => {
      this.CONSUME(T.Equals);
      defaultValue = this.SUBRULE(this.expression);
    });
    return this.ACTION(() => this.make('FieldDeclaration', start, { mode, type, name, defaultValue }));
  });

  private declarationMode = this.rule('declarationMode', (): A.DeclarationMode => {
    const token = this.OR([{ ALT: () => this.CONSUME(T.Var) }, { ALT: () => this.CONSUME(T.Varip) }]);
    return this.ACTION(() => token.image as A.DeclarationMode);
  });

  private enumDeclaration = this.rule('enumDeclaration', (): A.EnumDeclaration => {
    const start = this.LA(1);
    let isExport = false;
    this.OPTION(() => {
      this.CONSUME(T.ExportKw);
      isExport = true;
    });
    this.CONSUME(T.EnumKw);
    const name = this.SUBRULE(this.identifier);
    this.CONSUME(T.Newline);
    this.CONSUME(T.Indent);
    const members: A.EnumMember[] = [];
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME2(T.Newline) },
        {
          ALT: () => {
            const memberName = this.SUBRULE2(this.identifier);
            let title: A.StringLiteral | undefined;
            this.OPTION2(() => {
              this.CONSUME(T.Equals);
              title = this.SUBRULE(this.stringLiteral);
            });
            this.CONSUME3(T.Newline);
            this.ACTION(() =>
              members.push(
                this.factory.make('EnumMember', memberName, title ?? memberName, { name: memberName, title }),
              ),
            );
          },
        },
      ]);
    });
    this.CONSUME(T.Dedent);
    return this.ACTION(() => {
      const node = this.make('EnumDeclaration', start, { name, members, isExport, annotations: [] });
      return { ...node, annotations: this.factory.annotationsAbove(node.span.line) };
    });
  });

  private tupleDeclaration = this.rule('tupleDeclaration', (): A.TupleDeclaration => {
    const start = this.CONSUME(T.LBracket);
    const names: A.Identifier[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const name = this.SUBRULE(this.identifier);
        this.ACTION(() => names.push(name));
      },
    });
    this.CONSUME(T.RBracket);
    this.OR([{ ALT: () => this.CONSUME(T.Equals) }, { ALT: () => this.CONSUME(T.ColonEquals) }]);
    const init = this.SUBRULE(this.valueExpression);
    return this.ACTION(() => this.make('TupleDeclaration', start, { names, init }));
  });

  private variableDeclaration = this.rule('variableDeclaration', (): A.VariableDeclaration => {
    const start = this.LA(1);
    const mode = this.OPTION(() => this.SUBRULE(this.declarationMode));
    let qualifier: A.Qualifier | undefined;
    let type: A.TypeReference | undefined;
    this.OPTION2({
      GATE: () => this.isQualifierAt(1),
      DEF: () => {
        qualifier = this.SUBRULE(this.qualifier);
      },
    });
    this.OPTION3({
      GATE: () => this.hasTypeBeforeName(),
      DEF: () => {
        type = this.SUBRULE(this.typeReference);
      },
    });
    const name = this.SUBRULE(this.identifier);
    this.CONSUME(T.Equals);
    const init = this.SUBRULE(this.valueExpression);
    return this.ACTION(() => {
      const node = this.make('VariableDeclaration', start, {
        mode,
        qualifier,
        type,
        name,
        init,
        annotations: [],
      });
      return { ...node, annotations: this.factory.annotationsAbove(node.span.line) };
    });
  });

  private assignmentOrExpression = this.rule('assignmentOrExpression', (): A.Statement => {
    const start = this.LA(1);
    const expression = this.SUBRULE(this.valueExpression);
    let operator: IToken | undefined;
    let value: A.Expression | undefined;
    this.OPTION(() => {
      operator = this.OR([
        { ALT: () => this.CONSUME(T.ColonEquals) },
        { ALT: () => this.CONSUME(T.CompoundAssign) },
      ]);
      value = this.SUBRULE2(this.valueExpression);
    });
    return this.ACTION((): A.Statement => {
      if (operator === undefined || value === undefined)
        return this.make('ExpressionStatement', start, { expression });
      const target =
        expression.kind === 'Identifier' || expression.kind === 'MemberExpression'
          ? expression
          : this.invalidTarget(expression);
      return this.make('Assignment', start, {
        target,
        operator: operator.image as A.AssignmentOperator,
        value,
      });
    });
  });

  /** Reported by the parse driver (it sees `InvalidAssignmentTarget` markers through `invalidTargets`). */
  readonly invalidTargets: A.Expression[] = [];

  private invalidTarget(expression: A.Expression): A.Identifier {
    this.invalidTargets.push(expression);
    return this.factory.makeAt('Identifier', expression.span, { name: '<invalid>' });
  }

  // ------------------------------------------------------------------ expressions

  /** Where Pine allows a block-valued expression: the right of `=`/`:=`, a statement, a body. */
  private valueExpression = this.rule('valueExpression', (): A.Expression =>
    this.OR([
      { ALT: () => this.SUBRULE(this.ifExpression) },
      { ALT: () => this.SUBRULE(this.switchExpression) },
      { ALT: () => this.SUBRULE(this.forExpression) },
      { ALT: () => this.SUBRULE(this.whileExpression) },
      { ALT: () => this.SUBRULE(this.expression) },
    ]),
  );

  private ifExpression = this.rule('ifExpression', (): A.IfExpression => {
    const start = this.CONSUME(T.If);
    const test = this.SUBRULE(this.expression);
    const consequent = this.SUBRULE(this.block);
    let alternate: A.Block | A.IfExpression | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Else);
      alternate = this.OR([
        { ALT: () => this.SUBRULE(this.ifExpression) },
        { ALT: () => this.SUBRULE2(this.block) },
      ]);
    });
    return this.ACTION(() => this.make('IfExpression', start, { test, consequent, alternate }));
  });

  private switchExpression = this.rule('switchExpression', (): A.SwitchExpression => {
    const start = this.CONSUME(T.Switch);
    const discriminant = this.OPTION(() => this.SUBRULE(this.expression));
    this.CONSUME(T.Newline);
    this.CONSUME(T.Indent);
    const cases: A.SwitchCase[] = [];
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME2(T.Newline) },
        {
          ALT: () => {
            const arm = this.SUBRULE(this.switchCase);
            this.ACTION(() => cases.push(arm));
          },
        },
      ]);
    });
    this.CONSUME(T.Dedent);
    return this.ACTION(() => this.make('SwitchExpression', start, { discriminant, cases }));
  });

  private switchCase = this.rule('switchCase', (): A.SwitchCase => {
    const start = this.LA(1);
    const test = this.OPTION(() => this.SUBRULE(this.expression));
    this.CONSUME(T.Arrow);
    const { body, inline } = this.SUBRULE(this.body);
    const node = this.ACTION(() => this.make('SwitchCase', start, { test, body, inline }));
    this.CONSUME(T.Newline);
    return node;
  });

  private forExpression = this.rule('forExpression', (): A.ForExpression | A.ForInExpression => {
    const start = this.CONSUME(T.For);
    return this.OR<A.ForExpression | A.ForInExpression>([
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          const index = this.SUBRULE(this.identifier);
          this.CONSUME(T.Comma);
          const item = this.SUBRULE2(this.identifier);
          this.CONSUME(T.RBracket);
          this.CONSUME(T.InKw);
          const iterable = this.SUBRULE(this.expression);
          const body = this.SUBRULE(this.block);
          return this.ACTION(() =>
            this.make('ForInExpression', start, {
              variables: [index, item],
              destructured: true,
              iterable,
              body,
            }),
          );
        },
      },
      {
        GATE: () => this.is(2, T.InKw),
        ALT: () => {
          const item = this.SUBRULE3(this.identifier);
          this.CONSUME2(T.InKw);
          const iterable = this.SUBRULE2(this.expression);
          const body = this.SUBRULE2(this.block);
          return this.ACTION(() =>
            this.make('ForInExpression', start, { variables: [item], destructured: false, iterable, body }),
          );
        },
      },
      {
        ALT: () => {
          const counter = this.SUBRULE4(this.identifier);
          this.CONSUME(T.Equals);
          const from = this.SUBRULE3(this.expression);
          this.CONSUME(T.ToKw);
          const to = this.SUBRULE4(this.expression);
          let step: A.Expression | undefined;
          this.OPTION(() => {
            this.CONSUME(T.ByKw);
            step = this.SUBRULE5(this.expression);
          });
          const body = this.SUBRULE3(this.block);
          return this.ACTION(() => this.make('ForExpression', start, { counter, from, to, step, body }));
        },
      },
    ]);
  });

  private whileExpression = this.rule('whileExpression', (): A.WhileExpression => {
    const start = this.CONSUME(T.While);
    const test = this.SUBRULE(this.expression);
    const body = this.SUBRULE(this.block);
    return this.ACTION(() => this.make('WhileExpression', start, { test, body }));
  });

  /** `test ? a : b`, right-associative. */
  private expression = this.rule('expression', (): A.Expression => {
    const test = this.SUBRULE(this.binaryExpression);
    let consequent: A.Expression | undefined;
    let alternate: A.Expression | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Question);
      consequent = this.SUBRULE(this.expression);
      this.CONSUME(T.Colon);
      alternate = this.SUBRULE2(this.expression);
    });
    return this.ACTION(() =>
      consequent && alternate
        ? this.make('ConditionalExpression', test, { test, consequent, alternate })
        : test,
    );
  });

  /** Operands and operators as a flat list; the tree comes from `binaryPrecedence`. */
  private binaryExpression = this.rule('binaryExpression', (): A.Expression => {
    const operands: A.Expression[] = [];
    const operators: A.BinaryOperator[] = [];
    const first = this.SUBRULE(this.unaryExpression);
    this.ACTION(() => operands.push(first));
    this.MANY(() => {
      const operator = this.SUBRULE(this.binaryOperator);
      const operand = this.SUBRULE2(this.unaryExpression);
      this.ACTION(() => {
        operators.push(operator);
        operands.push(operand);
      });
    });
    return this.ACTION(() => this.climb(operands, operators));
  });

  private climb(operands: A.Expression[], operators: A.BinaryOperator[]): A.Expression {
    let position = 0;
    const parse = (minPrecedence: number): A.Expression => {
      let left = operands[position];
      while (position < operators.length && binaryPrecedence[operators[position]] >= minPrecedence) {
        const operator = operators[position];
        position++;
        const right = parse(binaryPrecedence[operator] + 1);
        left = this.factory.makeAt('BinaryExpression', this.factory.span(left.span.start, right.span.end), {
          operator,
          left,
          right,
        });
      }
      return left;
    };
    return parse(0);
  }

  private binaryOperator = this.rule('binaryOperator', (): A.BinaryOperator => {
    const token = this.OR([
      { ALT: () => this.CONSUME(T.Star) },
      { ALT: () => this.CONSUME(T.Slash) },
      { ALT: () => this.CONSUME(T.Percent) },
      { ALT: () => this.CONSUME(T.Plus) },
      { ALT: () => this.CONSUME(T.Minus) },
      { ALT: () => this.CONSUME(T.Less) },
      { ALT: () => this.CONSUME(T.Greater) },
      { ALT: () => this.CONSUME(T.LessEquals) },
      { ALT: () => this.CONSUME(T.GreaterEquals) },
      { ALT: () => this.CONSUME(T.EqualsEquals) },
      { ALT: () => this.CONSUME(T.NotEquals) },
      { ALT: () => this.CONSUME(T.And) },
      { ALT: () => this.CONSUME(T.Or) },
    ]);
    return this.ACTION(() => token.image as A.BinaryOperator);
  });

  private unaryExpression = this.rule('unaryExpression', (): A.Expression =>
    this.OR([
      {
        ALT: () => {
          const operator = this.OR2([
            { ALT: () => this.CONSUME(T.Minus) },
            { ALT: () => this.CONSUME(T.Plus) },
            { ALT: () => this.CONSUME(T.Not) },
          ]);
          const argument = this.SUBRULE(this.unaryExpression);
          return this.ACTION(() =>
            this.make('UnaryExpression', operator, { operator: operator.image as A.UnaryOperator, argument }),
          );
        },
      },
      { ALT: () => this.SUBRULE(this.postfixExpression) },
    ]),
  );

  /** Member access, calls (with generic type arguments) and history references, left to right. */
  private postfixExpression = this.rule('postfixExpression', (): A.Expression => {
    let target = this.SUBRULE(this.primaryExpression);
    let typeArguments: A.TypeReference[] = [];
    this.MANY({
      // `<` continues the postfix chain only as `name<type>(`; otherwise it is the less-than operator.
      GATE: () => !this.is(1, T.Less) || this.isGenericCall(),
      DEF: () => {
        this.OR([
          {
            ALT: () => {
              this.CONSUME(T.Dot);
              const property = this.SUBRULE(this.identifier);
              this.ACTION(() => {
                target = this.make('MemberExpression', target, { object: target, property });
              });
            },
          },
          {
            GATE: () => this.isGenericCall(),
            ALT: () => {
              typeArguments = this.SUBRULE(this.typeArgumentList);
            },
          },
          {
            ALT: () => {
              const args = this.SUBRULE(this.argumentList);
              this.ACTION(() => {
                const callee: A.Expression =
                  target.kind === 'NaLiteral'
                    ? this.factory.makeAt('Identifier', target.span, { name: 'na' })
                    : target;
                target = this.make('CallExpression', target, { callee, typeArguments, arguments: args });
                typeArguments = [];
              });
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.LBracket);
              const offset = this.SUBRULE(this.expression);
              this.CONSUME(T.RBracket);
              this.ACTION(() => {
                target = this.make('HistoryExpression', target, { target, offset });
              });
            },
          },
        ]);
      },
    });
    return target;
  });

  private isGenericCall(): boolean {
    const after = this.scanTypeArguments(1);
    return after > 0 && this.is(after, T.LParen);
  }

  private argumentList = this.rule('argumentList', (): A.Argument[] => {
    this.CONSUME(T.LParen);
    const args: A.Argument[] = [];
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        const argument = this.SUBRULE(this.argument);
        this.ACTION(() => args.push(argument));
      },
    });
    this.CONSUME(T.RParen);
    return args;
  });

  private argument = this.rule('argument', (): A.Argument => {
    const start = this.LA(1);
    let name: A.Identifier | undefined;
    this.OPTION({
      GATE: () => this.is(2, T.Equals),
      DEF: () => {
        name = this.SUBRULE(this.identifier);
        this.CONSUME(T.Equals);
      },
    });
    const value = this.SUBRULE(this.expression);
    return this.ACTION(() => this.make('Argument', start, { name, value }));
  });

  private typeArgumentList = this.rule('typeArgumentList', (): A.TypeReference[] => {
    this.CONSUME(T.Less);
    const types: A.TypeReference[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const type = this.SUBRULE(this.typeReference);
        this.ACTION(() => types.push(type));
      },
    });
    this.CONSUME(T.Greater);
    return types;
  });

  private typeReference = this.rule('typeReference', (): A.TypeReference => {
    const start = this.CONSUME(T.Identifier);
    let name = start.image;
    let typeArguments: A.TypeReference[] = [];
    let isArray = false;
    this.MANY(() => {
      this.CONSUME(T.Dot);
      const part = this.CONSUME2(T.Identifier);
      this.ACTION(() => {
        name += '.' + part.image;
      });
    });
    this.OPTION(() => {
      typeArguments = this.SUBRULE(this.typeArgumentList);
    });
    this.OPTION2({
      GATE: () => this.is(2, T.RBracket),
      DEF: () => {
        this.CONSUME(T.LBracket);
        this.CONSUME(T.RBracket);
        isArray = true;
      },
    });
    return this.ACTION(() => this.make('TypeReference', start, { name, typeArguments, isArray }));
  });

  private primaryExpression = this.rule('primaryExpression', (): A.Expression =>
    this.OR([
      { ALT: () => this.SUBRULE(this.identifier) },
      { ALT: () => this.SUBRULE(this.numberLiteral) },
      { ALT: () => this.SUBRULE(this.stringLiteral) },
      {
        ALT: () => {
          const token = this.CONSUME(T.ColorLiteral);
          return this.ACTION(() =>
            this.make('ColorLiteral', token, { raw: token.image, rgba: parseColor(token.image) }),
          );
        },
      },
      {
        ALT: () => {
          const token = this.OR2([{ ALT: () => this.CONSUME(T.True) }, { ALT: () => this.CONSUME(T.False) }]);
          return this.ACTION(() => this.make('BoolLiteral', token, { value: token.image === 'true' }));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(T.Na);
          return this.ACTION(() => this.make('NaLiteral', token, {}));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          const inner = this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
          return inner;
        },
      },
      {
        ALT: () => {
          const start = this.CONSUME(T.LBracket);
          const elements: A.Expression[] = [];
          this.MANY_SEP({
            SEP: T.Comma,
            DEF: () => {
              const element = this.SUBRULE2(this.expression);
              this.ACTION(() => elements.push(element));
            },
          });
          this.CONSUME(T.RBracket);
          return this.ACTION(() => this.make('TupleExpression', start, { elements }));
        },
      },
    ]),
  );

  private identifier = this.rule('identifier', (): A.Identifier => {
    const token = this.CONSUME(T.Identifier);
    return this.ACTION(() => this.make('Identifier', token, { name: token.image }));
  });

  private numberLiteral = this.rule('numberLiteral', (): A.NumberLiteral => {
    const token = this.OR([
      { ALT: () => this.CONSUME(T.IntLiteral) },
      { ALT: () => this.CONSUME(T.FloatLiteral) },
    ]);
    return this.ACTION(() =>
      this.make('NumberLiteral', token, {
        value: Number(token.image),
        raw: token.image,
        isInteger: tokenMatcher(token, T.IntLiteral),
      }),
    );
  });

  private stringLiteral = this.rule('stringLiteral', (): A.StringLiteral => {
    const token = this.CONSUME(T.StringLiteral);
    return this.ACTION(() =>
      this.make('StringLiteral', token, { value: decodeString(token.image), raw: token.image }),
    );
  });
}
