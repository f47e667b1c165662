import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { findCourse } from './find-course.js';
import { rescheduleSession } from './reschedule-session.js';
import { scenarioArb, toRequest } from './test-support/course-scenarios.js';
import {
  bruteForceDays,
  courseViolation,
  intervalFor,
  ms,
  slotViolation,
} from './test-support/independent-course-checker.js';

/**
 * Every course the finder proposes is checked here against the raw input with Temporal directly,
 * without the finder's index, day cache or grid arithmetic (test-support/independent-course-checker.ts),
 * on random scenarios (test-support/course-scenarios.ts).
 */

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
