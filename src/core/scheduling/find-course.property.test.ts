import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type {
  AvailabilityException,
  Booking,
  PractitionerAvailability,
  ScheduleInput,
  Weekday,
  WeeklyHours,
} from './availability.js';
import type { CoursePlan, CourseRequest, PatientPreferences } from './course-request.js';
import type { ProposedCourse, Relaxation } from './course-result.js';
import { findCourse } from './find-course.js';
import { rescheduleSession } from './reschedule-session.js';
import { formatWallTime } from './wall-clock.js';

/**
 * Every course the finder proposes is checked here against the raw input with Temporal directly,
 * without the finder's index, day cache or grid arithmetic.
 */

const zones = [
  'Europe/London',
  'Europe/Istanbul',
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
];
const BASE = Temporal.PlainDate.from('2026-01-01');
const plainDate = (offset: number) => BASE.add({ days: offset });
const wall = (m: number) => (m >= 1440 ? '24:00' : formatWallTime(m));

const sometimes = <T>(arb: fc.Arbitrary<T>, percent: number) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 100 - percent }, { arbitrary: arb, weight: percent });
const spanOf = (minLength: number, maxLength: number) =>
  fc
    .record({
      start: fc.integer({ min: 0, max: 275 }).map((x) => x * 5),
      length: fc.integer({ min: minLength / 5, max: maxLength / 5 }).map((x) => x * 5),
    })
    .map(({ start, length }) => ({ start: wall(start), end: wall(Math.min(1440, start + length)) }));
const spanArb = spanOf(30, 600);
const weeklyArb: fc.Arbitrary<WeeklyHours> = fc
  .tuple(...[1, 2, 3, 4, 5, 6, 7].map(() => sometimes(fc.array(spanArb, { minLength: 1, maxLength: 2 }), 70)))
  .map((days) => Object.fromEntries(days.flatMap((spans, i) => (spans ? [[i + 1, spans]] : []))) as WeeklyHours);

function exceptionArb(firstDay: number): fc.Arbitrary<AvailabilityException> {
  return fc.oneof(
    fc
      .record({ from: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 4 }) })
      .map(({ from, length }) => ({
        kind: 'days' as const,
        from: plainDate(firstDay + from).toString(),
        to: plainDate(firstDay + from + length).toString(),
      })),
    fc
      .record({ at: fc.integer({ min: 0, max: 40 * 96 }), length: fc.integer({ min: 1, max: 40 }) })
      .map(({ at, length }) => {
        const start = plainDate(firstDay)
          .toPlainDateTime()
          .add({ minutes: at * 15 });
        return {
          kind: 'hours' as const,
          start: start.toString().slice(0, 16),
          end: start
            .add({ minutes: length * 15 })
            .toString()
            .slice(0, 16),
        };
      }),
  );
}

const rangeArb = (lo: number, hi: number, extra: number) =>
  fc.integer({ min: lo, max: hi }).chain((min) => fc.integer({ min, max: min + extra }).map((max) => ({ min, max })));

