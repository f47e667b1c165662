import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageInYears,
  dayNumber,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
} from './iso-date.js';

describe('iso dates', () => {
  it.each(['2026-11-22', '2024-02-29'])('accepts %s, a real calendar date', (text) => {
    expect(isIsoDate(text)).toBe(true);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '22/11/2026'])('refuses %s, not a real calendar date', (text) => {
    expect(isIsoDate(text)).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-11-19', 7)).toBe('2026-11-26');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(daysBetween('2026-11-19', '2026-11-26')).toBe(7);
    expect(daysBetween('2026-11-26', '2026-11-19')).toBe(-7);
  });

  it('adds months, rolling a missing day forward so waits are never cut short', () => {
    expect(addMonths('2026-05-22', 6)).toBe('2026-11-22');
    expect(addMonths('2026-08-31', 6)).toBe('2027-03-01');
    expect(addMonths('2027-08-31', 6)).toBe('2028-03-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-03-01');
    expect(addMonths('2026-11-30', 3)).toBe('2027-03-01');
  });

  it('counts age in whole years, turning a year older on the birthday', () => {
    expect(ageInYears('2008-11-22', '2026-11-21')).toBe(17);
    expect(ageInYears('2008-11-22', '2026-11-22')).toBe(18);
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('iso date edge cases', () => {
  it('follows the Gregorian leap rules, century years included', () => {
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });

  it('rejects impossible days and any form other than YYYY-MM-DD', () => {
    for (const bad of [
      '2026-04-31',
      '2026-00-10',
      '2026-11-00',
      '20261122',
      '2026-11-22T00:00',
      ' 2026-11-22',
      '+002026-11-22',
      '',
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
    expect(() => addDays('20261122', 1)).toThrow(RangeError);
  });

  it('numbers days from 1970-01-01 in both directions', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-01-01')).toBe(10_957);
    expect(fromDayNumber(10_957)).toBe('2000-01-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('rolls a leap day and backwards month steps forward too', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-03-01');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-03-01');
    expect(addMonths('2024-01-29', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-03-01');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-12-31', 0)).toBe('2026-12-31');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('counts ages around leap-day birthdays and on the birth date itself', () => {
    expect(ageInYears('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageInYears('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageInYears('2008-03-01', '2026-02-28')).toBe(17);
    expect(ageInYears('2026-11-22', '2026-11-22')).toBe(0);
    // parseIntake rejects a birth date after the visit; called directly, the count goes below zero.
    expect(ageInYears('2026-11-22', '2026-11-21')).toBe(-1);
    expect(ageInYears('2028-02-29', '2027-02-28')).toBe(-2);
  });
});

describe('years 0 to 99', () => {
  // Date.UTC reads them as 1900 to 1999; a birth date typed as 0050 must not become 1950.
  it('are their own years, not the twentieth century', () => {
    expect(addDays('0050-01-01', 1)).toBe('0050-01-02');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(daysBetween('0050-01-01', '0450-01-01')).toBe(146_097);
    expect(fromDayNumber(dayNumber('0050-03-01'))).toBe('0050-03-01');
    expect(isIsoDate('0004-02-29')).toBe(true);
    expect(isIsoDate('0100-02-29')).toBe(false);
    expect(addMonths('0050-01-31', 1)).toBe('0050-03-01');
  });
});
