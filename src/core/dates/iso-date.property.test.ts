import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageInYears, dayNumber, daysBetween, fromDayNumber, isIsoDate } from './iso-date.js';

/**
 * The day arithmetic checked against Temporal.PlainDate, an independent implementation of the
 * same proleptic Gregorian calendar, over two and a half centuries of dates.
 */

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const text = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
const plain = (date: string) => Temporal.PlainDate.from(date);

const EPOCH = Temporal.PlainDate.from('1970-01-01');
const dateArb = fc.integer({ min: -60_000, max: 60_000 }).map((offset) => EPOCH.add({ days: offset }).toString());
const fieldsArb = fc.tuple(
  fc.integer({ min: 1800, max: 2200 }),
  fc.integer({ min: 0, max: 13 }),
  fc.integer({ min: 0, max: 32 }),
);

describe('iso dates agree with Temporal.PlainDate', () => {
  it('accepts exactly the days that exist', () => {
    fc.assert(
      fc.property(fieldsArb, ([y, m, d]) => {
        let exists = true;
        try {
          Temporal.PlainDate.from({ year: y, month: m, day: d }, { overflow: 'reject' });
        } catch {
          exists = false;
        }
        expect(isIsoDate(text(y, m, d))).toBe(exists);
      }),
      { numRuns: 3000 },
    );
  });

  it('adds days, counts days between and numbers days the same way', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -2000, max: 2000 }), (date, days) => {
        const expected = plain(date).add({ days }).toString();
        expect(addDays(date, days)).toBe(expected);
        expect(daysBetween(date, expected)).toBe(days);
        expect(dayNumber(date)).toBe(EPOCH.until(plain(date)).days);
        expect(fromDayNumber(dayNumber(date))).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('adds months, taking the first of the next month where Temporal clamps to the last day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -36, max: 36 }), (date, months) => {
        const start = plain(date);
        const clamped = start.add({ months });
        const expected = clamped.day === start.day ? clamped : clamped.add({ days: 1 });
        expect(addMonths(date, months)).toBe(expected.toString());
      }),
      { numRuns: 2000 },
    );
  });

  it('counts whole years of age as Temporal counts whole years', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 40_000 }), (birth, days) => {
        const on = plain(birth).add({ days });
        expect(ageInYears(birth, on.toString())).toBe(plain(birth).until(on, { largestUnit: 'years' }).years);
      }),
      { numRuns: 2000 },
    );
  });
});
