import { describe, expect, it } from 'vitest';
import { libraryEmitters } from '../../../src/codegen/builtins/index-libs.js';
import { fakeCall } from './fake-context.js';
import type { CallSpec, FakeCall } from './fake-context.js';

// Exact TypeScript text of representative emitters, written against the runtime contract
// (src/runtime/README.md, "Rules codegen follows").

function run(spec: CallSpec): FakeCall & { code: string } {
  const call = fakeCall(spec);
  const emitter = libraryEmitters[spec.name];
  return { ...call, code: emitter(call.c) };
}
const emit = (spec: CallSpec): string => run(spec).code;

describe('math', () => {
  it('maps unary functions onto rt.math', () => {
    expect(emit({ name: 'math.abs', args: { number: 'x' } })).toBe('rt.math.abs(x)');
    expect(emit({ name: 'math.todegrees', args: { radians: 'a + b' } })).toBe('rt.math.todegrees(a + b)');
  });
  it('uses max2/min2, nested for more than two arguments (no rest array per bar)', () => {
    expect(emit({ name: 'math.max', args: { number0: 'a', number1: 'b' } })).toBe('rt.math.max2(a, b)');
    // The analysis puts the first rest argument in the rest slot and the others in restArgs.
    expect(emit({ name: 'math.min', args: { number0: 'a', number1: 'b', number: 'c' }, rest: ['d'] })).toBe(
      'rt.math.min2(rt.math.min2(rt.math.min2(a, b), c), d)',
    );
  });
  it('passes the precision of math.round only when given', () => {
    expect(emit({ name: 'math.round', args: { number: 'x' } })).toBe('rt.math.round(x)');
    expect(emit({ name: 'math.round', args: { number: 'x', precision: '2' } })).toBe('rt.math.round(x, 2)');
  });
  it('hands the symbol to round_to_mintick', () => {
    expect(emit({ name: 'math.round_to_mintick', args: { number: 'x' } })).toBe(
      'rt.math.round_to_mintick(x, ctx.syminfo)',
    );
  });
  it('keeps one generator / rolling sum per call site', () => {
    const r = run({ name: 'math.random', args: { seed: '7' } });
    expect(r.code).toBe('this.rand0.next(undefined, undefined, 7)');
    expect(r.states.get('this.rand0')).toBe('new rt.PineRandom()');
    const s = run({ name: 'math.sum', args: { source: 'ctx.close', length: '3' } });
    expect(s.code).toBe('this.sum0.update(ctx.close, 3)');
    expect(s.states.get('this.sum0')).toBe('new rt.MathSum()');
  });
});

describe('na and casts', () => {
  it('tests numbers with isNa and references with isNaValue', () => {
    expect(emit({ name: 'na', args: { x: 'v' }, types: { x: 'series float' } })).toBe('rt.isNa(v)');
    expect(emit({ name: 'na', args: { x: 's' }, types: { x: 'series string' } })).toBe('rt.isNaValue(s)');
  });
  it('nz and fixnan on numbers', () => {
    expect(
      emit({ name: 'nz', args: { source: 'v', replacement: '4' }, types: { source: 'series float' } }),
    ).toBe('rt.nz(v, 4)');
    const f = run({ name: 'fixnan', args: { source: 'v' }, types: { source: 'series float' } });
    expect(f.code).toBe('this.fixnan0.update(v)');
    expect(f.states.get('this.fixnan0')).toBe('new rt.Fixnan()');
    expect(emit({ name: 'fixnan', args: { source: 'b' }, types: { source: 'series bool' } })).toBe('b');
  });
  it('nz of a string falls back with ??', () => {
    expect(
      emit({ name: 'nz', args: { source: 's', replacement: "'-'" }, types: { source: 'series string' } }),
    ).toBe("(s ?? '-')");
  });
  it('int truncates, float is the value, bool of a number is Boolean()', () => {
    expect(emit({ name: 'int', args: { x: 'v' } })).toBe('rt.toInt(v)');
    expect(emit({ name: 'float', args: { x: 'a + b' } })).toBe('(a + b)');
    expect(emit({ name: 'bool', args: { x: 'v' }, types: { x: 'series float' } })).toBe('Boolean(v)');
  });
});

