import { describe, expect, it } from 'vitest';
import { findCourse } from './find-course.js';
import { found, testClinic, testPlan, testPractitioner } from '../../test-support/scheduling-clinic.js';

const oneSession = (minutes: number) =>
  testPlan({ sessions: { min: 1, max: 1 }, durationMinutes: { min: minutes, max: minutes } });

describe('findCourse across time zones and daylight-saving changes', () => {
  const weeklyAcrossDst = [
    {
      // British Summer Time ends on Sunday 2026-10-25.
      timeZone: 'Europe/London',
      hours: { 1: [{ start: '10:00', end: '11:00' }] },
      now: '2026-10-12T00:00:00Z',
      sessions: [
        '2026-10-12 10:00 2026-10-12T09:00:00Z',
        '2026-10-19 10:00 2026-10-19T09:00:00Z',
        '2026-10-26 10:00 2026-10-26T10:00:00Z',
        '2026-11-02 10:00 2026-11-02T10:00:00Z',
      ],
    },
    {
      // DST starts on Sunday 2026-03-08: 18:00 EST is 23:00Z, 18:00 EDT is 22:00Z.
      timeZone: 'America/New_York',
      hours: { 4: [{ start: '18:00', end: '19:00' }] },
      now: '2026-02-26T12:00:00Z',
      sessions: [
        '2026-02-26 18:00 2026-02-26T23:00:00Z',
        '2026-03-05 18:00 2026-03-05T23:00:00Z',
        '2026-03-12 18:00 2026-03-12T22:00:00Z',
        '2026-03-19 18:00 2026-03-19T22:00:00Z',
      ],
    },
  ];
  for (const { timeZone, hours, now, sessions } of weeklyAcrossDst)
    it(`keeps a weekly session at its local time across a DST change in ${timeZone}`, () => {
      const clinic = testClinic({ timeZone, practitioners: [testPractitioner('a', { weeklyHours: hours })] });
      const plan = testPlan({ intervalDays: { min: 7, max: 7 }, durationMinutes: { min: 60, max: 60 } });
      const course = found(findCourse({ schedule: clinic, plan, now }));
      expect(course.sessions.map((s) => `${s.localDate} ${s.localStart} ${s.start}`)).toEqual(sessions);
      expect(course.sessions.slice(1).map((s) => s.daysAfterPrevious)).toEqual([7, 7, 7]);
    });

  it('treats a working span across the spring-forward gap as the real time it lasts', () => {
    // Sunday 2026-03-29 in London: clocks go from 01:00 GMT to 02:00 BST, so 00:30-03:00 lasts 90 minutes.
    const clinic = (bookings = [] as { practitionerId: string; roomId: string; start: string; end: string }[]) =>
      testClinic({
        timeZone: 'Europe/London',
        practitioners: [testPractitioner('a', { weeklyHours: { 7: [{ start: '00:30', end: '03:00' }] } })],
        bookings,
      });
    const now = '2026-03-28T12:00:00Z';
    const exact = found(findCourse({ schedule: clinic(), plan: oneSession(90), now })).sessions[0]!;
    expect(exact).toMatchObject({
      localDate: '2026-03-29',
      localStart: '00:30',
      localEnd: '03:00',
      start: '2026-03-29T00:30:00Z',
      end: '2026-03-29T02:00:00Z',
    });
    // 105 minutes fit the wall-clock span but not the real one, so it goes to the next Sunday.
    const tooLong = found(findCourse({ schedule: clinic(), plan: oneSession(105), now })).sessions[0]!;
    expect(tooLong).toMatchObject({ localDate: '2026-04-05', localStart: '00:30', start: '2026-04-04T23:30:00Z' });
    // After a booking until 01:00 GMT the next slot is 02:00 BST: no slot at a local time that never happened.
    const afterGap = found(
      findCourse({
        schedule: clinic([
          { practitionerId: 'a', roomId: 'r1', start: '2026-03-29T00:30:00Z', end: '2026-03-29T01:00:00Z' },
        ]),
        plan: oneSession(60),
        now,
      }),
    ).sessions[0]!;
    expect(afterGap).toMatchObject({
      localDate: '2026-03-29',
      localStart: '02:00',
      localEnd: '03:00',
      start: '2026-03-29T01:00:00Z',
    });
  });

  it('treats a working span across the repeated hour of the fall-back as the real time it lasts', () => {
    // Sunday 2026-10-25 in London: 01:00-02:00 happens twice, so 00:30-03:00 lasts 3.5 hours.
    const clinic = testClinic({
      timeZone: 'Europe/London',
      practitioners: [testPractitioner('a', { weeklyHours: { 7: [{ start: '00:30', end: '03:00' }] } })],
    });
    const session = found(findCourse({ schedule: clinic, plan: oneSession(210), now: '2026-10-24T12:00:00Z' }))
      .sessions[0]!;
    expect(session).toMatchObject({
      localDate: '2026-10-25',
      localStart: '00:30',
      localEnd: '03:00',
      start: '2026-10-24T23:30:00Z',
      end: '2026-10-25T03:00:00Z',
    });
  });

  it('reads wall-clock rules in the clinic zone (Europe/Istanbul, UTC+3)', () => {
    const course = found(
      findCourse({
        schedule: testClinic({ timeZone: 'Europe/Istanbul' }),
        plan: testPlan(),
        now: '2026-11-23T05:00:00Z',
      }),
    );
    expect(course.sessions[0]).toMatchObject({ localStart: '09:00', start: '2026-11-23T06:00:00Z' });
  });

  it('counts intervals in local calendar days even when the UTC date differs', () => {
    // 08:00 in Tokyo is 23:00Z the day before; working days are Mondays only.
    const clinic = testClinic({
      timeZone: 'Asia/Tokyo',
      practitioners: [testPractitioner('a', { weeklyHours: { 1: [{ start: '08:00', end: '09:00' }] } })],
    });
    const course = found(
      findCourse({
        schedule: clinic,
        plan: testPlan({ intervalDays: { min: 7, max: 7 } }),
        now: '2026-11-20T00:00:00Z',
      }),
    );
    expect(course.sessions.map((s) => s.localDate)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14']);
    expect(course.sessions.map((s) => s.start)).toEqual([
      '2026-11-22T23:00:00Z',
      '2026-11-29T23:00:00Z',
      '2026-12-06T23:00:00Z',
      '2026-12-13T23:00:00Z',
    ]);
  });

  it('starts the search on the local date of `now`, not the UTC one', () => {
    // 22:30Z on Sunday is 01:30 on Monday in Istanbul: Monday is already today.
    const course = found(findCourse({ schedule: testClinic(), plan: testPlan(), now: '2026-11-22T22:30:00Z' }));
    expect(course.sessions[0]).toMatchObject({ localDate: '2026-11-23', localStart: '09:00' });
  });

  it('reads time off in local time on a DST day', () => {
    const clinic = testClinic({
      timeZone: 'Europe/London',
      practitioners: [
        testPractitioner('a', {
          weeklyHours: { 7: [{ start: '00:30', end: '04:00' }] },
          exceptions: [{ kind: 'hours', start: '2026-03-29T00:00', end: '2026-03-29T02:30' }],
        }),
      ],
    });
    const session = found(findCourse({ schedule: clinic, plan: oneSession(60), now: '2026-03-28T12:00:00Z' }))
      .sessions[0]!;
    expect(session).toMatchObject({ localDate: '2026-03-29', localStart: '02:30', start: '2026-03-29T01:30:00Z' });
  });
});
