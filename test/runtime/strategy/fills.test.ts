import { describe, expect, it } from 'vitest';
import { fills, runTape } from './tape.js';
import type { Bar } from './tape.js';

// Flat filler bar: nothing in these tests trades near 100 ± 0.5 unless stated.
const FLAT: Bar = [100, 100.5, 99.5, 100];

describe('market orders', () => {
  it('fill at the next bar open (TV-BROKER §3.1)', () => {
    // Signal on bar 0's close; bar 1 opens at 101 → entry 101. Close on bar 2 → exit at bar 3's open 103.
    const s = runTape(
      {},
      [FLAT, [101, 102, 100, 101.5], [102, 103, 101, 102], [103, 104, 102, 103]],
      (s, i) => {
        if (i === 0) s.entry('L', 'long');
        if (i === 2) s.close('L');
      },
    );
    expect(fills(s)).toEqual(['L 1 101@1 -> 103@3 Close entry(s) order L']);
  });

  it('process_orders_on_close fills at the signal bar close (TV-BROKER §3.8)', () => {
    const s = runTape({ processOrdersOnClose: true }, [FLAT, [101, 102, 100, 101.5], FLAT], (s, i) => {
      if (i === 0) s.entry('L', 'long');
      if (i === 1) s.close('L');
    });
    // Entry at bar 0's close 100, exit at bar 1's close 101.5.
    expect(fills(s)).toEqual(['L 1 100@0 -> 101.5@1 Close entry(s) order L']);
  });

  it('strategy.close(immediately=true) fills at the current close', () => {
    const s = runTape({}, [FLAT, [101, 102, 100, 101.5], FLAT], (s, i) => {
      if (i === 0) s.entry('L', 'long');
      if (i === 1) s.close('L', { immediately: true });
    });
    expect(fills(s)).toEqual(['L 1 101@1 -> 101.5@1 Close entry(s) order L']);
  });

  it('names a close by its comment, else by the default signal (an empty comment counts as none)', () => {
    // TradingView's default exit signals: "Close entry(s) order <id>" and "Close position order".
    const bars: Bar[] = [
      FLAT,
      [101, 102, 100, 101.5],
      [102, 103, 101, 102],
      [103, 104, 102, 103],
      FLAT,
      FLAT,
    ];
    const s = runTape({ pyramiding: 3 }, bars, (s, i) => {
      if (i === 0) s.entry('A', 'long');
      if (i === 1) s.close('A', { comment: '' });
      if (i === 2) s.entry('B', 'long');
      if (i === 3) s.closeAll();
      if (i === 3) s.entry('C', 'long');
      if (i === 4) s.close('C', { comment: 'done' });
    });
    expect(fills(s)).toEqual([
      'L 1 101@1 -> 102@2 Close entry(s) order A',
      'L 1 103@3 -> 100@4 Close position order',
      'L 1 100@4 -> 100@5 done',
    ]);
  });

  it('a close placed while the entry is still pending does nothing', () => {
    const s = runTape({}, [FLAT, FLAT, FLAT], (s, i) => {
      if (i === 0) {
        s.entry('L', 'long');
        s.close('L');
      }
    });
    expect(s.positionSize).toBe(1);
  });
});

