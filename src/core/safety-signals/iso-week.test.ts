import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, fromDayNumber } from '../dates/iso-date.js';
import { isoWeekOf, shiftWeek } from './iso-week.js';

describe('ISO weeks', () => {
  it.each([
    ['2026-01-01', '2026-W01', '2025-12-29'], // a Thursday: week 1 of its own year
    ['2027-01-01', '2026-W53', '2026-12-28'], // a Friday: the last week of the year before
    ['2024-12-30', '2025-W01', '2024-12-30'], // a Monday in December, already in next year's week 1
    ['2021-01-03', '2020-W53', '2020-12-28'], // a Sunday
    ['2026-12-06', '2026-W49', '2026-11-30'],
  ])('%s is in %s, which starts on %s', (date, id, monday) => {
    expect(isoWeekOf(date)).toEqual({ id, monday, sunday: addDays(monday, 6) });
  });

  it('every day of a week is in the same week, which starts on a Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2090-12-31') }), (day) => {
        const date = fromDayNumber(day);
        const week = isoWeekOf(date);
        expect(new Date(`${week.monday}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(week.monday <= date && date <= week.sunday).toBe(true);
        expect(isoWeekOf(week.monday).id).toBe(week.id);
        expect(isoWeekOf(week.sunday).id).toBe(week.id);
        expect(shiftWeek(date, 1).monday).toBe(addDays(week.monday, 7));
        expect(shiftWeek(date, -1).id).not.toBe(week.id);
      }),
      { numRuns: 300, seed: 49 },
    );
  });
});
