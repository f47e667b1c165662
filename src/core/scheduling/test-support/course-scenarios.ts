import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import type {
  AvailabilityException,
  Booking,
  PractitionerAvailability,
  ScheduleInput,
  Weekday,
  WeeklyHours,
} from '../availability.js';
import type { CoursePlan, CourseRequest, PatientPreferences } from '../course-request.js';
import { formatWallTime } from '../wall-clock.js';

/**
 * Random course-finding scenarios for the property tests: a location in a time zone with awkward
 * offsets, practitioners with weekly hours, time off and rooms, bookings, a plan and the patient's
 * preferences; `toRequest` turns one into the finder's request.
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

export const scenarioArb = fc
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

export function toRequest(s: Scenario): CourseRequest & { schedule: ScheduleInput } {
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
