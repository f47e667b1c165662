import { describe, expect, it } from 'vitest';
import {
  assertDateInWindow,
  assertInOrder,
  assertTimestampInWindow,
  describeWindow,
  recordSearchWindow,
  windowDates,
} from './date-window.js';

const now = new Date('2028-02-29T12:00:00Z');
const window = { yearsBack: 1, yearsAhead: 5 };

describe('date windows', () => {
  it('run from the same day years back to the same day years ahead, by the clock they are given', () => {
    // 29 February has no twin in a common year: the later reading, 1 March.
    expect(windowDates(window, now)).toEqual({ from: '2027-03-01', to: '2033-03-01' });
    expect(windowDates(recordSearchWindow, now)).toEqual({ from: '2018-03-01', to: '2033-03-01' });
    expect(describeWindow(window)).toBe('from 1 year ago to 5 years ahead');
  });

  it('refuse a date or timestamp outside, naming the field and the dates', () => {
    expect(() => assertDateInWindow('from', '2027-03-01', window, now)).not.toThrow();
    expect(() => assertDateInWindow('from', '2033-03-01', window, now)).not.toThrow();
    expect(() => assertDateInWindow('from', '2027-02-28', window, now)).toThrow(
      'from: must be between 2027-03-01 and 2033-03-01 (from 1 year ago to 5 years ahead)',
    );
    expect(() => assertDateInWindow('to', '9999-12-31', window, now)).toThrow(/^to: must be between/);
    expect(() => assertTimestampInWindow('at', '2033-03-01T23:59:59.999Z', window, now)).not.toThrow();
    expect(() => assertTimestampInWindow('at', '2033-03-02T00:00:00.000Z', window, now)).toThrow(/^at: must be/);
    expect(() => assertTimestampInWindow('at', '0001-01-01T00:00:00.000Z', window, now)).toThrow(/^at: must be/);
  });

  it('refuse an end before its start', () => {
    expect(() => assertInOrder('2028-01-02', '2028-01-01')).toThrow('to: must not be before from');
    expect(() => assertInOrder('2028-01-01', '2028-01-01')).not.toThrow();
    expect(() => assertInOrder(undefined, '2028-01-01')).not.toThrow();
  });
});
