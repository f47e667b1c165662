/**
 * The demo's history, replayed in time order: each step (a booking, a charted session, a report)
 * is scheduled at the instant it happened, and runs with the clock set there, so every record
 * carries its own time and every rule that reads the clock (no booking in the past, no charting
 * before the session's day) judges it as it would have then. Steps later than `end` (the moment
 * the demo is made) have not happened yet and are dropped.
 */
export class DemoTimeline {
  readonly #steps: { at: number; order: number; run: () => Promise<void> }[] = [];
  #order = 0;
  #now: number;

  constructor(
    start: number,
    readonly end: number,
  ) {
    this.#now = start;
  }

  /** The clock of the step being run. */
  get now(): Date {
    return new Date(this.#now);
  }

  /** Schedules `run` at `at` (ms); false, and nothing scheduled, when that is after the end. */
  at(at: number, run: () => Promise<void>): boolean {
    if (at > this.end) return false;
    if (at < this.#now) throw new Error(`a demo step at ${new Date(at).toISOString()} is before the clock`);
    this.#steps.push({ at, order: this.#order++, run });
    return true;
  }

  /**
   * Runs every step in time order (steps may schedule more), calling `beforeEach` with the clock at
   * each step first and once more at the end.
   */
  async run(beforeEach: (now: Date) => Promise<void>): Promise<void> {
    for (;;) {
      let next = -1;
      this.#steps.forEach((step, i) => {
        const best = this.#steps[next];
        if (!best || step.at < best.at || (step.at === best.at && step.order < best.order)) next = i;
      });
      const [step] = next < 0 ? [] : this.#steps.splice(next, 1);
      if (!step) break;
      this.#now = step.at;
      await beforeEach(this.now);
      await step.run();
    }
    this.#now = this.end;
    await beforeEach(this.now);
  }
}
