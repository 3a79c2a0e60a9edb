import { dottedName, literalValue, type Analysis, type CallResolution } from '../analysis/index.js';
import { healthCodes } from '../diagnostics/codes/health.js';
import { DiagnosticBag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type * as A from '../parser/ast.js';
import { builtinArgument } from './arguments.js';
import { someNode, walkNodes } from './walk.js';

type BuiltinCall = Extract<CallResolution, { kind: 'builtin' }>;

/** True for `x[n]` with a constant n ≥ 1, or a tuple of such reads: a value of a closed bar. */
function offsetByOne(expression: A.Expression): boolean {
  if (expression.kind === 'TupleExpression') return expression.elements.every(offsetByOne);
  if (expression.kind !== 'HistoryExpression') return false;
  const offset = literalValue(expression.offset);
  return typeof offset === 'number' && offset >= 1;
}

/** The chart's own timeframe (`timeframe.period`, `""`): lookahead changes nothing there. */
function isChartTimeframe(timeframe: A.Expression | undefined): boolean {
  if (!timeframe) return true;
  const name = dottedName(timeframe);
  if (name === 'timeframe.period') return true;
  return timeframe.kind === 'StringLiteral' && timeframe.value === '';
}

function isBuiltinName(analysis: Analysis, node: A.Node, names: ReadonlySet<string>): string | undefined {
  if (node.kind !== 'Identifier' && node.kind !== 'MemberExpression') return undefined;
  const binding = analysis.bindings.get(node.id);
  if (binding?.kind !== 'builtin-variable') return undefined;
  return names.has(binding.name) ? binding.name : undefined;
}

/** True when `expression` calls a built-in or script function that keeps state between bars. */
function callsStateful(analysis: Analysis, expression: A.Expression): boolean {
  return someNode(expression, (node) => {
    if (node.kind !== 'CallExpression') return false;
    const call = analysis.calls.get(node.id);
    if (call?.kind === 'builtin') return call.entry.flags.stateful;
    if (call?.kind === 'user') return call.symbol.stateful;
    return false;
  });
}

function isConstInt(analysis: Analysis, expression: A.Expression): boolean {
  const type = analysis.types.get(expression.id);
  return (
    type !== undefined &&
    type.qualifier === 'const' &&
    type.type.kind === 'primitive' &&
    type.type.name === 'int'
  );
}

const REALTIME = new Set(['barstate.isrealtime', 'barstate.ishistory']);
const TIMENOW = new Set(['timenow']);
const TRAIL_PARAMS = ['trail_price', 'trail_points', 'trail_offset'] as const;

/**
 * Static health findings from one analysed script: reads of the future (`request.security` with
 * `lookahead_on` on a value that is not offset), logic whose history differs from real time
 * (`calc_on_every_tick`, `varip`, `barstate.isrealtime`, `timenow`), fills history cannot reproduce
 * (trailing stops, `process_orders_on_close`), and semantics that change between Pine v5 and v6.
 * Each finding is a diagnostic with the span, the risk and the fix.
 */
export function staticFindings(analysis: Analysis, file?: string): Diagnostic[] {
  const bag = new DiagnosticBag();
  const version = analysis.rules.version;
  const report = (
    definition: (typeof healthCodes)[keyof typeof healthCodes],
    node: A.Node,
    message: string,
    hint: string,
  ): void => {
    bag.report(definition, node.span, message, hint, file);
  };
  // Calls read through `call(...)[n]`: the offset counts chart bars, not requested bars. Parents
  // are visited before children, so the call finds itself here.
  const offsetOutside = new Set<number>();
  walkNodes(analysis.program, (node) => {
    if (node.kind === 'HistoryExpression' && node.target.kind === 'CallExpression')
      offsetOutside.add(node.target.id);
    if (node.kind === 'CallExpression') {
      const call = analysis.calls.get(node.id);
      if (call?.kind === 'builtin') checkCall(node, call, version, report, offsetOutside.has(node.id));
      return;
    }
    if (node.kind === 'VariableDeclaration' || node.kind === 'FieldDeclaration') {
      if (node.mode === 'varip')
        report(
          healthCodes.varip,
          node.name,
          `'${node.name.name}' is varip: on historical bars it keeps one value per bar like var, in real time it also keeps every tick's update, so live results differ from the backtest`,
          'use var unless the logic is meant for real time only, and do not trade on it',
        );
      return;
    }
    if (node.kind === 'BinaryExpression') {
      checkBinary(analysis, node, version, report);
      return;
    }
    const realtime = isBuiltinName(analysis, node, REALTIME);
    if (realtime !== undefined)
      report(
        healthCodes.realtimeBranch,
        node,
        `${realtime} is ${realtime === 'barstate.isrealtime' ? 'false' : 'true'} on every historical bar: the backtest never runs the realtime path, so live trading does something the backtest never tested`,
        'remove the realtime branch from trading logic, or use barstate.isconfirmed to act on closed bars only',
      );
    if (isBuiltinName(analysis, node, TIMENOW) !== undefined)
      report(
        healthCodes.timenow,
        node,
        'timenow is the moment the script runs: historical bars all see the same "now", so results change with the day you run the backtest',
        'use time or time_close (the bar’s own time) instead',
      );
  });
  checkDeclaration(analysis, version, report);
  return [...bag.all];
}

type Report = (
  definition: (typeof healthCodes)[keyof typeof healthCodes],
  node: A.Node,
  message: string,
  hint: string,
) => void;

function checkCall(
  node: A.CallExpression,
  call: BuiltinCall,
  version: number,
  report: Report,
  offsetOutside: boolean,
): void {
  if (call.name === 'request.security') {
    const timeframe = builtinArgument(call, version, 'timeframe');
    const expression = builtinArgument(call, version, 'expression');
    const lookahead = builtinArgument(call, version, 'lookahead');
    if (!expression || isChartTimeframe(timeframe) || offsetByOne(expression)) return;
    const on = lookahead !== undefined && dottedName(lookahead) === 'barmerge.lookahead_on';
    if (on)
      report(
        healthCodes.lookaheadOn,
        expression,
        'request.security with lookahead = barmerge.lookahead_on returns the higher-timeframe bar’s final value on every chart bar inside it: on historical bars the strategy reads prices that had not happened yet' +
          (offsetOutside
            ? ' (the [n] after the call counts chart bars, not higher-timeframe bars, so most chart bars still see the unfinished period’s final value)'
            : ''),
        'offset the requested value by one bar: request.security(sym, tf, expr[1], lookahead = barmerge.lookahead_on)',
      );
    else
      report(
        healthCodes.htfRepaints,
        expression,
        'a higher-timeframe value without [1]: history shows it only once the period has closed, but live it changes on every tick of the open period, so real-time signals can appear and vanish',
        'request expr[1] with lookahead = barmerge.lookahead_on for a value that never repaints',
      );
    return;
  }
  if (call.name === 'strategy.exit') {
    const trail = TRAIL_PARAMS.find((p) => builtinArgument(call, version, p) !== undefined);
    if (trail !== undefined)
      report(
        healthCodes.trailingStop,
        node,
        `strategy.exit with ${trail}: on historical bars the broker emulator only knows open, high, low and close, so it assumes a price path inside each bar; real-time trailing follows every tick and exits differently`,
        'treat trailing-stop results as approximate; compare with a fixed stop, or check them on TradingView with the bar magnifier',
      );
  }
}

function checkBinary(analysis: Analysis, node: A.BinaryExpression, version: number, report: Report): void {
  if ((node.operator === 'and' || node.operator === 'or') && callsStateful(analysis, node.right)) {
    report(
      healthCodes.versionLogic,
      node.right,
      version >= 6
        ? `in Pine v6 '${node.operator}' evaluates its right side only when the left side does not decide: the stateful call there skips bars and its history (ta.* values, [n] reads) is not the one a v5 script computes`
        : `Pine v5 evaluates both sides of '${node.operator}'; v6 skips the right side when the left decides, so this stateful call would compute a different history after an upgrade to v6`,
      'compute the stateful call into a variable on its own line first, then combine the variables',
    );
  }
  if (
    node.operator === '/' &&
    analysis.rules.constIntDivisionTruncates &&
    isConstInt(analysis, node.left) &&
    isConstInt(analysis, node.right)
  ) {
    report(
      healthCodes.versionDivision,
      node,
      `Pine v${version} truncates the division of two int constants (7 / 2 is 3); Pine v6 gives 3.5, so the value changes when the script is upgraded`,
      'write a float operand (7.0 / 2) or int(a / b) to make the intent explicit',
    );
  }
}

function checkDeclaration(analysis: Analysis, version: number, report: Report): void {
  const declaration = analysis.declaration;
  if (declaration?.kind !== 'strategy') return;
  const settings = declaration.settings;
  if (settings.calc_on_every_tick === true)
    report(
      healthCodes.calcOnEveryTick,
      declaration.call,
      'calc_on_every_tick = true: in real time the strategy runs on every price change and can enter mid-bar, while on historical bars it runs once at each close; live trades differ from the backtest',
      'set calc_on_every_tick = false, or judge the strategy by forward-testing, not by this backtest',
    );
  if (settings.process_orders_on_close === true)
    report(
      healthCodes.ordersOnClose,
      declaration.call,
      'process_orders_on_close = true fills market orders at the close of the very bar whose close produced the signal; live, the order can only be sent after that close, so fills are optimistic',
      'leave process_orders_on_close off (fills at the next open), or add slippage to the strategy settings',
    );
  if (version < 6 && settings.margin_long === undefined && settings.margin_short === undefined)
    report(
      healthCodes.versionMargin,
      declaration.call,
      `Pine v${version} strategies default to margin 0 % (no margin checks); v6 defaults to 100 %, so after an upgrade orders larger than the equity are rejected or margin-called`,
      'set margin_long and margin_short explicitly in strategy()',
    );
}
