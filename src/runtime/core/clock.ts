/**
 * The bar the script is executing, shared by every series of one run.
 *
 * A series compares its own last-written bar with `clock.bar` to know whether an assignment opens
 * a new history slot or revises the current one, so the bar loop never has to visit each series.
 */
export class BarClock {
  /** Index of the executing bar; -1 before the first bar. */
  bar: number;

  constructor() {
    this.bar = -1;
  }
}