describe('str', () => {
  it('passes the mintick with a format', () => {
    expect(emit({ name: 'str.tostring', args: { value: 'x' } })).toBe('rt.str.tostring(x)');
    expect(emit({ name: 'str.tostring', args: { value: 'x', format: "'#.##'" } })).toBe(
      "rt.str.tostring(x, '#.##', ctx.syminfo.mintick)",
    );
  });
  it('collects str.format arguments into an array and formats in the exchange zone', () => {
    expect(emit({ name: 'str.format', args: { formatString: "'{0}-{1}'", arg: 'a' }, rest: ['b'] })).toBe(
      "rt.str.strFormat('{0}-{1}', [a, b], ctx.exchangeZone)",
    );
  });
  it('resolves the zone of str.format_time', () => {
    expect(emit({ name: 'str.format_time', args: { time: 't', timezone: "'UTC'" } })).toBe(
      "rt.str.format_time(t, undefined, ctx.zone('UTC'))",
    );
  });
});

describe('collections', () => {
  it('flags float arrays and writes the element type', () => {
    expect(emit({ name: 'array.new_float', args: { size: '3' } })).toBe(
      'rt.PineArray.create<number>(3, NaN, true)',
    );
    expect(emit({ name: 'array.new', args: {}, result: 'array<string>' })).toBe(
      'rt.PineArray.create<string>(0, null as never)',
    );
    // `na` arrives as NaN, typed na: a string array gets null, the na of strings.
    const naString = { initial_value: 'NaN' };
    expect(
      emit({
        name: 'array.new_string',
        args: { size: '2', ...naString },
        types: { initial_value: 'const na' },
      }),
    ).toBe('rt.PineArray.create<string>(2, null as never)');
    expect(emit({ name: 'array.from', args: { arg0: '1.5' }, rest: [], result: 'array<float>' })).toBe(
      'rt.PineArray.fromFloats(1.5)',
    );
  });
  it('calls methods on the receiver, parenthesised when needed', () => {
    expect(emit({ name: 'array.push', args: { id: 'this.a', value: 'x' } })).toBe('this.a.push(x)');
    expect(emit({ name: 'array.get', args: { id: 'c ? p : q', index: '0' } })).toBe('(c ? p : q).get(0)');
    expect(emit({ name: 'array.fill', args: { id: 'a', value: '0', index_to: '2' } })).toBe(
      'a.fill(0, undefined, 2)',
    );
  });
  it('maps order.* constants (emitted as their names) onto the runtime sort order', () => {
    expect(emit({ name: 'array.sort', args: { id: 'a', order: '"order.descending"' } })).toBe(
      "a.sort('descending')",
    );
    expect(emit({ name: 'array.sort', args: { id: 'a' } })).toBe('a.sort()');
    expect(emit({ name: 'array.sort_indices', args: { id: 'a', order: 'this.inputs.o' } })).toBe(
      "a.sort_indices((this.inputs.o === 'order.descending' ? 'descending' : 'ascending'))",
    );
    expect(emit({ name: 'matrix.sort', args: { id: 'm', order: '"order.ascending"' } })).toBe(
      "rt.matrixSort(m, undefined, 'ascending')",
    );
  });
  it('uses the statistics functions', () => {
    expect(emit({ name: 'array.stdev', args: { id: 'a' } })).toBe('rt.arrayStdev(a)');
    expect(emit({ name: 'matrix.mult', args: { id1: 'm', id2: 'n' } })).toBe('rt.matrixMult(m, n)');
  });
  it('creates maps with the value type`s na', () => {
    expect(emit({ name: 'map.new', result: 'map<string, float>' })).toBe(
      'new rt.PineMap<string, number>(NaN)',
    );
  });
});

