import { describe, expect, it } from 'vitest';
import { daysFromToday, januaryMonday, todayIso } from './relative-dates.js';

describe('relative test dates', () => {
  it('count from today, and find a Monday in January years on', () => {
    expect(daysFromToday(0)).toBe(todayIso());
    expect(Date.parse(daysFromToday(1)) - Date.parse(todayIso())).toBe(86_400_000);
    for (const years of [1, 2, 3, 4]) {
      const monday = januaryMonday(years);
      expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(monday.slice(0, 8)).toBe(`${new Date().getUTCFullYear() + years}-01-`);
      expect(Number(monday.slice(8))).toBeLessThanOrEqual(7);
      expect(januaryMonday(years, 1) > monday).toBe(true);
    }
  });
});
