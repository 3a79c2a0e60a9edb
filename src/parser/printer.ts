import type * as A from './ast.js';
import { binaryPrecedence, conditionalPrecedence, postfixPrecedence, unaryPrecedence } from './precedence.js';

const INDENT = '    ';

/**
 * Prints an AST back to Pine source: 4-space blocks, minimal parentheses (from the same
 * precedence table the parser uses), literals as written, `//@` annotations above the
 * declarations they document. Plain comments are not reproduced. Reparsing the output gives the
 * same tree (spans and ids aside); the property tests hold it to that.
 */
export function printPine(program: A.Program): string {
  const lines: string[] = [];
  if (program.version !== undefined) lines.push(`//@version=${program.version}`);
  for (const statement of program.body) lines.push(printStatement(statement, 0));
  return lines.join('\n') + '\n';
}

function printStatement(statement: A.Statement, level: number): string {
  const pad = INDENT.repeat(level);
  switch (statement.kind) {
    case 'VariableDeclaration': {
      const parts = [
        statement.mode,
        statement.qualifier,
        statement.type && printType(statement.type),
        statement.name.name,
      ];
      const head = parts.filter((p) => p !== undefined).join(' ');
      return annotations(statement, pad) + `${pad}${head} = ${printValue(statement.init, level)}`;
    }
    case 'TupleDeclaration':
      return `${pad}[${statement.names.map((n) => n.name).join(', ')}] = ${printValue(statement.init, level)}`;
    case 'Assignment':
      return `${pad}${printExpression(statement.target, 0)} ${statement.operator} ${printValue(statement.value, level)}`;
    case 'ExpressionStatement':
      return pad + printValue(statement.expression, level);
    case 'FunctionDeclaration': {
      const modifiers = (statement.isExport ? 'export ' : '') + (statement.isMethod ? 'method ' : '');
      const parameters = statement.parameters.map(printParameter).join(', ');
      return (
        annotations(statement, pad) +
        `${pad}${modifiers}${statement.name.name}(${parameters}) =>${printBody(statement.body, statement.inline, level)}`
      );
    }
    case 'TypeDeclaration': {
      const fields = statement.fields.map((field) => {
        const head = [field.mode, printType(field.type), field.name.name]
          .filter((p) => p !== undefined)
          .join(' ');
        const value = field.defaultValue ? ` = ${printExpression(field.defaultValue, 0)}` : '';
        return `${pad}${INDENT}${head}${value}`;
      });
      return (
        annotations(statement, pad) +
        [`${pad}${statement.isExport ? 'export ' : ''}type ${statement.name.name}`, ...fields].join('\n')
      );
    }
    case 'EnumDeclaration': {
      const members = statement.members.map(
        (m) => `${pad}${INDENT}${m.name.name}${m.title ? ` = ${m.title.raw}` : ''}`,
      );
      return (
        annotations(statement, pad) +
        [`${pad}${statement.isExport ? 'export ' : ''}enum ${statement.name.name}`, ...members].join('\n')
      );
    }
    case 'ImportDeclaration':
      return `${pad}import ${statement.publisher}/${statement.library}/${statement.libraryVersion}${statement.alias ? ` as ${statement.alias.name}` : ''}`;
    case 'BreakStatement':
      return pad + 'break';
    case 'ContinueStatement':
      return pad + 'continue';
  }
}

function annotations(node: A.Documented, pad: string): string {
  return node.annotations.map((a) => `${pad}${a.text}\n`).join('');
}

function printParameter(parameter: A.Parameter): string {
  const head = [parameter.qualifier, parameter.type && printType(parameter.type), parameter.name.name]
    .filter((p) => p !== undefined)
    .join(' ');
  return parameter.defaultValue ? `${head} = ${printExpression(parameter.defaultValue, 0)}` : head;
}

function printType(type: A.TypeReference): string {
  const args = type.typeArguments.length > 0 ? `<${type.typeArguments.map(printType).join(', ')}>` : '';
  return `${type.name}${args}${type.isArray ? '[]' : ''}`;
}

/** A body after `=>`: on the same line, or an indented block on the lines below. */
function printBody(body: A.Block, inline: boolean, level: number): string {
  if (inline) return ' ' + body.statements.map((s) => printStatement(s, level).trimStart()).join(', ');
  return '\n' + printBlock(body, level + 1);
}

function printBlock(block: A.Block, level: number): string {
  return block.statements.map((s) => printStatement(s, level)).join('\n');
}

