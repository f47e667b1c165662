import { describe, expect, it } from 'vitest';
import { found, testClinic, testPlan, testPractitioner } from '../../test-support/scheduling-clinic.js';
import { checkSlot } from './check-slot.js';
import { findCourse } from './find-course.js';
import { prepareSchedule } from './prepare-schedule.js';

// 2026-11-23 is a Monday; Istanbul is UTC+3 all year.
const now = '2026-11-23T05:00:00Z';

describe("a location's opening hours", () => {
  it('keep every session inside them, whatever the practitioner’s own hours', () => {
    const everyDay = [{ start: '08:00', end: '20:00' }];
    const clinic = testClinic({
      practitioners: [
        testPractitioner('a', { weeklyHours: { 1: everyDay, 2: everyDay, 3: everyDay, 4: everyDay, 5: everyDay } }),
      ],
      // Closed on Mondays; Tuesdays only in the afternoon.
      openingHours: {
        2: [{ start: '14:00', end: '18:00' }],
        3: [{ start: '10:00', end: '18:00' }],
        4: [{ start: '10:00', end: '18:00' }],
        5: [{ start: '10:00', end: '18:00' }],
      },
    });
    const course = found(findCourse({ schedule: clinic, plan: testPlan(), now }));
    expect(course.sessions[0]).toMatchObject({ localDate: '2026-11-24', localStart: '14:00' });
    expect(course.sessions.every((s) => s.localStart >= '10:00' && s.localEnd <= '18:00')).toBe(true);

    const prepared = prepareSchedule(clinic);
    const at = (iso: string) => checkSlot(prepared, 0, Date.parse(iso), 30 * 60_000);
    // 09:00 on a Wednesday is inside her hours but outside the location's.
    expect(at('2026-11-25T06:00:00Z')).toEqual({ ok: false, miss: 'no_hours' });
    expect(at('2026-11-25T07:00:00Z')).toMatchObject({ ok: true });
  });

  it('change nothing when absent, and refuse a malformed span', () => {
    const course = found(findCourse({ schedule: testClinic(), plan: testPlan(), now }));
    expect(course.sessions[0]).toMatchObject({ localDate: '2026-11-23', localStart: '09:00' });
    expect(() => prepareSchedule(testClinic({ openingHours: { 1: [{ start: '18:00', end: '09:00' }] } }))).toThrow(
      /opening hours, weekday 1/,
    );
  });

  it('with a closure, leave the closed day out of the course', () => {
    const clinic = testClinic({
      openingHours: { 1: [{ start: '09:00', end: '17:00' }], 2: [{ start: '09:00', end: '17:00' }] },
      closures: [{ kind: 'days', from: '2026-11-30', to: '2026-11-30', reason: 'holiday' }],
    });
    const course = found(findCourse({ schedule: clinic, plan: testPlan({ intervalDays: { min: 7, max: 8 } }), now }));
    expect(course.sessions.map((s) => s.localDate)).toEqual(['2026-11-23', '2026-12-01', '2026-12-08', '2026-12-15']);
  });
});
