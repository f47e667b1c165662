import { invalidField } from '../domain-errors.js';

/** How far from today anything may be booked, moved to or searched from: beyond it, a date is a typo. */
export const bookingWindowYears = 10;
const windowMs = bookingWindowYears * 366 * 86_400_000;

/** 400 naming `field` when `ms` lies more than the window away from now (also keeps dates inside what the clinic calendar can compute). */
export function assertWithinBookingWindow(field: string, ms: number, nowMs: number): void {
  if (!(Math.abs(ms - nowMs) <= windowMs))
    throw invalidField(field, `must be within ${bookingWindowYears} years of today`);
}
