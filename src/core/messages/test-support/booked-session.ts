import type { BookedSession } from '../message-types.js';

/** A 45-minute session on Monday 2026-12-07 at 10:00 in Berlin, for Paula, with numbing cream unless told. */
export function bookedSession(overrides: Partial<BookedSession> = {}): BookedSession {
  return {
    id: 's-1',
    start: '2026-12-07T10:00:00+01:00',
    durationMinutes: 45,
    timeZone: 'Europe/Berlin',
    locale: 'en-GB',
    clinicName: 'Clinic Lindenhof',
    place: 'Main room, 1 Test Street',
    patient: { firstName: 'Paula', email: 'paula@example.test' },
    numbingCream: true,
    ...overrides,
  };
}
