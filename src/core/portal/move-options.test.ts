import { describe, expect, it } from 'vitest';
import { dayNumber } from '../dates/iso-date.js';
import { prepareSchedule } from '../scheduling/prepare-schedule.js';
import { testClinic, testPractitioner } from '../../test-support/scheduling-clinic.js';
import { moveOptions } from './move-options.js';

const window = (from: string, to: string) => ({
  from,
  to,
  fromDay: dayNumber(from),
  toDay: dayNumber(to),
  interval: { min: 7, max: 14 },
});
// The course's own session 2 on Thursday 3 Dec, 09:00-09:30 Istanbul; another patient at 10:00 that day.
const own = {
  id: 'own',
  practitionerId: 'a',
  roomId: 'r1',
  start: '2026-12-03T06:00:00Z',
  end: '2026-12-03T06:30:00Z',
};
const other = {
  id: 'x',
  practitionerId: 'a',
  roomId: 'r1',
  start: '2026-12-03T07:00:00Z',
  end: '2026-12-03T08:00:00Z',
};
const base = {
  practitionerId: 'a',
  ownBookingIds: new Set(['own']),
  lengthMinutes: 30,
  notBeforeMs: Date.parse('2026-11-20T00:00:00Z'),
  stepMinutes: 30,
  perDay: 100,
  currentStartMs: Date.parse(own.start),
};

describe('moveOptions', () => {
  it("offers the practitioner's free times on working days in the window, never the taken ones", () => {
    const schedule = prepareSchedule(testClinic({ bookings: [own, other] }));
    const options = moveOptions({ ...base, schedule, window: window('2026-12-03', '2026-12-06') });
    const days = [...new Set(options.map((o) => o.localDate))];
    // Saturday and Sunday are days off.
    expect(days).toEqual(['2026-12-03', '2026-12-04']);
    const thursday = options.filter((o) => o.localDate === '2026-12-03').map((o) => o.localTime);
    expect(thursday).not.toContain('09:00'); // where it is now
    expect(thursday).not.toContain('10:00'); // another patient's
    expect(thursday).not.toContain('10:30');
    expect(thursday).toContain('09:30');
    expect(thursday).toContain('11:00');
    expect(thursday.at(-1)).toBe('16:30');
    expect(options[0]).toMatchObject({ roomId: 'r1', start: '2026-12-03T06:30:00Z' });
  });

  it('offers nothing before the notice period ends, and a few times a day spread out', () => {
    const schedule = prepareSchedule(testClinic({ bookings: [own] }));
    const notBeforeMs = Date.parse('2026-12-03T12:00:00Z'); // 15:00 Istanbul
    const options = moveOptions({
      ...base,
      schedule,
      notBeforeMs,
      perDay: 3,
      window: window('2026-12-03', '2026-12-04'),
    });
    expect(options.map((o) => `${o.localDate} ${o.localTime}`)).toEqual([
      '2026-12-03 15:00',
      '2026-12-03 16:00',
      '2026-12-03 16:30',
      '2026-12-04 09:00',
      '2026-12-04 13:00',
      '2026-12-04 16:30',
    ]);
  });

  it('offers nothing with a practitioner who does not work there', () => {
    const schedule = prepareSchedule(testClinic({ practitioners: [testPractitioner('b')] }));
    expect(moveOptions({ ...base, schedule, window: window('2026-12-03', '2026-12-04') })).toEqual([]);
  });
});
