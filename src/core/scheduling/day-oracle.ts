import { dayMisses, scanDay, type DayMiss, type SlotCriteria } from './day-slots.js';
import type { PreparedSchedule } from './prepare-schedule.js';

export interface DaySlot {
  startMs: number;
  roomIndex: number;
}

const UNKNOWN = -2;
const FOUND = -1;

/**
 * The earliest free slot of each practitioner on each day of a search window, computed on first
 * use and remembered for the rest of the call: the course search asks about the same days many
 * times, from different first-session candidates.
 */
export class DayOracle {
  private readonly state: Int8Array;
  private readonly starts: Float64Array;
  private readonly rooms: Int32Array;
  private readonly width: number;

  constructor(
    readonly schedule: PreparedSchedule,
    readonly criteria: SlotCriteria,
    readonly startDay: number,
    readonly endDay: number,
  ) {
    this.width = endDay - startDay + 1;
    const size = schedule.practitioners.length * this.width;
    this.state = new Int8Array(size).fill(UNKNOWN);
    this.starts = new Float64Array(size);
    this.rooms = new Int32Array(size);
  }

  private evaluate(practitioner: number, day: number): number {
    const i = practitioner * this.width + (day - this.startDay);
    let s = this.state[i]!;
    if (s === UNKNOWN) {
      const outcome = scanDay(this.schedule, practitioner, day, this.criteria, (startMs, roomIndex) => {
        this.starts[i] = startMs;
        this.rooms[i] = roomIndex;
        return true;
      });
      s = outcome === 'found' ? FOUND : dayMisses.indexOf(outcome);
      this.state[i] = s;
    }
    return i;
  }

  ok(practitioner: number, day: number): boolean {
    if (day < this.startDay || day > this.endDay) return false;
    return this.state[this.evaluate(practitioner, day)] === FOUND;
  }

  slot(practitioner: number, day: number): DaySlot | undefined {
    if (!this.ok(practitioner, day)) return undefined;
    const i = practitioner * this.width + (day - this.startDay);
    return { startMs: this.starts[i]!, roomIndex: this.rooms[i]! };
  }

  /** Why there is no slot, or undefined when there is one. */
  miss(practitioner: number, day: number): DayMiss | undefined {
    if (day < this.startDay || day > this.endDay) return undefined;
    const s = this.state[this.evaluate(practitioner, day)]!;
    return s === FOUND ? undefined : dayMisses[s];
  }
}
