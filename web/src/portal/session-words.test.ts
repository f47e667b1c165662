import { describe, expect, it } from 'vitest';
import { shortDate, zonedDateTime } from './session-words';

describe('session words', () => {
  it("reads a calendar date as the location's day, whatever the reader's zone", () => {
    expect(shortDate('en-GB', '2027-01-14')).toBe('14 Jan');
    expect(shortDate('tr', '2027-01-14')).toBe('14 Oca');
  });

  it("gives an instant in the location's zone", () => {
    expect(zonedDateTime('en-GB', '2027-01-14T09:00:00Z', 'Europe/Istanbul')).toBe('14 Jan, 12:00');
  });
});