const scenarioArb = fc
  .record({
    zone: fc.constantFrom(...zones),
    firstDay: fc.integer({ min: 0, max: 330 }),
    practitionerCount: fc.integer({ min: 1, max: 3 }),
    roomCount: fc.integer({ min: 1, max: 3 }),
  })
  .chain((base) => {
    const ids = Array.from({ length: base.practitionerCount }, (_, i) => `p${i}`);
    const rooms = Array.from({ length: base.roomCount }, (_, i) => `r${i}`);
    const practitioner = (id: string) =>
      fc
        .record({
          weeklyHours: weeklyArb,
          exceptions: fc.array(exceptionArb(base.firstDay), { maxLength: 2 }),
          roomIds: fc.option(fc.subarray(rooms, { minLength: 1 }), { nil: undefined }),
        })
        .map((p): PractitionerAvailability => ({
          practitionerId: id,
          ...p,
          ...(p.roomIds ? { roomIds: p.roomIds } : {}),
        }));
    const booking: fc.Arbitrary<Booking> = fc
      .record({
        who: fc.constantFrom(...ids, 'other'),
        room: fc.constantFrom(...rooms, 'elsewhere'),
        at: fc.integer({ min: 0, max: 45 * 288 }),
        length: fc.integer({ min: 2, max: 48 }),
      })
      .map(({ who, room, at, length }) => {
        const start = plainDate(base.firstDay)
          .toZonedDateTime(base.zone)
          .toInstant()
          .add({ minutes: at * 5 });
        return {
          practitionerId: who,
          roomId: room,
          start: start.toString(),
          end: start.add({ minutes: length * 5 }).toString(),
        };
      });
    const plan: fc.Arbitrary<CoursePlan> = fc
      .record({
        sessions: rangeArb(1, 4, 2),
        intervalDays: rangeArb(1, 8, 7),
        later: fc.option(rangeArb(1, 12, 10), { nil: undefined }),
        duration: fc.integer({ min: 2, max: 24 }).map((x) => x * 5),
        cream: fc.boolean(),
      })
      .map((p) => ({
        sessions: p.sessions,
        intervalDays: p.intervalDays,
        ...(p.later ? { laterIntervalDays: p.later } : {}),
        durationMinutes: { min: 1, max: p.duration },
        anaesthesia: { creamOffered: p.cream, leadMinutes: { min: 5, max: 20 } },
      }));
    const preferences: fc.Arbitrary<PatientPreferences> = fc
      .record({
        weekdays: sometimes(fc.subarray([1, 2, 3, 4, 5, 6, 7] as Weekday[], { minLength: 3 }), 30),
        timesOfDay: sometimes(fc.array(spanOf(120, 720), { minLength: 1, maxLength: 2 }), 30),
        practitionerId: sometimes(fc.constantFrom(...ids), 40),
      })
      .map((p) => JSON.parse(JSON.stringify(p)) as PatientPreferences);
    return fc.record({
      base: fc.constant(base),
      practitioners: fc.tuple(...ids.map(practitioner)),
      rooms: fc.constant(rooms),
      closures: fc.array(exceptionArb(base.firstDay), { maxLength: 1 }),
      bookings: fc.array(booking, { maxLength: 60 }),
      plan,
      sessionsExtra: fc.nat(2),
      switchAfter: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      preferences,
      nowMinutes: fc.integer({ min: 0, max: 3 * 1440 }),
      earliestStart: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      horizonDays: fc.integer({ min: 20, max: 70 }),
      granularity: fc.constantFrom(5, 10, 15, 30),
    });
  });

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function toRequest(s: Scenario): CourseRequest & { schedule: ScheduleInput } {
  const schedule: ScheduleInput = {
    location: { id: 'loc', timeZone: s.base.zone, rooms: s.rooms.map((id) => ({ id })), closures: s.closures },
    practitioners: s.practitioners,
    bookings: s.bookings,
  };
  const now = plainDate(s.base.firstDay)
    .toZonedDateTime(s.base.zone)
    .toInstant()
    .add({ minutes: s.nowMinutes })
    .toString();
  const sessions = Math.min(s.plan.sessions.max, s.plan.sessions.min + s.sessionsExtra);
  return {
    schedule,
    plan: s.plan,
    sessions,
    ...(s.plan.laterIntervalDays && s.switchAfter !== undefined ? { switchAfter: s.switchAfter } : {}),
    now,
    ...(s.earliestStart !== undefined
      ? { earliestStart: plainDate(s.base.firstDay + s.earliestStart).toString() }
      : {}),
    preferences: s.preferences,
    horizonDays: s.horizonDays,
    granularityMinutes: s.granularity,
  };
}

// ---- the independent checker --------------------------------------------------------------------

const ms = (instant: string) => Temporal.Instant.from(instant).epochMilliseconds;
function wallInstant(zone: string, date: Temporal.PlainDate, time: string): number {
  if (time === '24:00') return date.add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds;
  return date.toPlainDateTime(Temporal.PlainTime.from(time)).toZonedDateTime(zone, { disambiguation: 'compatible' })
    .epochMilliseconds;
}
function exceptionRange(zone: string, ex: AvailabilityException): [number, number] {
  if (ex.kind === 'days')
    return [
      Temporal.PlainDate.from(ex.from).toZonedDateTime(zone).epochMilliseconds,
      Temporal.PlainDate.from(ex.to).add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds,
    ];
  const at = (v: string) =>
    Temporal.PlainDateTime.from(v).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
  return [at(ex.start), at(ex.end)];
}

