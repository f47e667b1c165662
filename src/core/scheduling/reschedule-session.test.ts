import { describe, expect, it } from 'vitest';
import type { Booking } from './availability.js';
import { prepareSchedule } from './prepare-schedule.js';
import { rescheduleSession, type BookedSession, type RescheduleResult } from './reschedule-session.js';
import { testClinic, testPlan, testPractitioner } from '../../test-support/scheduling-clinic.js';

const now = '2026-11-20T12:00:00Z';
const plan = testPlan({ intervalDays: { min: 7, max: 14 } });

/** A booked course at 09:00 Istanbul (06:00Z) on the given dates, and its bookings. */
function booked(dates: string[], practitionerId = 'a'): { course: BookedSession[]; bookings: Booking[] } {
  const course = dates.map((d, i) => ({
    number: i + 1,
    practitionerId,
    roomId: 'r1',
    start: `${d}T06:00:00Z`,
    end: `${d}T06:30:00Z`,
    bookingId: `c${i + 1}`,
  }));
  return {
    course,
    bookings: course.map((s) => ({ id: s.bookingId, practitionerId, roomId: s.roomId, start: s.start, end: s.end })),
  };
}

function ok(result: RescheduleResult) {
  if (result.status !== 'rescheduled') throw new Error(`expected a re-flow, got ${JSON.stringify(result.problems)}`);
  return result;
}

const spaced = ['2026-11-23', '2026-12-03', '2026-12-13', '2026-12-23'];

/** Moves session `session` of a course booked on `dates` to `newStart`, in a clinic with no other bookings. */
function reflow(dates: string[], session: number, newStart: string): RescheduleResult {
  const { course, bookings } = booked(dates);
  return rescheduleSession({ schedule: testClinic({ bookings }), plan, course, session, newStart, now });
}

