import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageInYears, daysBetween, isIsoDate } from './iso-date.js';

describe('iso dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2026-11-22')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('22/11/2026')).toBe(false);
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