/** Expressions that may hold blocks (`if`, `switch`, `for`, `while`) print across lines at `level`. */
function printValue(expression: A.Expression, level: number): string {
  const pad = INDENT.repeat(level);
  switch (expression.kind) {
    case 'IfExpression': {
      let text = `if ${printExpression(expression.test, 0)}\n${printBlock(expression.consequent, level + 1)}`;
      const alternate = expression.alternate;
      if (alternate?.kind === 'IfExpression') text += `\n${pad}else ${printValue(alternate, level)}`;
      else if (alternate) text += `\n${pad}else\n${printBlock(alternate, level + 1)}`;
      return text;
    }
    case 'SwitchExpression': {
      const head = expression.discriminant
        ? `switch ${printExpression(expression.discriminant, 0)}`
        : 'switch';
      const arms = expression.cases.map((arm) => {
        const test = arm.test ? printExpression(arm.test, 0) + ' ' : '';
        return `${pad}${INDENT}${test}=>${printBody(arm.body, arm.inline, level + 1)}`;
      });
      return [head, ...arms].join('\n');
    }
    case 'ForExpression': {
      const step = expression.step ? ` by ${printExpression(expression.step, 0)}` : '';
      const range = `${printExpression(expression.from, 0)} to ${printExpression(expression.to, 0)}${step}`;
      return `for ${expression.counter.name} = ${range}\n${printBlock(expression.body, level + 1)}`;
    }
    case 'ForInExpression': {
      const names = expression.variables.map((v) => v.name).join(', ');
      const pattern = expression.destructured ? `[${names}]` : names;
      return `for ${pattern} in ${printExpression(expression.iterable, 0)}\n${printBlock(expression.body, level + 1)}`;
    }
    case 'WhileExpression':
      return `while ${printExpression(expression.test, 0)}\n${printBlock(expression.body, level + 1)}`;
    default:
      return printExpression(expression, 0);
  }
}

function precedenceOf(expression: A.Expression): number {
  switch (expression.kind) {
    case 'BinaryExpression':
      return binaryPrecedence[expression.operator];
    case 'UnaryExpression':
      return unaryPrecedence;
    case 'ConditionalExpression':
      return conditionalPrecedence;
    default:
      return postfixPrecedence;
  }
}

/** Prints an expression, parenthesised when its precedence is below `minimum`. */
function printExpression(expression: A.Expression, minimum: number): string {
  const text = printBare(expression);
  return precedenceOf(expression) < minimum ? `(${text})` : text;
}

function printBare(expression: A.Expression): string {
  switch (expression.kind) {
    case 'Identifier':
      return expression.name;
    case 'NumberLiteral':
    case 'StringLiteral':
    case 'ColorLiteral':
      return expression.raw;
    case 'BoolLiteral':
      return String(expression.value);
    case 'NaLiteral':
      return 'na';
    case 'TupleExpression':
      return `[${expression.elements.map((e) => printExpression(e, 0)).join(', ')}]`;
    case 'MemberExpression':
      return `${printExpression(expression.object, postfixPrecedence)}.${expression.property.name}`;
    case 'CallExpression': {
      const typeArgs =
        expression.typeArguments.length > 0 ? `<${expression.typeArguments.map(printType).join(', ')}>` : '';
      const args = expression.arguments
        .map((a) => (a.name ? `${a.name.name} = ` : '') + printExpression(a.value, 0))
        .join(', ');
      return `${printExpression(expression.callee, postfixPrecedence)}${typeArgs}(${args})`;
    }
    case 'HistoryExpression':
      return `${printExpression(expression.target, postfixPrecedence)}[${printExpression(expression.offset, 0)}]`;
    case 'UnaryExpression': {
      const argument = printExpression(expression.argument, unaryPrecedence);
      return expression.operator === 'not' ? `not ${argument}` : `${expression.operator}${argument}`;
    }
    case 'BinaryExpression': {
      const own = binaryPrecedence[expression.operator];
      return `${printExpression(expression.left, own)} ${expression.operator} ${printExpression(expression.right, own + 1)}`;
    }
    case 'ConditionalExpression':
      return `${printExpression(expression.test, conditionalPrecedence + 1)} ? ${printExpression(expression.consequent, 0)} : ${printExpression(expression.alternate, 0)}`;
    case 'IfExpression':
    case 'SwitchExpression':
    case 'ForExpression':
    case 'ForInExpression':
    case 'WhileExpression':
      return `(${printValue(expression, 0)})`;
    case 'InvalidExpression':
      return '<invalid>';
  }
}
