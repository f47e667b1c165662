import { describe, expect, it } from 'vitest';
import type { CoursePlan, CourseRequest } from './course-request.js';
import { findCourse } from './find-course.js';
import { testClinic, testPlan, testPractitioner } from '../../test-support/scheduling-clinic.js';

const now = '2026-11-23T05:00:00Z'; // Monday 08:00 in Istanbul

/** The finder's answer for `request` (on `testPlan()` from `now` unless told), which must be that nothing fits. */
function noCourse(request: Omit<CourseRequest, 'plan' | 'now'> & { plan?: CoursePlan }) {
  const result = findCourse({ plan: testPlan(), now, ...request });
  if (result.status !== 'not_found') throw new Error(`expected no course, got one starting ${result.course.firstDate}`);
  return result;
}

const allDay = (id: string, from: string, to: string) => ({
  practitionerId: id,
  roomId: 'elsewhere',
  start: from,
  end: to,
});
/** Practitioners a and b in two rooms, `booked` busy for longer than any search. */
const oneFullyBooked = (booked: string) =>
  testClinic({
    practitioners: [testPractitioner('a'), testPractitioner('b')],
    rooms: ['r1', 'r2'],
    bookings: [allDay(booked, '2026-11-01T00:00:00Z', '2028-01-01T00:00:00Z')],
  });

