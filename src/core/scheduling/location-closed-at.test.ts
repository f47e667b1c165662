import { describe, expect, it } from 'vitest';
import type { ClinicLocation } from './availability.js';
import { locationClosedAt } from './location-closed-at.js';

const location: ClinicLocation = {
  id: 'loc',
  timeZone: 'Europe/Istanbul',
  rooms: [],
  openingHours: { 1: [{ start: '09:00', end: '18:00' }], 2: [{ start: '09:00', end: '18:00' }] },
  closures: [
    { kind: 'days', from: '2030-04-23', to: '2030-04-23', reason: 'National holiday' },
    { kind: 'hours', start: '2030-04-22T13:00', end: '2030-04-22T15:00' },
  ],
};

describe('locationClosedAt', () => {
  it('names a closure covering the time, with its reason, in the location’s zone', () => {
    // 09:30 in Istanbul (UTC+3) on the holiday.
    expect(locationClosedAt(location, Date.parse('2030-04-23T06:30:00Z'))).toEqual({
      why: 'closure',
      date: '2030-04-23',
      reason: 'National holiday',
    });
    expect(locationClosedAt(location, Date.parse('2030-04-22T10:30:00Z'))).toEqual({
      why: 'closure',
      date: '2030-04-22',
      reason: null,
    });
  });

  it('tells a time outside the opening hours, and nothing when open', () => {
    expect(locationClosedAt(location, Date.parse('2030-04-22T04:00:00Z'))).toEqual({
      why: 'outside_opening_hours',
      date: '2030-04-22',
      time: '07:00',
    });
    // Wednesday: no opening hours at all that day.
    expect(locationClosedAt(location, Date.parse('2030-04-24T09:00:00Z'))?.why).toBe('outside_opening_hours');
    expect(locationClosedAt(location, Date.parse('2030-04-22T07:00:00Z'))).toBeUndefined();
    expect(
      locationClosedAt({ ...location, openingHours: undefined }, Date.parse('2030-04-24T09:00:00Z')),
    ).toBeUndefined();
  });
});
