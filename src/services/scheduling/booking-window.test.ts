import { describe, expect, it } from 'vitest';
import { assertDateWithinBookingWindow, assertWithinBookingWindow, bookingWindowDates } from './booking-window.js';

const now = Date.parse('2026-02-28T12:00:00Z');
const check = (at: string) => () => assertWithinBookingWindow('start', Date.parse(at), now);

describe('the booking window', () => {
  it('runs from the same day a year back to the same day five years ahead, by the clock it is given', () => {
    expect(bookingWindowDates(new Date(now))).toEqual({ from: '2025-02-28', to: '2031-02-28' });
    expect(check('2025-02-28T00:00:00Z')).not.toThrow();
    expect(check('2031-02-28T23:59:59.999Z')).not.toThrow();
    expect(check('2025-02-27T23:59:59Z')).toThrow('start: must be between 2025-02-28 and 2031-02-28');
    expect(check('2031-03-01T00:00:00Z')).toThrow(/must be between/);
    expect(check('9999-12-31T22:59:59Z')).toThrow(/must be between/);
    expect(() => assertWithinBookingWindow('start', Number.NaN, now)).toThrow(/must be between/);
  });

  it('checks calendar dates the same way', () => {
    expect(() => assertDateWithinBookingWindow('from', '2031-02-28', now)).not.toThrow();
    expect(() => assertDateWithinBookingWindow('from', '2031-03-01', now)).toThrow('from: must be between');
    expect(() => assertDateWithinBookingWindow('to', '2025-02-27', now)).toThrow('to: must be between');
  });
});
