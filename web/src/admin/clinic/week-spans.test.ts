import { describe, expect, it } from 'vitest';
import { nextSpan, toWeekForm, toWeeklyHours } from './week-spans';

describe('opening hours in the form', () => {
  it('reads stored hours by weekday, Monday first, and writes back only the open days', () => {
    const stored = { 2: [{ start: '10:00', end: '13:00' }], 7: [{ start: '09:00', end: '12:00' }], 9: 'x' };
    const week = toWeekForm(stored);
    expect(week).toHaveLength(7);
    expect(week[0]).toEqual([]);
    expect(week[1]).toEqual([{ start: '10:00', end: '13:00' }]);
    expect(toWeeklyHours(week)).toEqual({
      2: [{ start: '10:00', end: '13:00' }],
      7: [{ start: '09:00', end: '12:00' }],
    });
    expect(toWeekForm(null).every((d) => d.length === 0)).toBe(true);
  });

  it('offers a working day first, then hours after the last ones', () => {
    expect(nextSpan([])).toEqual({ start: '09:00', end: '17:00' });
    expect(nextSpan([{ start: '09:00', end: '12:00' }])).toEqual({ start: '12:00', end: '20:00' });
  });
});