/** Whether [start, end) lies inside the union of the ranges (overlapping spans are one stretch of work). */
function covered(ranges: [number, number][], start: number, end: number): boolean {
  let reach = start;
  for (const [a, b] of ranges.sort((x, y) => x[0] - y[0])) if (a <= reach && b > reach) reach = b;
  return reach >= end;
}

/** Why one session at [start, end) with this practitioner and room breaks the rules, or undefined. */
function slotViolation(
  req: CourseRequest & { schedule: ScheduleInput },
  practitionerId: string,
  roomId: string,
  start: number,
  end: number,
  prefs: PatientPreferences,
): string | undefined {
  const { location, practitioners, bookings } = req.schedule;
  const zone = location.timeZone;
  const p = practitioners.find((x) => x.practitionerId === practitionerId);
  if (!p) return 'unknown practitioner';
  if (!(p.roomIds ?? location.rooms.map((r) => r.id)).includes(roomId)) return 'room not allowed';
  const zdt = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(zone);
  const date = zdt.toPlainDate();
  const spans = p.weeklyHours[zdt.dayOfWeek as Weekday] ?? [];
  if (
    !covered(
      spans.map((sp) => [wallInstant(zone, date, sp.start), wallInstant(zone, date, sp.end)]),
      start,
      end,
    )
  )
    return 'outside working hours';
  for (const ex of [...(p.exceptions ?? []), ...(location.closures ?? [])]) {
    const [a, b] = exceptionRange(zone, ex);
    if (a < end && start < b) return 'in time off';
  }
  for (const b of bookings)
    if ((b.practitionerId === practitionerId || b.roomId === roomId) && ms(b.start) < end && start < ms(b.end))
      return 'overlaps a booking';
  if (start < ms(req.now)) return 'in the past';
  if (req.earliestStart && date.toString() < req.earliestStart) return 'before earliest start';
  if (prefs.weekdays?.length && !prefs.weekdays.includes(zdt.dayOfWeek as Weekday)) return 'not a preferred weekday';
  if (
    prefs.timesOfDay?.length &&
    !covered(
      prefs.timesOfDay.map((w) => [wallInstant(zone, date, w.start), wallInstant(zone, date, w.end)]),
      start,
      end,
    )
  )
    return 'outside preferred times';
  const fromDayStart = start - date.toZonedDateTime(zone).epochMilliseconds;
  if (fromDayStart % ((req.granularityMinutes ?? 15) * 60_000) !== 0) return 'off the grid';
  return undefined;
}

function intervalFor(req: CourseRequest, session: number) {
  return req.plan.laterIntervalDays && req.switchAfter !== undefined && session > req.switchAfter
    ? req.plan.laterIntervalDays
    : req.plan.intervalDays;
}

function courseViolation(
  req: CourseRequest & { schedule: ScheduleInput },
  course: ProposedCourse,
  relaxed: readonly Relaxation[] = [],
): string | undefined {
  const zone = req.schedule.location.timeZone;
  const prefs: PatientPreferences = { ...req.preferences };
  if (relaxed.includes('weekdays')) delete prefs.weekdays;
  if (relaxed.includes('time_of_day')) delete prefs.timesOfDay;
  if (relaxed.includes('practitioner')) delete prefs.practitionerId;
  if (course.sessions.length !== req.sessions) return 'wrong session count';
  const length =
    (req.plan.durationMinutes.max + (req.plan.anaesthesia.creamOffered ? req.plan.anaesthesia.leadMinutes.max : 0)) *
    60_000;
  let previous: Temporal.PlainDate | undefined;
  for (const [i, s] of course.sessions.entries()) {
    const start = ms(s.start);
    const end = ms(s.end);
    if (end - start !== length) return `session ${s.number}: wrong length`;
    if (prefs.practitionerId && s.practitionerId !== prefs.practitionerId)
      return `session ${s.number}: not the preferred practitioner`;
    const why = slotViolation(req, s.practitionerId, s.roomId, start, end, prefs);
    if (why) return `session ${s.number}: ${why}`;
    const date = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(zone).toPlainDate();
    if (date.toString() !== s.localDate) return `session ${s.number}: wrong local date`;
    if (previous) {
      const days = previous.until(date).days;
      const r = intervalFor(req, i + 1);
      if (days < r.min || days > r.max)
        return `session ${s.number}: ${days} days after the previous, outside ${r.min}-${r.max}`;
    }
    previous = date;
  }
  return undefined;
}

