import { Temporal } from 'temporal-polyfill';
import type { AvailabilityException, ScheduleInput, Weekday } from '../availability.js';
import type { CourseRequest, PatientPreferences } from '../course-request.js';
import type { ProposedCourse, Relaxation } from '../course-result.js';

/**
 * The independent checker of the property tests: every course the finder proposes is checked against
 * the raw input with Temporal directly, without the finder's index, day cache or grid arithmetic.
 */

export const ms = (instant: string) => Temporal.Instant.from(instant).epochMilliseconds;
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
export function slotViolation(
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

export function intervalFor(req: CourseRequest, session: number) {
  return req.plan.laterIntervalDays && req.switchAfter !== undefined && session > req.switchAfter
    ? req.plan.laterIntervalDays
    : req.plan.intervalDays;
}

export function courseViolation(
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
export function bruteForceDays(req: CourseRequest & { schedule: ScheduleInput }, length: number) {
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