describe('time', () => {
  it('reads the bar time for the chart timeframe and asks the context otherwise', () => {
    expect(emit({ name: 'time', args: { timeframe: "''" } })).toBe('ctx.time');
    expect(emit({ name: 'time', args: { timeframe: "'D'", session: "'0930-1600'" } })).toBe(
      "ctx.timeOf('D', '0930-1600')",
    );
    expect(emit({ name: 'time_close', args: { timeframe: 'ctx.timeframe.period' } })).toBe('ctx.time_close');
  });
  it('chooses the timestamp form by overload', () => {
    expect(emit({ name: 'timestamp', args: { dateString: "'2024-01-02'" } })).toBe(
      "rt.timestampString('2024-01-02')",
    );
    expect(emit({ name: 'timestamp', args: { year: '2024', month: '1', day: '2' } })).toBe(
      'ctx.timestamp(undefined, 2024, 1, 2)',
    );
    expect(
      emit({ name: 'timestamp', args: { timezone: "'UTC'", year: 'y', month: 'm', day: 'd', hour: '5' } }),
    ).toBe("ctx.timestamp('UTC', y, m, d, 5)");
  });
  it('keeps one timeframe tracker per call site', () => {
    const r = run({ name: 'timeframe.change', args: { timeframe: "'D'" } });
    expect(r.code).toBe("this.tfChange0.update(ctx, 'D')");
  });
});

describe('plots, drawings, alerts', () => {
  it('declares the plot once and records a number', () => {
    const r = run({ name: 'plot', args: { series: 'x', title: "'fast'" } });
    expect(r.code).toBe('ctx.plots.record(this.plot0, x)');
    expect(r.plots.get('this.plot0')).toBe('fast');
    const shape = run({ name: 'plotshape', args: { series: 'c' }, types: { series: 'series bool' } });
    expect(shape.code).toBe('ctx.plots.record(this.plot0, (c ? 1 : 0))');
  });
  it('counts drawings', () => {
    expect(emit({ name: 'label.new', args: { x: 'ctx.bar_index', y: 'ctx.high' } })).toBe(
      "ctx.drawings.create('label')",
    );
    expect(emit({ name: 'line.delete', args: { id: 'this.l' } })).toBe("ctx.drawings.remove('line', this.l)");
    expect(emit({ name: 'label.set_text', args: { id: 'l', text: "'a'" } })).toBe('ctx.drawings.update()');
    expect(emit({ name: 'bgcolor', args: { color: 'c' } })).toBe('void 0');
  });
  it('records alerts and logs as events', () => {
    expect(emit({ name: 'alert', args: { message: "'go'" } })).toBe("ctx.events.alert('go')");
    expect(emit({ name: 'log.info', args: { formatString: "'x={0}'", arg: 'x' } })).toBe(
      "ctx.events.log('info', rt.str.strFormat('x={0}', [x], ctx.exchangeZone))",
    );
  });
});

describe('request.security', () => {
  const security = (timeframe: string, symbol = 'ctx.syminfo.tickerid'): FakeCall & { code: string } =>
    run({ name: 'request.security', args: { symbol, timeframe, expression: 'ctx.close' } });
  it('is the expression itself on the chart symbol and timeframe', () => {
    expect(security("''").code).toBe('ctx.close');
    expect(security('""').code).toBe('ctx.close');
    expect(security('ctx.timeframe.period').code).toBe('ctx.close');
  });
  it('needs data the chart feed lacks for a lower timeframe or another symbol', () => {
    // Higher timeframes never reach this table (the emitter resamples the chart feed for them).
    const ltf = security("'1'");
    expect(ltf.code).toBe('MISSING_DATA');
    expect(ltf.missingData).toEqual([
      'request.security at a lower timeframe needs intrabars (bars of that timeframe), which the chart feed does not hold',
    ]);
    expect(security("''", "'NASDAQ:AAPL'").missingData).toHaveLength(1);
  });
});
