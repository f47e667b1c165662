import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { localDate, localDateTime } from './local-date.js';

describe('local date of a session', () => {
  it('is the date where the clinic is, not the UTC date', () => {
    expect(localDate('2026-12-07T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-12-08');
    expect(localDate('2026-12-08T03:30:00.000Z', 'America/New_York')).toBe('2026-12-07');
    expect(localDate('2026-12-07T23:30:00.000Z', 'UTC')).toBe('2026-12-07');
  });

  it('follows daylight saving time', () => {
    // Berlin is UTC+2 in summer: 22:30 UTC is already the next day there.
    expect(localDate('2026-07-01T22:30:00.000Z', 'Europe/Berlin')).toBe('2026-07-02');
    expect(localDate('2026-01-01T22:30:00.000Z', 'Europe/Berlin')).toBe('2026-01-01');
  });

  it('fails with a clear error on a zone it does not know, rather than reading the day in UTC', () => {
    expect(() => localDate('2026-12-07T23:30:00.000Z', 'Mars/Olympus')).toThrow(
      new RangeError('unknown time zone: Mars/Olympus'),
    );
    // Asked again (the formatter cache must not remember a failure as a success).
    expect(() => localDate('2026-12-07T23:30:00.000Z', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localDateTime(Date.parse('2026-12-07T23:30:00.000Z'), 'Mars/Olympus')).toThrow(RangeError);
  });

  it('gives the 24-hour wall-clock time with the date', () => {
    expect(localDateTime('2026-12-07T23:30:00.000Z', 'Europe/Berlin')).toEqual({ date: '2026-12-08', time: '00:30' });
    expect(localDateTime(Date.parse('2026-07-01T12:05:00.000Z'), 'America/New_York')).toEqual({
      date: '2026-07-01',
      time: '08:05',
    });
  });

  it('agrees with Temporal for any instant, including zones with odd offsets and half-hour DST', () => {
    const zones = [
      'UTC',
      'Europe/London',
      'Europe/Berlin',
      'America/New_York',
      'America/St_Johns',
      'Asia/Kathmandu',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
    ];
    const from = Date.parse('2000-01-01T00:00:00Z');
    const to = Date.parse('2040-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...zones), (ms, zone) => {
        const instant = new Date(ms).toISOString();
        const expected = Temporal.Instant.from(instant).toZonedDateTimeISO(zone).toPlainDate().toString();
        expect(localDate(instant, zone)).toBe(expected);
        expect(localDateTime(ms, zone).date).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects text that is not an instant', () => {
    expect(() => localDate('not a time', 'UTC')).toThrow(RangeError);
  });
});