describe('price orders and the intrabar path', () => {
  it('limit entry fills at the limit, or at a better gap open', () => {
    // Buy limit 98: bar 1 dips to 97.5 from 99 → fills at 98. Second order: limit 95, bar 3 opens at 94 → 94.
    const s = runTape({ pyramiding: 2 }, [FLAT, [99, 99.5, 97.5, 99], FLAT, [94, 95, 93, 94.5]], (s, i) => {
      if (i === 0) s.entry('A', 'long', { limit: 98 });
      if (i === 2) s.entry('B', 'long', { limit: 95 });
    });
    expect(s.broker.openTrades.map((t) => t.entryPrice)).toEqual([98, 94]);
  });

  it('stop entry fills at the stop, or at a worse gap open', () => {
    const s = runTape(
      { pyramiding: 2 },
      [FLAT, [100, 106, 99.8, 105], FLAT, [107, 108, 106, 107]],
      (s, i) => {
        if (i === 0) s.entry('A', 'long', { stop: 105 });
        if (i === 2) s.entry('B', 'long', { stop: 104 });
      },
    );
    expect(s.broker.openTrades.map((t) => t.entryPrice)).toEqual([105, 107]);
  });

  it('stop-limit: the stop arms a limit that fills later on the path', () => {
    // Bar 1: O=100 H=106 L=99 C=103. Open is nearer the low → O→L→H→C. The low leg does nothing, the
    // rise crosses the stop 105 (arming a buy limit 104), the fall to 103 crosses 104 → fill at 104.
    const s = runTape({}, [FLAT, [100, 106, 99, 103]], (s, i) => {
      if (i === 0) s.entry('L', 'long', { stop: 105, limit: 104 });
    });
    expect(s.positionAvgPrice).toBe(104);
  });

  it('open nearer the high walks O→H→L→C, so the take-profit wins', () => {
    // Long from 100 (bar 1 open). Bar 2: O=100 H=103 L=96 C=100: 103−100 < 100−96 → high first → TP 102.
    const s = runTape({}, [FLAT, FLAT, [100, 103, 96, 100]], (s, i) => {
      if (i === 0) {
        s.entry('L', 'long');
        s.exit('X', { fromEntry: 'L', limit: 102, stop: 97 });
      }
    });
    expect(fills(s)).toEqual(['L 1 100@1 -> 102@2 X']);
  });

  it('a tie between open-high and open-low walks O→L→H→C, so the stop wins', () => {
    const s = runTape({}, [FLAT, FLAT, [100, 103, 97, 100]], (s, i) => {
      if (i === 0) {
        s.entry('L', 'long');
        s.exit('X', { fromEntry: 'L', limit: 102, stop: 98, commentLoss: 'SL' });
      }
    });
    expect(fills(s)).toEqual(['L 1 100@1 -> 98@2 SL']);
  });

  it('exit profit/loss are ticks from the entry price', () => {
    // Entry 100; profit 150 ticks × 0.01 = 101.5; bar 2 reaches 101.6 → exit 101.5.
    const s = runTape({}, [FLAT, FLAT, [100.2, 101.6, 100.1, 101]], (s, i) => {
      if (i === 0) s.entry('L', 'long');
      s.exit('X', { fromEntry: 'L', profit: 150, loss: 300 });
    });
    expect(fills(s)).toEqual(['L 1 100@1 -> 101.5@2 X']);
  });

  it('a stop gapped through at the open fills at the open', () => {
    const s = runTape({}, [FLAT, FLAT, [96, 97, 95, 96]], (s, i) => {
      if (i === 0) s.entry('L', 'long');
      if (i === 1) s.exit('X', { fromEntry: 'L', stop: 98 });
    });
    expect(fills(s)).toEqual(['L 1 100@1 -> 96@2 X']);
  });

  it('trailing stop activates at trail_points and trails by trail_offset', () => {
    // Entry 100. trail_points 200 ticks → activation 102; offset 100 ticks → 1.00 below the best.
    // Bar 2 (O=100 H=103 L=99.9, open nearer the low: O→L→H→C) activates and sets best 103 → stop 102;
    // bar 3 falls from 102.8 to 101 → exit at 102.
    const s = runTape({}, [FLAT, FLAT, [100, 103, 99.9, 102.5], [102.8, 102.9, 101, 101.5]], (s, i) => {
      if (i === 0) s.entry('L', 'long');
      if (s.positionSize > 0) s.exit('T', { fromEntry: 'L', trailPoints: 200, trailOffset: 100 });
    });
    expect(fills(s)).toEqual(['L 1 100@1 -> 102@3 T']);
  });
});