describe('findCourse alternatives and explanations', () => {
  it('explains a preferred practitioner who does not work here, and offers the others', () => {
    const result = noCourse({ schedule: testClinic(), preferences: { practitionerId: 'zz' } });
    expect(result.explanation).toEqual([
      expect.objectContaining({
        code: 'practitioner_unavailable',
        practitionerId: 'zz',
        message: 'Practitioner zz does not work at main.',
      }),
    ]);
    expect(result.alternatives).toHaveLength(1);
    expect(result.alternatives[0]).toMatchObject({
      relaxed: ['practitioner'],
      course: { practitionerIds: ['a'], firstDate: '2026-11-23' },
    });
    expect(result.alternatives[0]!.message).toMatch(
      /^With another practitioner: 4 sessions from 2026-11-23 at 09:00 to 2026-12-14, with Dr a\.$/,
    );
  });

  it('explains a fully booked preferred practitioner and offers another practitioner', () => {
    const result = noCourse({ schedule: oneFullyBooked('a'), preferences: { practitionerId: 'a' }, horizonDays: 60 });
    expect(result.explanation).toHaveLength(1);
    expect(result.explanation[0]).toMatchObject({
      code: 'practitioner_unavailable',
      practitionerId: 'a',
      from: '2026-11-23',
      to: '2027-01-21',
      days: { no_hours: 16, booked: 44 },
    });
    expect(result.explanation[0]!.message).toBe(
      'Dr a is fully booked between 2026-11-23 and 2027-01-21 (16 days not a working day, 44 days fully booked).',
    );
    expect(result.alternatives.map((a) => [a.relaxed, a.course.practitionerIds])).toEqual([[['practitioner'], ['b']]]);
  });

  it('explains that no working hours fall in the preferred times, and offers other times', () => {
    const result = noCourse({
      schedule: testClinic(),
      preferences: { timesOfDay: [{ start: '18:00', end: '20:00' }] },
      horizonDays: 30,
    });
    expect(result.explanation).toEqual([
      expect.objectContaining({
        code: 'no_working_hours_in_window',
        from: '2026-11-23',
        to: '2026-12-22',
        days: { no_hours: 8, time_of_day: 22 },
      }),
    ]);
    expect(result.explanation[0]!.message).toContain(
      'No practitioner has working hours long enough for a 30-minute session on the preferred days and times',
    );
  });

  it('labels each alternative with what it gives up, fewest first', () => {
    // The patient wants a, on Saturdays, in the evening; a works weekdays 9-17, b is fully booked.
    const result = noCourse({
      schedule: oneFullyBooked('b'),
      preferences: { practitionerId: 'a', weekdays: [6], timesOfDay: [{ start: '18:00', end: '20:00' }] },
    });
    expect(result.explanation[0]).toMatchObject({ code: 'no_working_hours_in_window', practitionerId: 'a' });
    // Only giving up both the weekday and the time of day works; with or without insisting on a, it is a's course.
    expect(result.alternatives.map((a) => a.relaxed)).toEqual([['time_of_day', 'weekdays']]);
    expect(result.alternatives[0]!.course.sessions[0]).toMatchObject({
      practitionerId: 'a',
      localDate: '2026-11-23',
      localStart: '09:00',
    });
  });

  it('offers a course at other times of day when the preferred window is booked', () => {
    const bookings = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((w) => {
      const day = new Date(Date.UTC(2026, 10, 23 + w * 7)).toISOString().slice(0, 10);
      return allDay('a', `${day}T06:00:00Z`, `${day}T09:00:00Z`);
    });
    const result = noCourse({
      schedule: testClinic({ bookings }),
      preferences: { weekdays: [1], timesOfDay: [{ start: '09:00', end: '12:00' }] },
      horizonDays: 70,
    });
    expect(result.explanation[0]).toMatchObject({
      code: 'fully_booked',
      days: { no_hours: 20, weekday: 40, booked: 10 },
    });
    const relaxed = result.alternatives.map((a) => a.relaxed);
    expect(relaxed).toEqual([['time_of_day'], ['weekdays']]);
    expect(result.alternatives[0]!.course.sessions.every((s) => s.localStart === '12:00')).toBe(true);
    expect(result.alternatives[1]!.course.sessions[0]).toMatchObject({ localDate: '2026-11-24', localStart: '09:00' });
  });

  it('names the session whose interval window is blocked, with its dates and why', () => {
    // Only two weeks are searched; a is away the whole second week, so no session 2 can follow 7 days later.
    const clinic = testClinic({
      practitioners: [
        testPractitioner('a', {
          exceptions: [{ kind: 'days', from: '2026-11-30', to: '2026-12-04', reason: 'leave' }],
        }),
      ],
    });
    const plan = testPlan({ sessions: { min: 2, max: 2 }, intervalDays: { min: 7, max: 7 } });
    const result = noCourse({ schedule: clinic, plan, horizonDays: 14 });
    expect(result.explanation).toEqual([
      {
        code: 'interval_window_blocked',
        session: 2,
        from: '2026-11-30',
        to: '2026-11-30',
        days: { time_off: 1 },
        message:
          'Session 2 must be 7-7 days after session 1, between 2026-11-30 and 2026-11-30 (first session on 2026-11-23), but no practitioner has a free 30-minute slot on any of those days (1 day time off or closed).',
      },
    ]);
    expect(result.alternatives).toEqual([]);
  });

  it('reports the horizon when the course cannot finish inside it', () => {
    const tooShort = noCourse({ schedule: testClinic(), sessions: 10, horizonDays: 30 });
    expect(tooShort.explanation).toEqual([
      expect.objectContaining({ code: 'horizon_exceeded', from: '2026-11-23', to: '2026-12-22' }),
    ]);
    expect(tooShort.explanation[0]!.message).toContain('needs at least 63 days');

    const clinic = testClinic({
      practitioners: [testPractitioner('a', { exceptions: [{ kind: 'days', from: '2026-11-30', to: '2026-12-02' }] })],
    });
    const plan = testPlan({ sessions: { min: 2, max: 2 }, intervalDays: { min: 7, max: 14 } });
    const cut = noCourse({ schedule: clinic, plan, horizonDays: 10 });
    expect(cut.explanation.map((p) => p.code)).toEqual(['interval_window_blocked', 'horizon_exceeded']);
    expect(cut.explanation[0]).toMatchObject({ session: 2, from: '2026-11-30', to: '2026-12-02' });
  });

  it('explains a room that is never free', () => {
    const result = noCourse({
      schedule: testClinic({
        bookings: [{ practitionerId: 'x', roomId: 'r1', start: '2026-01-01T00:00:00Z', end: '2028-01-01T00:00:00Z' }],
      }),
      horizonDays: 30,
    });
    expect(result.explanation).toEqual([
      expect.objectContaining({ code: 'no_free_room', days: { no_hours: 8, no_room: 22 } }),
    ]);
  });

  it('explains time off covering every working day of the preferred practitioner', () => {
    const clinic = testClinic({
      practitioners: [
        testPractitioner('a', {
          exceptions: [{ kind: 'days', from: '2026-11-01', to: '2027-12-31', reason: 'sabbatical' }],
        }),
      ],
    });
    const result = noCourse({ schedule: clinic, preferences: { practitionerId: 'a' }, horizonDays: 30 });
    expect(result.explanation[0]).toMatchObject({
      code: 'practitioner_unavailable',
      practitionerId: 'a',
      days: { no_hours: 8, time_off: 22 },
    });
    expect(result.explanation[0]!.message).toContain('is away or the clinic is closed');
  });

  it('explains working hours too short for the session', () => {
    const clinic = testClinic({
      practitioners: [testPractitioner('a', { weeklyHours: { 1: [{ start: '09:00', end: '09:20' }] } })],
    });
    const result = noCourse({ schedule: clinic, horizonDays: 60 });
    expect(result.explanation[0]).toMatchObject({
      code: 'no_working_hours_in_window',
      days: { no_hours: 51, too_short: 9 },
    });
  });
});