/** Earliest valid slot per practitioner and local day, by trying every grid start with the checker. */
function bruteForceDays(req: CourseRequest & { schedule: ScheduleInput }, length: number) {
  const zone = req.schedule.location.timeZone;
  const nowDate = Temporal.Instant.from(req.now).toZonedDateTimeISO(zone).toPlainDate();
  let first = nowDate;
  if (req.earliestStart && Temporal.PlainDate.compare(Temporal.PlainDate.from(req.earliestStart), first) > 0)
    first = Temporal.PlainDate.from(req.earliestStart);
  const grid = (req.granularityMinutes ?? 15) * 60_000;
  const days = Array.from({ length: req.horizonDays! }, (_, d) => {
    const date = first.add({ days: d });
    const dayStart = date.toZonedDateTime(zone).epochMilliseconds;
    const dayEnd = date.add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds;
    const weekday = date.dayOfWeek as Weekday;
    return req.schedule.practitioners.map((p) => {
      // Only a shortcut: every start inside working hours still goes through the full checker.
      const hours = (p.weeklyHours[weekday] ?? []).map((sp): [number, number] => [
        wallInstant(zone, date, sp.start),
        wallInstant(zone, date, sp.end),
      ]);
      for (let t = dayStart; t < dayEnd; t += grid) {
        if (!covered(hours, t, t + length)) continue;
        for (const room of req.schedule.location.rooms) {
          if (!slotViolation(req, p.practitionerId, room.id, t, t + length, req.preferences ?? {})) return t;
        }
      }
      return undefined;
    });
  });
  return days;
}

