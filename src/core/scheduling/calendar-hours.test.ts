import { describe, expect, it } from 'vitest';
import type { ScheduleInput } from './availability.js';
import { calendarHours } from './calendar-hours.js';

const nineToFive = [{ start: '09:00', end: '17:00' }];
const input = (location: Partial<ScheduleInput['location']> = {}): ScheduleInput => ({
  location: { id: 'loc', timeZone: 'Europe/Berlin', rooms: [{ id: 'r1' }], ...location },
  practitioners: [
    {
      practitionerId: 'p1',
      weeklyHours: { 1: nineToFive, 2: nineToFive, 5: nineToFive },
      exceptions: [{ kind: 'hours', start: '2030-03-25T12:00', end: '2030-03-25T13:00', reason: 'Dentist' }],
    },
  ],
  bookings: [],
});
// Monday 25 March to Monday 1 April 2030 in Berlin; clocks go forward on Sunday 31 March.
const week = { fromMs: Date.parse('2030-03-24T23:00:00Z'), toMs: Date.parse('2030-03-31T22:00:00Z') };

describe('calendarHours', () => {
  it('gives each practitioner’s working time as instants, less time off and closures', () => {
    const hours = calendarHours(
      input({ closures: [{ kind: 'days', from: '2030-03-29', to: '2030-03-29', reason: 'Good Friday' }] }),
      week,
    );
    expect(hours.practitioners).toEqual([
      {
        id: 'p1',
        working: [
          { start: '2030-03-25T08:00:00.000Z', end: '2030-03-25T11:00:00.000Z' },
          { start: '2030-03-25T12:00:00.000Z', end: '2030-03-25T16:00:00.000Z' },
          { start: '2030-03-26T08:00:00.000Z', end: '2030-03-26T16:00:00.000Z' },
        ],
      },
    ]);
    expect(hours.closures).toEqual([
      { start: '2030-03-28T23:00:00.000Z', end: '2030-03-29T23:00:00.000Z', reason: 'Good Friday' },
    ]);
    // Open every hour (no opening hours) but the closure, across the change of clock.
    expect(hours.open).toEqual([
      { start: '2030-03-24T23:00:00.000Z', end: '2030-03-28T23:00:00.000Z' },
      { start: '2030-03-29T23:00:00.000Z', end: '2030-03-31T22:00:00.000Z' },
    ]);
  });

  it('keeps working hours within the opening hours, and shows the opening hours as open', () => {
    const hours = calendarHours(
      input({ openingHours: { 1: [{ start: '10:00', end: '14:00' }], 5: [{ start: '08:00', end: '12:00' }] } }),
      week,
    );
    expect(hours.practitioners[0]!.working).toEqual([
      { start: '2030-03-25T09:00:00.000Z', end: '2030-03-25T11:00:00.000Z' },
      { start: '2030-03-25T12:00:00.000Z', end: '2030-03-25T13:00:00.000Z' },
      { start: '2030-03-29T08:00:00.000Z', end: '2030-03-29T11:00:00.000Z' },
    ]);
    expect(hours.open).toEqual([
      { start: '2030-03-25T09:00:00.000Z', end: '2030-03-25T13:00:00.000Z' },
      { start: '2030-03-29T07:00:00.000Z', end: '2030-03-29T11:00:00.000Z' },
    ]);
  });

  it('leaves out closures outside the window', () => {
    const hours = calendarHours(input({ closures: [{ kind: 'days', from: '2030-04-05', to: '2030-04-06' }] }), week);
    expect(hours.closures).toEqual([]);
  });
});
