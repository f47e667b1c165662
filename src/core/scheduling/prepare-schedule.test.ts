import { describe, expect, it } from 'vitest';
import { prepareSchedule, reviseSchedule } from './prepare-schedule.js';
import { testClinic, testPractitioner } from '../../test-support/scheduling-clinic.js';

describe('prepareSchedule', () => {
  it('rejects malformed availability', () => {
    const bad = (p: Parameters<typeof testPractitioner>[1]) => () =>
      prepareSchedule(testClinic({ practitioners: [testPractitioner('a', p)] }));
    expect(bad({ weeklyHours: { 1: [{ start: '17:00', end: '09:00' }] } })).toThrow(/must end after it starts/);
    expect(bad({ weeklyHours: { 1: [{ start: '9:00', end: '17:00' }] } })).toThrow(/wall-clock/);
    expect(bad({ roomIds: ['nowhere'] })).toThrow(/not at location/);
    expect(bad({ exceptions: [{ kind: 'days', from: '2026-12-10', to: '2026-12-01' }] })).toThrow(/bad day range/);
    expect(() =>
      prepareSchedule(testClinic({ practitioners: [testPractitioner('a'), testPractitioner('a')] })),
    ).toThrow(/listed twice/);
    expect(() => prepareSchedule(testClinic({ timeZone: 'Nowhere/Special' }))).toThrow(/time zone/);
    expect(() =>
      prepareSchedule(
        testClinic({
          bookings: [{ practitionerId: 'a', roomId: 'r1', start: '2026-11-23T10:00:00Z', end: '2026-11-23T09:00:00Z' }],
        }),
      ),
    ).toThrow(/must end after/);
  });

  it('accepts time off lying wholly in a spring-forward gap, which blocks nothing', () => {
    // America/Santiago skips 00:00-01:00 on 2026-09-06.
    const s = prepareSchedule(
      testClinic({
        timeZone: 'America/Santiago',
        practitioners: [
          testPractitioner('a', {
            exceptions: [{ kind: 'hours', start: '2026-09-06T00:00', end: '2026-09-06T01:00' }],
          }),
        ],
      }),
    );
    expect(s.practitioners[0]!.timeOff.size).toBe(0);
  });

  it('ignores availability for other locations and merges overlapping spans', () => {
    const s = prepareSchedule(
      testClinic({
        practitioners: [
          testPractitioner('a', {
            weeklyHours: {
              1: [
                { start: '09:00', end: '12:00' },
                { start: '11:00', end: '13:00' },
              ],
            },
          }),
          testPractitioner('b', { locationId: 'other' }),
        ],
      }),
    );
    expect(s.practitioners.map((p) => p.id)).toEqual(['a']);
    expect(s.practitioners[0]!.weekly[1]).toEqual([{ start: 540, end: 780 }]);
  });

  it('revises only what a change touches', () => {
    const booking = {
      id: 'x',
      practitionerId: 'a',
      roomId: 'r1',
      start: '2026-11-23T06:00:00Z',
      end: '2026-11-23T07:00:00Z',
    };
    const s = prepareSchedule(
      testClinic({
        practitioners: [testPractitioner('a'), testPractitioner('b')],
        rooms: ['r1', 'r2'],
        bookings: [booking],
      }),
    );
    const at = Date.parse(booking.start);
    expect(s.practitioners[0]!.busy.conflictEnd(at, at + 1)).toBeGreaterThan(0);
    const revised = reviseSchedule(s, { without: (b) => b.id === 'x' });
    expect(revised.practitioners[0]!.busy.conflictEnd(at, at + 1)).toBe(-1);
    expect(revised.rooms[0]!.busy.conflictEnd(at, at + 1)).toBe(-1);
    expect(revised.practitioners[1]).toBe(s.practitioners[1]);
    expect(s.practitioners[0]!.busy.conflictEnd(at, at + 1)).toBeGreaterThan(0);
  });
});