describe('rescheduleSession', () => {
  it('moves one session and keeps the later ones that still fit', () => {
    const result = ok(reflow(['2026-11-23', '2026-12-03', '2026-12-14', '2026-12-24'], 2, '2026-12-04T08:00:00Z'));
    expect(result.moved).toEqual([2]);
    expect(result.sessions.map((s) => `${s.localDate} ${s.localStart}`)).toEqual([
      '2026-11-23 09:00',
      '2026-12-04 11:00',
      '2026-12-14 09:00',
      '2026-12-24 09:00',
    ]);
    expect(result.sessions.map((s) => s.daysAfterPrevious)).toEqual([undefined, 11, 10, 10]);
  });

  it('does not let the course block itself: a session may move onto part of its own old slot', () => {
    const result = ok(reflow(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14'], 2, '2026-11-30T06:15:00Z'));
    expect(result.moved).toEqual([2]);
    expect(result.sessions[1]).toMatchObject({ localStart: '09:15', localEnd: '09:45' });
  });

  it('re-flows later sessions as little as possible, at their old time of day', () => {
    const result = ok(reflow(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14'], 2, '2026-12-02T07:00:00Z'));
    expect(result.moved).toEqual([2, 3, 4]);
    expect(result.sessions.map((s) => `${s.localDate} ${s.localStart}`)).toEqual([
      '2026-11-23 09:00',
      '2026-12-02 10:00',
      '2026-12-09 09:00',
      '2026-12-16 09:00',
    ]);
  });

  it('moves a later session within its day when its old slot was taken meanwhile', () => {
    const { course, bookings } = booked(spaced);
    const taken = { practitionerId: 'a', roomId: 'r1', start: '2026-12-13T05:00:00Z', end: '2026-12-13T07:00:00Z' };
    // 2026-12-13 is a Sunday; a works every day in this clinic.
    const everyDay = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '09:00', end: '17:00' }]]));
    const clinic = testClinic({
      practitioners: [testPractitioner('a', { weeklyHours: everyDay })],
      bookings: [...bookings, taken],
    });
    const result = ok(
      rescheduleSession({ schedule: clinic, plan, course, session: 2, newStart: '2026-12-04T06:00:00Z', now }),
    );
    expect(result.moved).toEqual([2, 3]);
    expect(result.sessions[2]).toMatchObject({ localDate: '2026-12-13', localStart: '10:00' });
    expect(result.sessions[3]).toMatchObject({ localDate: '2026-12-23', localStart: '09:00' });
  });

  it('keeps local times across the end of DST when re-flowing', () => {
    const mondays = ['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02'];
    const course = mondays.map((d, i) => {
      const hour = d < '2026-10-25' ? '09' : '10';
      return {
        number: i + 1,
        practitionerId: 'a',
        roomId: 'r1',
        start: `${d}T${hour}:00:00Z`,
        end: `${d}T${hour}:30:00Z`,
      };
    });
    const clinic = testClinic({ timeZone: 'Europe/London', bookings: course });
    const result = ok(
      rescheduleSession({
        schedule: clinic,
        plan: testPlan({ intervalDays: { min: 7, max: 8 } }),
        course,
        session: 2,
        newStart: '2026-10-20T09:00:00Z',
        now: '2026-10-01T00:00:00Z',
      }),
    );
    expect(result.sessions.map((s) => `${s.localDate} ${s.localStart} ${s.start}`)).toEqual([
      '2026-10-12 10:00 2026-10-12T09:00:00Z',
      '2026-10-20 10:00 2026-10-20T09:00:00Z',
      '2026-10-27 10:00 2026-10-27T10:00:00Z',
      '2026-11-03 10:00 2026-11-03T10:00:00Z',
    ]);
  });

  it('works from a prepared schedule too', () => {
    const { course, bookings } = booked(spaced);
    const prepared = prepareSchedule(testClinic({ bookings }));
    const result = ok(
      rescheduleSession({ schedule: prepared, plan, course, session: 3, newStart: '2026-12-14T06:00:00Z', now }),
    );
    expect(result.moved).toEqual([3]);
  });

  it('explains a new time outside working hours, already booked, in the past, or off the interval', () => {
    const { course, bookings } = booked(spaced);
    const other = { practitionerId: 'a', roomId: 'r1', start: '2026-12-04T10:00:00Z', end: '2026-12-04T11:00:00Z' };
    const schedule = testClinic({ bookings: [...bookings, other] });
    const move = (newStart: string, session = 2) =>
      rescheduleSession({ schedule, plan, course, session, newStart, now });
    expect(move('2026-12-04T16:00:00Z')).toMatchObject({
      status: 'not_possible',
      problems: [{ code: 'no_working_hours_in_window', session: 2 }],
    });
    expect(move('2026-12-04T10:15:00Z')).toMatchObject({
      status: 'not_possible',
      problems: [
        {
          code: 'practitioner_unavailable',
          session: 2,
          message: 'Session 2: Dr a is already booked at 2026-12-04 13:15.',
        },
      ],
    });
    expect(move('2026-11-20T06:00:00Z', 1)).toMatchObject({
      status: 'not_possible',
      problems: [{ code: 'in_the_past' }],
    });
    expect(move('2026-11-27T06:00:00Z')).toMatchObject({
      status: 'not_possible',
      problems: [{ code: 'interval_window_blocked', session: 2, from: '2026-11-30', to: '2026-12-07' }],
    });
  });

  it('explains a later session that no longer fits its window', () => {
    const { course, bookings } = booked(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14']);
    const clinic = testClinic({
      bookings,
      practitioners: [testPractitioner('a', { exceptions: [{ kind: 'days', from: '2026-12-09', to: '2026-12-31' }] })],
    });
    const result = rescheduleSession({
      schedule: clinic,
      plan,
      course,
      session: 2,
      newStart: '2026-12-02T06:00:00Z',
      now,
    });
    expect(result).toMatchObject({
      status: 'not_possible',
      problems: [
        {
          code: 'interval_window_blocked',
          session: 3,
          from: '2026-12-09',
          to: '2026-12-16',
          days: { no_hours: 2, time_off: 6 },
        },
      ],
    });
  });

  it('rejects a course that is not numbered 1..n', () => {
    const { course, bookings } = booked(spaced);
    expect(() =>
      rescheduleSession({
        schedule: testClinic({ bookings }),
        plan,
        course: course.slice(1),
        session: 1,
        newStart: course[1]!.start,
        now,
      }),
    ).toThrow(RangeError);
  });

  describe('into a room someone chose', () => {
    const { course, bookings } = booked(['2026-11-23', '2026-12-03', '2026-12-14', '2026-12-24']);
    const move = (roomId: string, extra: Booking[] = [], roomIds?: string[]) =>
      rescheduleSession({
        schedule: testClinic({
          rooms: ['r1', 'r2', 'r3'],
          practitioners: [testPractitioner('a', roomIds ? { roomIds } : {})],
          bookings: [...bookings, ...extra],
        }),
        plan,
        course,
        session: 2,
        newStart: '2026-12-04T08:00:00Z',
        roomId,
        now,
      });

    it('moves the session into that room, and only that session', () => {
      const result = ok(move('r2'));
      expect(result.moved).toEqual([2]);
      expect(result.sessions.map((s) => s.roomId)).toEqual(['r1', 'r2', 'r1', 'r1']);
      expect(result.sessions[1]).toMatchObject({ localDate: '2026-12-04', localStart: '11:00' });
      // At its own time too: a drop into another room's column only.
      const sameTime = rescheduleSession({
        schedule: testClinic({ rooms: ['r1', 'r2'], bookings }),
        plan,
        course,
        session: 2,
        newStart: course[1]!.start,
        roomId: 'r2',
        now,
      });
      expect(ok(sameTime)).toMatchObject({ moved: [2], sessions: [{ roomId: 'r1' }, { roomId: 'r2' }, {}, {}] });
    });

    it('refuses the room when it is booked then, rather than taking another free one', () => {
      const taken = { practitionerId: 'b', roomId: 'r2', start: '2026-12-04T07:45:00Z', end: '2026-12-04T08:15:00Z' };
      expect(move('r2', [taken])).toMatchObject({
        status: 'not_possible',
        problems: [{ code: 'room_taken', session: 2, message: expect.stringContaining('r2') }],
      });
      // Without a room asked for, the session keeps its own, which is free.
      expect(
        ok(
          rescheduleSession({
            schedule: testClinic({ rooms: ['r1', 'r2'], bookings: [...bookings, taken] }),
            plan,
            course,
            session: 2,
            newStart: '2026-12-04T08:00:00Z',
            now,
          }),
        ).sessions[1]!.roomId,
      ).toBe('r1');
    });

    it('refuses a room the practitioner does not work in, or one that is not at the location', () => {
      expect(move('r3', [], ['r1', 'r2'])).toMatchObject({
        status: 'not_possible',
        problems: [{ code: 'room_not_allowed', session: 2, practitionerId: 'a' }],
      });
      expect(move('elsewhere')).toMatchObject({ status: 'not_possible', problems: [{ code: 'room_not_allowed' }] });
    });
  });
});
