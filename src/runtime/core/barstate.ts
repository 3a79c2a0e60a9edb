/**
 * `barstate.*` for the executing bar. In a backtest over exported history every bar is historical
 * and confirmed; with `lastBarRealtime` the last bar plays the live bar (isrealtime, not confirmed),
 * and the bar before it is `islastconfirmedhistory`.
 */
export class BarState {
  isfirst: boolean;
  islast: boolean;
  ishistory: boolean;
  isrealtime: boolean;
  isnew: boolean;
  isconfirmed: boolean;
  islastconfirmedhistory: boolean;

  constructor() {
    this.isfirst = false;
    this.islast = false;
    this.ishistory = true;
    this.isrealtime = false;
    this.isnew = true;
    this.isconfirmed = true;
    this.islastconfirmedhistory = false;
  }

  /** Updates every flag for bar `i` of `last + 1` bars. */
  update(i: number, last: number, lastBarRealtime: boolean): void {
    this.isfirst = i === 0;
    this.islast = i === last;
    const realtime = lastBarRealtime && i === last;
    this.isrealtime = realtime;
    this.ishistory = !realtime;
    this.isnew = true;
    this.isconfirmed = !realtime;
    this.islastconfirmedhistory = lastBarRealtime ? i === last - 1 : i === last;
  }
}
