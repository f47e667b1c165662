import { describe, expect, it } from 'vitest';
import { sessionDates } from './session-dates';

describe('sessionDates', () => {
  it('spaces sessions by whole calendar days at the same local time', () => {
    const dates = sessionDates('2026-03-20T09:00', 3, 7);
    expect(dates.map((d) => [d.getDate(), d.getHours(), d.getMinutes()])).toEqual([
      [20, 9, 0],
      [27, 9, 0],
      [3, 9, 0],
    ]);
  });

  it('gives nothing for an unfinished date or no sessions', () => {
    expect(sessionDates('', 3, 7)).toEqual([]);
    expect(sessionDates('2026-03-20T09:00', 0, 7)).toEqual([]);
  });
});