describe('findCourse properties', () => {
  it('every proposed course, and every alternative, keeps intervals, hours, time off, rooms, bookings and preferences', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const req = toRequest(s);
        const result = findCourse(req);
        if (result.status === 'found') {
          expect(courseViolation(req, result.course)).toBeUndefined();
        } else {
          expect(result.explanation.length).toBeGreaterThan(0);
          for (const a of result.alternatives) expect(courseViolation(req, a.course, a.relaxed)).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds the earliest first day there is, and with one practitioner the earliest first slot and completion', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const req = { ...toRequest(s), horizonDays: 21, granularityMinutes: 30 };
        const length =
          (req.plan.durationMinutes.max +
            (req.plan.anaesthesia.creamOffered ? req.plan.anaesthesia.leadMinutes.max : 0)) *
          60_000;
        const preferred = req.preferences?.practitionerId;
        const days = bruteForceDays(req, length);
        const people = req.schedule.practitioners
          .map((p, i) => [p.practitionerId, i] as const)
          .filter(([id]) => !preferred || id === preferred)
          .map(([, i]) => i);
        const ok = (d: number, who: readonly number[]) => d < days.length && who.some((p) => days[d]![p] !== undefined);
        // The earliest last day of a chain from day `d` (session `session`) keeping the intervals.
        const memo = new Map<string, number | undefined>();
        const earliestEnd = (d: number, session: number, who: readonly number[]): number | undefined => {
          if (session === req.sessions) return d;
          const key = `${d}|${session}|${who.join()}`;
          if (memo.has(key)) return memo.get(key);
          const r = intervalFor(req, session + 1);
          let best: number | undefined;
          for (let next = d + r.min; next <= d + r.max; next++) {
            if (!ok(next, who)) continue;
            const end = earliestEnd(next, session + 1, who);
            if (end !== undefined && (best === undefined || end < best)) best = end;
          }
          memo.set(key, best);
          return best;
        };
        let bestDay: number | undefined;
        for (let d = 0; d < days.length && bestDay === undefined; d++)
          if (ok(d, people) && earliestEnd(d, 1, people) !== undefined) bestDay = d;
        const result = findCourse(req);
        if (bestDay === undefined) {
          expect(result.status).toBe('not_found');
          return;
        }
        expect(result.status).toBe('found');
        if (result.status !== 'found') return;
        const zone = req.schedule.location.timeZone;
        const firstDate = Temporal.Instant.from(result.course.sessions[0]!.start)
          .toZonedDateTimeISO(zone)
          .toPlainDate();
        const searchStart = Temporal.PlainDate.from(result.searched.from);
        expect(searchStart.until(firstDate).days).toBe(bestDay);
        if (people.length === 1) {
          const p = people[0]!;
          expect(ms(result.course.sessions[0]!.start)).toBe(days[bestDay]![p]);
          const last = searchStart.until(Temporal.PlainDate.from(result.course.lastDate)).days;
          expect(last).toBe(earliestEnd(bestDay, 1, [p]));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a re-flowed course keeps every interval, earlier sessions, hours, rooms and bookings', () => {
    // Mostly same-weekday, same-time moves, which land in working hours often enough to exercise the re-flow.
    const moveArb = fc.record({
      session: fc.nat(),
      days: fc.oneof(fc.constantFrom(1, 7, 14), fc.integer({ min: -2, max: 10 })),
      steps: fc.oneof(fc.constant(0), fc.integer({ min: -8, max: 8 })),
    });
    fc.assert(
      fc.property(scenarioArb, moveArb, (s, move) => {
        const req = toRequest(s);
        const found = findCourse(req);
        if (found.status !== 'found') return;
        const course = found.course.sessions.map((x) => ({
          number: x.number,
          practitionerId: x.practitionerId,
          roomId: x.roomId,
          start: x.start,
          end: x.end,
          bookingId: `own${x.number}`,
        }));
        const own = course.map((x) => ({
          id: x.bookingId,
          practitionerId: x.practitionerId,
          roomId: x.roomId,
          start: x.start,
          end: x.end,
        }));
        const k = (move.session % course.length) + 1;
        const zone = req.schedule.location.timeZone;
        const newStart = Temporal.Instant.from(course[k - 1]!.start)
          .toZonedDateTimeISO(zone)
          .add({ days: move.days })
          .add({ minutes: move.steps * req.granularityMinutes! })
          .toInstant()
          .toString();
        const result = rescheduleSession({
          schedule: { ...req.schedule, bookings: [...req.schedule.bookings, ...own] },
          plan: req.plan,
          ...(req.switchAfter ? { switchAfter: req.switchAfter } : {}),
          course,
          session: k,
          newStart,
          now: req.now,
          granularityMinutes: req.granularityMinutes!,
        });
        if (result.status !== 'rescheduled') {
          expect(result.problems.length).toBeGreaterThan(0);
          return;
        }
        expect(result.sessions.slice(0, k - 1).map((x) => x.start)).toEqual(
          course.slice(0, k - 1).map((x) => Temporal.Instant.from(x.start).toString()),
        );
        expect(ms(result.sessions[k - 1]!.start)).toBe(ms(newStart));
        const check = { ...req, preferences: {}, granularityMinutes: 1 };
        delete check.earliestStart;
        // Earlier sessions may lie in the past by now; everything from k on is checked in full.
        const later = result.sessions.slice(k - 1);
        for (const x of later)
          expect(
            slotViolation(check, x.practitionerId, x.roomId, ms(x.start), ms(x.end), {}),
            `session ${x.number}`,
          ).toBeUndefined();
        const zoneDate = (instant: string) => Temporal.Instant.from(instant).toZonedDateTimeISO(zone).toPlainDate();
        for (let i = 1; i < result.sessions.length; i++) {
          const days = zoneDate(result.sessions[i - 1]!.start).until(zoneDate(result.sessions[i]!.start)).days;
          const r = intervalFor(req, i + 1);
          expect(days, `interval before session ${i + 1}`).toBeGreaterThanOrEqual(r.min);
          expect(days, `interval before session ${i + 1}`).toBeLessThanOrEqual(r.max);
        }
        for (const x of result.sessions.slice(k)) {
          if (!result.moved.includes(x.number))
            expect(x.start).toBe(Temporal.Instant.from(course[x.number - 1]!.start).toString());
        }
      }),
      { numRuns: 500 },
    );
  });
});
