import type { Range } from '../assessment/assessment-result.js';
import { fromDayNumber } from '../dates/iso-date.js';
import type { ScheduleProblem } from './course-result.js';
import type { ChainFailure } from './day-chain.js';
import type { DayOracle } from './day-oracle.js';
import { dayMisses, type DayMiss } from './day-slots.js';

const missLabels: Record<DayMiss, string> = {
  no_hours: 'not a working day',
  time_off: 'time off or closed',
  too_short: 'working hours too short for the session',
  weekday: 'not a preferred weekday',
  time_of_day: 'no working hours in the preferred times',
  past: 'already past',
  booked: 'fully booked',
  no_room: 'no free room',
};

export interface DayCount {
  usable: number;
  days: Partial<Record<DayMiss, number>>;
}

/**
 * Per local day in from..to: usable when any candidate has a slot, otherwise counted under the
 * reason of the candidate that came closest (fully booked is closer than not working).
 */
export function countDays(oracle: DayOracle, candidates: readonly number[], from: number, to: number): DayCount {
  const out: DayCount = { usable: 0, days: {} };
  for (let d = Math.max(from, oracle.startDay); d <= Math.min(to, oracle.endDay); d++) {
    let closest = -1;
    for (const p of candidates) {
      const miss = oracle.miss(p, d);
      if (miss === undefined) {
        closest = dayMisses.length;
        break;
      }
      closest = Math.max(closest, dayMisses.indexOf(miss));
    }
    if (closest === dayMisses.length) out.usable += 1;
    else if (closest >= 0) {
      const reason = dayMisses[closest]!;
      out.days[reason] = (out.days[reason] ?? 0) + 1;
    }
  }
  return out;
}

export function describeDays(days: Partial<Record<DayMiss, number>>): string {
  const parts = dayMisses
    .filter((m) => days[m])
    .map((m) => `${days[m]} ${days[m] === 1 ? 'day' : 'days'} ${missLabels[m]}`);
  return parts.join(', ') || 'no days';
}

export interface NoFitContext {
  oracle: DayOracle;
  candidates: readonly number[];
  /** Set when the patient asked for one practitioner. */
  practitioner?: { id: string; label: string };
  gaps: readonly Range[];
  failure?: ChainFailure;
  sessionMinutes: number;
  hasPreferences: boolean;
}

/** Plain-data reasons why no course fits, each with a sentence a receptionist can read out. */
export function explainNoFit(ctx: NoFitContext): ScheduleProblem[] {
  const { oracle, failure } = ctx;
  const from = fromDayNumber(oracle.startDay);
  const to = fromDayNumber(oracle.endDay);
  const who = ctx.practitioner?.label ?? 'Practitioners';
  const practitionerId = ctx.practitioner?.id;
  const all = countDays(oracle, ctx.candidates, oracle.startDay, oracle.endDay);

  if (all.usable === 0) {
    const c = all.days;
    const base = { from, to, days: c, ...(practitionerId ? { practitionerId } : {}) };
    const summary = describeDays(c);
    if (c.booked || c.no_room) {
      if (!c.booked)
        return [
          {
            code: 'no_free_room',
            message: `${who} ${ctx.practitioner ? 'has' : 'have'} free time between ${from} and ${to}, but no room is free then (${summary}).`,
            ...base,
          },
        ];
      if (practitionerId)
        return [
          {
            code: 'practitioner_unavailable',
            message: `${who} is fully booked between ${from} and ${to} (${summary}).`,
            ...base,
          },
        ];
      return [
        {
          code: 'fully_booked',
          message: `Every practitioner is fully booked between ${from} and ${to} (${summary}).`,
          ...base,
        },
      ];
    }
    if (practitionerId && c.time_off && !c.too_short && !c.weekday && !c.time_of_day) {
      return [
        {
          code: 'practitioner_unavailable',
          message: `${who} is away or the clinic is closed on every working day between ${from} and ${to} (${summary}).`,
          ...base,
        },
      ];
    }
    const where = ctx.hasPreferences ? ' on the preferred days and times' : '';
    const subject = ctx.practitioner ? `${ctx.practitioner.label} has no` : 'No practitioner has';
    return [
      {
        code: 'no_working_hours_in_window',
        message: `${subject} working hours long enough for a ${ctx.sessionMinutes}-minute session${where} between ${from} and ${to} (${summary}).`,
        ...base,
      },
    ];
  }

  if (!failure) return [];
  const window = countDays(oracle, ctx.candidates, failure.from, failure.to);
  const gap = ctx.gaps[failure.session - 2]!;
  const wFrom = fromDayNumber(failure.from);
  const wTo = fromDayNumber(failure.to);
  const problems: ScheduleProblem[] = [
    {
      code: 'interval_window_blocked',
      message:
        `Session ${failure.session} must be ${gap.min}-${gap.max} days after session ${failure.session - 1}, between ${wFrom} and ${wTo} ` +
        `(first session on ${fromDayNumber(failure.firstDay)}), but ${ctx.practitioner ? `${ctx.practitioner.label} has no` : 'no practitioner has a'} free ${ctx.sessionMinutes}-minute slot on any of those days (${describeDays(window.days)}).`,
      session: failure.session,
      from: wFrom,
      to: wTo,
      days: window.days,
      ...(practitionerId ? { practitionerId } : {}),
    },
  ];
  if (failure.cutByHorizon) {
    problems.push({
      code: 'horizon_exceeded',
      message: `The course cannot be completed by ${to}, the end of the search horizon; a longer horizon or a later course may fit.`,
      session: failure.session,
      from,
      to,
    });
  }
  return problems;
}