describe('positions', () => {
  it('an opposite entry reverses: it adds the open size', () => {
    const s = runTape({}, [FLAT, FLAT, [101, 101, 101, 101]], (s, i) => {
      if (i === 0) s.entry('L', 'long', { qty: 3 });
      if (i === 1) s.entry('S', 'short', { qty: 2 });
    });
    // The reversal exit row carries the new entry's id as its signal (TV-EXPORTS §1.1).
    expect(fills(s)).toEqual(['L 3 100@1 -> 101@2 S']);
    expect(s.positionSize).toBe(-2);
  });

  it('pyramiding limits same-direction entries', () => {
    const s = runTape({ pyramiding: 2 }, [FLAT, FLAT, FLAT, FLAT], (s) => {
      s.entry('L', 'long');
    });
    expect(s.opentrades).toBe(2);
  });

  it('strategy.order ignores pyramiding and nets the position', () => {
    const s = runTape({}, [FLAT, FLAT, FLAT], (s, i) => {
      if (i < 2) s.order('O', 'long', { qty: 2 });
      if (i === 1) s.order('P', 'short', { qty: 3 });
    });
    // bar 1: +2; bar 2: +2 then −3 (closes FIFO 3 of the 4) → +1.
    expect(s.positionSize).toBe(1);
  });

  it('close_entries_rule FIFO closes the oldest trade even when the exit names a later entry', () => {
    const bars: Bar[] = [FLAT, FLAT, [100, 104, 99.9, 103]];
    const script = (s: import('../../../src/runtime/strategy/strategy.js').PineStrategy, i: number): void => {
      if (i === 0) s.entry('A', 'long');
      if (i === 1) s.entry('B', 'long');
      if (i === 1) s.exit('XB', { fromEntry: 'B', limit: 103 });
    };
    expect(runTape({ pyramiding: 2 }, bars, script).broker.closedTrades[0].entryId).toBe('A');
    expect(
      runTape({ pyramiding: 2, closeEntriesRule: 'ANY' }, bars, script).broker.closedTrades[0].entryId,
    ).toBe('B');
  });

  it('qty_percent exits reserve parts of the trade', () => {
    // 4 contracts at 100; TP1 closes 50 % at 101, TP2 the rest at 102.
    const s = runTape({}, [FLAT, FLAT, [100, 101.5, 99.9, 101], [101, 102.5, 100.9, 102]], (s, i) => {
      if (i === 0) {
        s.entry('L', 'long', { qty: 4 });
        s.exit('TP1', { fromEntry: 'L', qtyPercent: 50, limit: 101 });
        s.exit('TP2', { fromEntry: 'L', limit: 102 });
      }
    });
    expect(fills(s)).toEqual(['L 2 100@1 -> 101@2 TP1', 'L 2 100@1 -> 102@3 TP2']);
  });
});

describe('OCA groups', () => {
  it('cancel: the first fill cancels its siblings', () => {
    const s = runTape({}, [FLAT, [100, 106, 99.9, 105], [105, 105, 94, 95]], (s, i) => {
      if (i === 0) {
        s.entry('Up', 'long', { stop: 105, ocaName: 'g', ocaType: 'cancel' });
        s.entry('Dn', 'short', { stop: 95, ocaName: 'g', ocaType: 'cancel' });
      }
    });
    expect(s.positionSize).toBe(1);
    expect(s.broker.orders.length).toBe(0);
  });

  it('reduce: siblings shrink by the filled quantity', () => {
    const s = runTape({ pyramiding: 3 }, [FLAT, [100, 106, 99.9, 105]], (s, i) => {
      if (i === 0) {
        s.order('A', 'long', { qty: 1, stop: 105, ocaName: 'g', ocaType: 'reduce' });
        s.order('B', 'long', { qty: 3, limit: 90, ocaName: 'g', ocaType: 'reduce' });
      }
    });
    expect(s.broker.orders.map((o) => o.qty)).toEqual([2]);
  });
});
