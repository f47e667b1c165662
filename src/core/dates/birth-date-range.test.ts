import { describe, expect, it } from 'vitest';
import { birthDateProblem } from './birth-date-range.js';

describe('birthDateProblem', () => {
  it('accepts 1900-01-01 up to and including today, and says what is wrong otherwise', () => {
    expect(birthDateProblem('1900-01-01', '2026-12-06')).toBeUndefined();
    expect(birthDateProblem('2026-12-06', '2026-12-06')).toBeUndefined();
    expect(birthDateProblem('1899-12-31', '2026-12-06')).toBe('must be 1900-01-01 or later');
    expect(birthDateProblem('0990-05-01', '2026-12-06')).toBe('must be 1900-01-01 or later');
    expect(birthDateProblem('2026-12-07', '2026-12-06')).toBe('must not be in the future');
  });
});
