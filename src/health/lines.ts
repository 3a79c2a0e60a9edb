import { literalValue, type Analysis } from '../analysis/index.js';
import type * as A from '../parser/ast.js';
import { builtinArgument } from './arguments.js';
import { walkNodes } from './walk.js';

/** Plot calls codegen records, with the title an untitled call gets (as src/codegen/builtins/plot.ts). */
const PLOT_FALLBACK: Readonly<Record<string, string>> = {
  plot: 'Plot',
  plotshape: 'Shapes',
  plotchar: 'Char',
  plotarrow: 'Arrow',
};
const ORDER_CALLS = new Set(['strategy.entry', 'strategy.order', 'strategy.exit', 'strategy.close']);

/** Where in the Pine source each plotted series, order id and input comes from. */
export interface SourceSites {
  /** First plot call of each title. */
  readonly plots: ReadonlyMap<string, A.CallExpression>;
  /** First order call (entry, order, exit, close) of each literal id. */
  readonly orders: ReadonlyMap<string, A.CallExpression>;
  /** `input*()` calls by their line (InputDescriptor.line). */
  readonly inputs: ReadonlyMap<number, A.CallExpression>;
}

/** Finds the plot and order calls of an analysed script, so run results can point at Pine lines. */
export function sourceSites(analysis: Analysis): SourceSites {
  const plots = new Map<string, A.CallExpression>();
  const orders = new Map<string, A.CallExpression>();
  const inputs = new Map<number, A.CallExpression>();
  walkNodes(analysis.program, (node) => {
    if (node.kind !== 'CallExpression') return;
    const call = analysis.calls.get(node.id);
    if (call?.kind !== 'builtin') return;
    if (call.entry.flags.input && !inputs.has(node.span.line)) inputs.set(node.span.line, node);
    const fallback = PLOT_FALLBACK[call.name] as string | undefined;
    const arg = (name: string): A.Expression | undefined =>
      builtinArgument(call, analysis.rules.version, name);
    if (fallback !== undefined) {
      const titleArg = arg('title');
      const title = titleArg ? literalValue(titleArg) : undefined;
      const key = typeof title === 'string' ? title : fallback;
      if (!plots.has(key)) plots.set(key, node);
    } else if (ORDER_CALLS.has(call.name)) {
      const idArg = arg('id');
      const id = idArg ? literalValue(idArg) : undefined;
      if (typeof id === 'string' && !orders.has(id)) orders.set(id, node);
    }
  });
  return { plots, orders, inputs };
}
