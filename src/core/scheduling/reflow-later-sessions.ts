import type { Range } from '../assessment/assessment-result.js';
import { fromDayNumber } from '../dates/iso-date.js';
import { checkSlot } from './check-slot.js';
import type { ScheduleProblem } from './course-result.js';
import { intervalBefore, type CourseSpacing } from './course-spacing.js';
import { scanDay, type DayMiss, type SlotCriteria } from './day-slots.js';
import { describeDays } from './explain-no-fit.js';
import type { NormalizedPreferences } from './patient-preferences.js';
import type { PreparedSchedule } from './prepare-schedule.js';
import { parseWallTime } from './wall-clock.js';

/** A session placed in schedule indexes; practitioner and room are -1 for sessions left as booked. */
export interface Placed {
  number: number;
  practitioner: number;
  roomIndex: number;
  startMs: number;
  endMs: number;
}

export interface SessionTimes {
  number: number;
  practitionerId: string;
  roomId: string;
  startMs: number;
  endMs: number;
}

interface State {
  day: number;
  moved: number;
  shift: number;
  placed: Placed;
  prev?: State;
}

const better = (a: State, b: State | undefined) =>
  !b || a.moved < b.moved || (a.moved === b.moved && a.shift < b.shift);

/** The slot on `day` closest to `targetMs` (the session's old wall-clock time on that day). */
function nearestSlot(
  schedule: PreparedSchedule,
  practitioner: number,
  day: number,
  criteria: SlotCriteria,
  targetMs: number,
): { startMs: number; roomIndex: number } | DayMiss {
  let best: { startMs: number; roomIndex: number } | undefined;
  const outcome = scanDay(schedule, practitioner, day, criteria, (startMs, roomIndex) => {
    if (!best || Math.abs(startMs - targetMs) < Math.abs(best.startMs - targetMs)) best = { startMs, roomIndex };
    // Slots come in time order, so once past the target every later one is further away.
    return startMs >= targetMs;
  });
  return best ?? (outcome as DayMiss);
}

export interface ReflowInput {
  schedule: PreparedSchedule;
  spacing: CourseSpacing;
  /** The whole course as booked. */
  sessions: readonly SessionTimes[];
  /** The session just moved; sessions after it are re-flowed. */
  moved: Placed;
  nowMs: number;
  gridMs: number;
  /** Applied to sessions that have to move. */
  prefs: NormalizedPreferences;
}

/**
 * Places the sessions after `moved` so each interval window holds. A session keeps its booked slot
 * when that slot is on a day its window allows and still free; otherwise it moves, with its own
 * practitioner, to the slot nearest its old wall-clock time. All reachable days are kept per
 * session (dynamic programming), and the re-flow moving the fewest sessions wins, then the one
 * shifting them by the fewest days in total, then the one ending earliest.
 */
export function reflowLaterSessions(input: ReflowInput): { placed: Placed[] } | { problem: ScheduleProblem } {
  const { schedule, sessions, nowMs, prefs } = input;
  const cal = schedule.calendar;
  const firstDay = cal.dayOf(input.moved.startMs);
  let states = new Map<number, State>([[firstDay, { day: firstDay, moved: 0, shift: 0, placed: input.moved }]]);
  for (let j = input.moved.number + 1; j <= sessions.length; j++) {
    const s = sessions[j - 1]!;
    const p = schedule.practitionerIndex(s.practitionerId);
    if (p < 0) {
      const message = `Practitioner ${s.practitionerId} of session ${j} does not work at ${schedule.input.location.id}.`;
      return { problem: { code: 'practitioner_unavailable', message, practitionerId: s.practitionerId, session: j } };
    }
    const length = s.endMs - s.startMs;
    const old = cal.local(s.startMs);
    const oldMinute = parseWallTime(old.time);
    const keep =
      s.startMs >= nowMs ? checkSlot(schedule, p, s.startMs, length, schedule.roomIndex(s.roomId)) : undefined;
    const criteria: SlotCriteria = { lengthMs: length, gridMs: input.gridMs, notBeforeMs: nowMs };
    if (prefs.weekdays) criteria.weekdays = prefs.weekdays;
    if (prefs.windows) criteria.windows = prefs.windows;
    const gap: Range = intervalBefore(input.spacing, j);
    const reach = [...states.keys()].sort((a, b) => a - b);
    const lo = reach[0]! + gap.min;
    const hi = reach[reach.length - 1]! + gap.max;
    const next = new Map<number, State>();
    const misses: Partial<Record<DayMiss, number>> = {};
    for (let d = lo; d <= hi; d++) {
      let pred: State | undefined;
      for (const r of reach)
        if (d - r >= gap.min && d - r <= gap.max && better(states.get(r)!, pred)) pred = states.get(r)!;
      if (!pred) continue;
      let placed: Placed;
      let moved = 1;
      if (d === old.day && keep?.ok) {
        placed = { number: j, practitioner: p, roomIndex: keep.roomIndex, startMs: s.startMs, endMs: s.endMs };
        moved = 0;
      } else {
        const slot = nearestSlot(schedule, p, d, criteria, cal.wallToMs(d, oldMinute));
        if (typeof slot === 'string') {
          misses[slot] = (misses[slot] ?? 0) + 1;
          continue;
        }
        placed = {
          number: j,
          practitioner: p,
          roomIndex: slot.roomIndex,
          startMs: slot.startMs,
          endMs: slot.startMs + length,
        };
      }
      next.set(d, { day: d, moved: pred.moved + moved, shift: pred.shift + Math.abs(d - old.day), placed, prev: pred });
    }
    if (next.size === 0) {
      const [from, to] = [fromDayNumber(lo), fromDayNumber(hi)];
      const who = schedule.practitioners[p]!.name ?? s.practitionerId;
      const message = `Session ${j} must be ${gap.min}-${gap.max} days after session ${j - 1}, between ${from} and ${to}, but ${who} has no free slot on those days (${describeDays(misses)}).`;
      return {
        problem: {
          code: 'interval_window_blocked',
          message,
          session: j,
          from,
          to,
          days: misses,
          practitionerId: s.practitionerId,
        },
      };
    }
    states = next;
  }

  let last: State | undefined;
  for (const st of states.values())
    if (better(st, last) || (last && st.moved === last.moved && st.shift === last.shift && st.day < last.day))
      last = st;
  const placed: Placed[] = [];
  for (let st = last; st; st = st.prev) placed.unshift(st.placed);
  return { placed };
}
