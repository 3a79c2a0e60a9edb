/** Index of each level in `PivotPointLevels.levels` (Pine's returned array order). */
export const PIVOT_LEVEL = {
  P: 0,
  R1: 1,
  S1: 2,
  R2: 3,
  S2: 4,
  R3: 5,
  S3: 6,
  R4: 7,
  S4: 8,
  R5: 9,
  S5: 10,
} as const;

const TRADITIONAL = 1;
const FIBONACCI = 2;
const WOODIE = 3;
const DM = 4;
const CAMARILLA = 5;

/**
 * `ta.pivot_point_levels(type, anchor, developing = false)` with the bar's OHLC passed in. `levels`
 * holds the 11 values [P, R1, S1, R2, S2, R3, S3, R4, S4, R5, S5] (na where the type has no such level);
 * `update` returns P. On an anchor bar the running period (high, low, first open, and the close of the
 * bar before the anchor) becomes the "previous period" and a new one starts; levels come from the
 * previous period, or with `developing` from the running one and the current close. Na before the first
 * anchor and until a full period exists. Types (case-insensitive): Traditional/Classic, Fibonacci,
 * Woodie (P = (H + L + 2·current period open)/4), DM (DeMark: P, R1, S1), Camarilla (R1–R4, S1–S4).
 * Formulas per the TradingView "Pivot Points Standard" definitions as implemented by PyneCore; an
 * unknown type gives all na.
 */
export class PivotPointLevels {
  readonly levels: Float64Array = new Float64Array(11).fill(NaN);
  private prevHigh = NaN;
  private prevLow = NaN;
  private prevClose = NaN;
  private prevOpen = NaN;
  private periodHigh = NaN;
  private periodLow = NaN;
  private periodOpen = NaN;
  private lastClose = NaN;
  private anchored = false;
  private cachedType = '';
  private kind = 0;

  /** One bar; returns P, NaN = na. */
  update(
    open: number,
    high: number,
    low: number,
    close: number,
    type: string,
    anchor: boolean,
    developing = false,
  ): number {
    if (type !== this.cachedType) {
      this.cachedType = type;
      this.kind = pivotKind(type);
    }
    this.track(open, high, low, close, anchor);
    this.levels.fill(NaN);
    if (!this.anchored) return NaN;
    const h = developing ? this.periodHigh : this.prevHigh;
    const l = developing ? this.periodLow : this.prevLow;
    const c = developing ? close : this.prevClose;
    const o = developing ? this.periodOpen : this.prevOpen;
    if (Number.isNaN(h) || Number.isNaN(l) || Number.isNaN(c)) return NaN;
    this.compute(h, l, c, o, developing ? close : this.periodOpen);
    return this.levels[0];
  }

  private track(open: number, high: number, low: number, close: number, anchor: boolean): void {
    if (anchor) {
      this.prevHigh = this.periodHigh;
      this.prevLow = this.periodLow;
      this.prevClose = Number.isNaN(this.lastClose) ? close : this.lastClose;
      this.prevOpen = this.periodOpen;
      this.periodHigh = high;
      this.periodLow = low;
      this.periodOpen = open;
      this.anchored = true;
    } else if (Number.isNaN(this.periodHigh)) {
      this.periodHigh = high;
      this.periodLow = low;
      this.periodOpen = open;
    } else {
      if (high > this.periodHigh) this.periodHigh = high;
      if (low < this.periodLow) this.periodLow = low;
    }
    this.lastClose = close;
  }

  private compute(h: number, l: number, c: number, o: number, woodieOpen: number): void {
    const out = this.levels;
    const range = h - l;
    switch (this.kind) {
      case TRADITIONAL: {
        const p = (h + l + c) / 3;
        standardLevels(out, p, h, l, range);
        return;
      }
      case FIBONACCI: {
        const p = (h + l + c) / 3;
        out[0] = p;
        out[1] = p + 0.382 * range;
        out[2] = p - 0.382 * range;
        out[3] = p + 0.618 * range;
        out[4] = p - 0.618 * range;
        out[5] = p + range;
        out[6] = p - range;
        return;
      }
      case WOODIE: {
        if (Number.isNaN(woodieOpen)) return;
        standardLevels(out, (h + l + 2 * woodieOpen) / 4, h, l, range);
        return;
      }
      case DM: {
        if (Number.isNaN(o)) return;
        const x = c < o ? h + 2 * l + c : c > o ? 2 * h + l + c : h + l + 2 * c;
        out[0] = x / 4;
        out[1] = x / 2 - l;
        out[2] = x / 2 - h;
        return;
      }
      case CAMARILLA: {
        out[0] = (h + l + c) / 3;
        out[1] = c + (range * 1.1) / 12;
        out[2] = c - (range * 1.1) / 12;
        out[3] = c + (range * 1.1) / 6;
        out[4] = c - (range * 1.1) / 6;
        out[5] = c + (range * 1.1) / 4;
        out[6] = c - (range * 1.1) / 4;
        out[7] = c + (range * 1.1) / 2;
        out[8] = c - (range * 1.1) / 2;
        return;
      }
      default:
        return;
    }
  }
}

function standardLevels(out: Float64Array, p: number, h: number, l: number, range: number): void {
  out[0] = p;
  out[1] = 2 * p - l;
  out[2] = 2 * p - h;
  out[3] = p + range;
  out[4] = p - range;
  out[5] = 2 * p - l + range;
  out[6] = 2 * p - h - range;
}

function pivotKind(type: string): number {
  switch (type.toLowerCase()) {
    case 'traditional':
    case 'classic':
      return TRADITIONAL;
    case 'fibonacci':
      return FIBONACCI;
    case 'woodie':
      return WOODIE;
    case 'dm':
      return DM;
    case 'camarilla':
      return CAMARILLA;
    default:
      return 0;
  }
}
