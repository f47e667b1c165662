import { describe, expect, it } from 'vitest';
import { daysBetween } from '../dates/iso-date.js';
import { findCourse } from './find-course.js';
import { prepareSchedule } from './prepare-schedule.js';
import { found, testClinic, testPlan, testPractitioner } from '../../test-support/scheduling-clinic.js';

// 2026-11-23 is a Monday; Istanbul is UTC+3 all year.
const now = '2026-11-23T05:00:00Z';

describe('findCourse', () => {
  it('books the earliest course with every interval inside its window', () => {
    const course = found(findCourse({ schedule: testClinic(), plan: testPlan(), now }));
    expect(course.sessions.map((s) => s.localDate)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14']);
    expect(course.sessions[0]).toMatchObject({
      number: 1,
      practitionerId: 'a',
      roomId: 'r1',
      start: '2026-11-23T06:00:00Z',
      end: '2026-11-23T06:30:00Z',
      localStart: '09:00',
      localEnd: '09:30',
    });
    expect(course.sessions.slice(1).every((s) => s.daysAfterPrevious === 7)).toBe(true);
    expect(course).toMatchObject({
      singlePractitioner: true,
      practitionerIds: ['a'],
      sessionMinutes: 30,
      firstDate: '2026-11-23',
      lastDate: '2026-12-14',
    });
  });

  it('uses the requested session count within the plan and rejects one outside it', () => {
    expect(found(findCourse({ schedule: testClinic(), plan: testPlan(), sessions: 10, now })).sessions).toHaveLength(
      10,
    );
    expect(() => findCourse({ schedule: testClinic(), plan: testPlan(), sessions: 11, now })).toThrow(RangeError);
    expect(() => findCourse({ schedule: testClinic(), plan: testPlan(), sessions: 3, now })).toThrow(RangeError);
  });

  it('switches to the later interval after `switchAfter` sessions', () => {
    const plan = testPlan({ intervalDays: { min: 7, max: 10 }, laterIntervalDays: { min: 14, max: 30 } });
    const course = found(findCourse({ schedule: testClinic(), plan, sessions: 6, switchAfter: 3, now }));
    expect(course.sessions.map((s) => s.daysAfterPrevious)).toEqual([undefined, 7, 7, 14, 14, 14]);
    expect(() => findCourse({ schedule: testClinic(), plan: testPlan(), switchAfter: 3, now })).toThrow(
      /laterIntervalDays/,
    );
  });

  it('keeps every interval when the earliest next day is a dead end', () => {
    // Days 7-8 after a Monday are free, but only a 14-day gap reaches the next free day.
    const clinic = testClinic({
      practitioners: [testPractitioner('a', { exceptions: [{ kind: 'days', from: '2026-12-01', to: '2026-12-13' }] })],
    });
    const course = found(findCourse({ schedule: clinic, plan: testPlan({ intervalDays: { min: 7, max: 8 } }), now }));
    const dates = course.sessions.map((s) => s.localDate);
    for (let i = 1; i < dates.length; i++) expect(daysBetween(dates[i - 1]!, dates[i]!)).toBeGreaterThanOrEqual(7);
    for (let i = 1; i < dates.length; i++) expect(daysBetween(dates[i - 1]!, dates[i]!)).toBeLessThanOrEqual(8);
    expect(dates.every((d) => d < '2026-12-01' || d > '2026-12-13')).toBe(true);
    expect(dates[0]).toBe('2026-12-14');
  });

  it('counts the cream lead time in the booked length', () => {
    const plan = testPlan({ anaesthesia: { creamOffered: true, leadMinutes: { min: 20, max: 30 } } });
    const course = found(findCourse({ schedule: testClinic(), plan, now }));
    expect(course.sessionMinutes).toBe(60);
    expect(course.sessions[0]).toMatchObject({ localStart: '09:00', localEnd: '10:00' });
  });

  it('never books before now, and starts on the grid', () => {
    const course = found(findCourse({ schedule: testClinic(), plan: testPlan(), now: '2026-11-23T10:07:00Z' }));
    // 13:07 local, so the first slot on the 15-minute grid is 13:15.
    expect(course.sessions[0]).toMatchObject({ localDate: '2026-11-23', localStart: '13:15' });
    const late = found(findCourse({ schedule: testClinic(), plan: testPlan(), now: '2026-11-23T13:45:00Z' }));
    expect(late.sessions[0]!.localDate).toBe('2026-11-24');
  });

  it('respects a deferral: nothing before `earliestStart`', () => {
    const course = found(findCourse({ schedule: testClinic(), plan: testPlan(), now, earliestStart: '2027-01-06' }));
    expect(course.sessions[0]!.localDate).toBe('2027-01-06');
  });

  it('skips existing bookings of the practitioner', () => {
    const bookings = [
      { practitionerId: 'a', roomId: 'elsewhere', start: '2026-11-23T06:00:00Z', end: '2026-11-23T07:10:00Z' },
    ];
    const course = found(findCourse({ schedule: testClinic({ bookings }), plan: testPlan(), now }));
    expect(course.sessions[0]).toMatchObject({ localDate: '2026-11-23', localStart: '10:15' });
  });

  it('skips a room booked by someone else and takes another free room', () => {
    const bookings = [
      { practitionerId: 'b', roomId: 'r1', start: '2026-11-23T06:00:00Z', end: '2026-11-23T14:00:00Z' },
    ];
    const oneRoom = found(findCourse({ schedule: testClinic({ bookings }), plan: testPlan(), now }));
    expect(oneRoom.sessions[0]!.localDate).toBe('2026-11-24');
    const twoRooms = found(
      findCourse({ schedule: testClinic({ bookings, rooms: ['r1', 'r2'] }), plan: testPlan(), now }),
    );
    expect(twoRooms.sessions[0]).toMatchObject({ localDate: '2026-11-23', localStart: '09:00', roomId: 'r2' });
  });

  it('uses only the rooms a practitioner may use', () => {
    const clinic = testClinic({ rooms: ['r1', 'r2'], practitioners: [testPractitioner('a', { roomIds: ['r2'] })] });
    expect(
      found(findCourse({ schedule: clinic, plan: testPlan(), now })).sessions.every((s) => s.roomId === 'r2'),
    ).toBe(true);
  });

  it('respects time off given as whole days, as hours, and clinic closures', () => {
    const clinic = testClinic({
      practitioners: [
        testPractitioner('a', { exceptions: [{ kind: 'hours', start: '2026-11-23T08:00', end: '2026-11-23T15:00' }] }),
      ],
      closures: [{ kind: 'days', from: '2026-11-30', to: '2026-11-30', reason: 'holiday' }],
    });
    const course = found(findCourse({ schedule: clinic, plan: testPlan({ intervalDays: { min: 7, max: 8 } }), now }));
    expect(course.sessions[0]).toMatchObject({ localDate: '2026-11-23', localStart: '15:00' });
    expect(course.sessions[1]!.localDate).toBe('2026-12-01');
  });

  it('uses several working spans a day and never straddles the break', () => {
    const hours = {
      1: [
        { start: '09:00', end: '09:45' },
        { start: '13:00', end: '17:00' },
      ],
    };
    const clinic = testClinic({ practitioners: [testPractitioner('a', { weeklyHours: hours })] });
    const plan = testPlan({ durationMinutes: { min: 60, max: 60 } });
    const course = found(findCourse({ schedule: clinic, plan, now }));
    expect(course.sessions.every((s) => s.localStart === '13:00')).toBe(true);
  });

  it('honours preferred weekdays and times of day', () => {
    const clinic = testClinic();
    const course = found(
      findCourse({
        schedule: clinic,
        plan: testPlan(),
        now,
        preferences: { weekdays: [3, 5], timesOfDay: [{ start: '14:00', end: '16:00' }] },
      }),
    );
    expect(course.sessions[0]).toMatchObject({ localDate: '2026-11-25', localStart: '14:00' });
    expect(course.sessions.every((s) => s.localStart >= '14:00' && s.localEnd <= '16:00')).toBe(true);
  });

  it('keeps the preferred practitioner for the whole course', () => {
    const clinic = testClinic({ practitioners: [testPractitioner('a'), testPractitioner('b')], rooms: ['r1', 'r2'] });
    const course = found(findCourse({ schedule: clinic, plan: testPlan(), now, preferences: { practitionerId: 'b' } }));
    expect(course.practitionerIds).toEqual(['b']);
  });

  it('without a preferred practitioner, prefers one practitioner for the whole course', () => {
    // a is free on the first Monday only; b is free every Monday from the second week.
    const bookings = [
      { practitionerId: 'b', roomId: 'x', start: '2026-11-23T05:00:00Z', end: '2026-11-23T15:00:00Z' },
      { practitionerId: 'a', roomId: 'x', start: '2026-11-24T05:00:00Z', end: '2027-06-01T15:00:00Z' },
    ];
    const shared = found(
      findCourse({
        schedule: testClinic({
          practitioners: [testPractitioner('a'), testPractitioner('b')],
          rooms: ['r1', 'r2'],
          bookings,
        }),
        plan: testPlan(),
        now,
      }),
    );
    // Starting on the earliest day needs a second practitioner, which beats waiting a week.
    expect(shared.sessions.map((s) => s.practitionerId)).toEqual(['a', 'b', 'b', 'b']);
    expect(shared.singlePractitioner).toBe(false);

    const open = found(
      findCourse({
        schedule: testClinic({ practitioners: [testPractitioner('a'), testPractitioner('b')], rooms: ['r1', 'r2'] }),
        plan: testPlan(),
        now,
      }),
    );
    expect(open.singlePractitioner).toBe(true);
  });

  it('on the same first day, one practitioner wins over a shared course that finishes sooner', () => {
    // Shared, a-b-a-a would end 2026-12-14; a alone must skip the booked 2026-11-30 and ends 2026-12-15.
    const bookings = [
      { practitionerId: 'a', roomId: 'x', start: '2026-11-30T05:00:00Z', end: '2026-11-30T15:00:00Z' },
      { practitionerId: 'b', roomId: 'x', start: '2026-11-23T05:00:00Z', end: '2026-11-23T15:00:00Z' },
    ];
    const clinic = testClinic({
      practitioners: [
        testPractitioner('a'),
        testPractitioner('b', { exceptions: [{ kind: 'days', from: '2026-12-01', to: '2026-12-31' }] }),
      ],
      rooms: ['r1', 'r2'],
      bookings,
    });
    const course = found(findCourse({ schedule: clinic, plan: testPlan({ intervalDays: { min: 7, max: 8 } }), now }));
    expect(course.practitionerIds).toEqual(['a']);
    expect(course.sessions.map((s) => s.localDate)).toEqual(['2026-11-23', '2026-12-01', '2026-12-08', '2026-12-15']);
  });

  it('gives the same answer from a prepared, reused schedule', () => {
    const input = testClinic({ practitioners: [testPractitioner('a'), testPractitioner('b')], rooms: ['r1', 'r2'] });
    const prepared = prepareSchedule(input);
    const request = { plan: testPlan(), now, preferences: { practitionerId: 'b', weekdays: [2 as const] } };
    const once = findCourse({ ...request, schedule: prepared });
    expect(findCourse({ ...request, schedule: prepared })).toEqual(once);
    expect(findCourse({ ...request, schedule: input })).toEqual(once);
  });
});
