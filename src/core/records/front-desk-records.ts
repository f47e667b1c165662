/** The patient has arrived for a session: when, and who marked it. */
export interface CheckInRecord {
  sessionId: string;
  checkedInAt: string;
  checkedInBy: string | null;
}

export type WaitingListStatus = 'waiting' | 'booked' | 'removed';

/** A local wall-clock span, `{ start: '09:00', end: '12:00' }` (the course finder's `WallClockSpan`). */
export interface TimeOfDaySpan {
  start: string;
  end: string;
}

/** A patient waiting for a course of an indication, with the days and times they can come. */
export interface WaitingListEntryRecord {
  id: string;
  clinicId: string;
  patientId: string;
  indication: string;
  /** ISO weekdays, 1 = Monday; empty: any day. */
  weekdays: number[];
  /** Local times each session must lie in; empty: any time. */
  timesOfDay: TimeOfDaySpan[];
  note: string | null;
  status: WaitingListStatus;
  createdBy: string | null;
  createdAt: string;
  closedBy: string | null;
  closedAt: string | null;
  bookedCourseId: string | null;
}

/** The time a planned session gave up when it was cancelled or moved (recorded by the database). */
export interface SlotOpeningRecord {
  id: string;
  clinicId: string | null;
  sessionId: string;
  locationId: string | null;
  practitionerId: string | null;
  roomId: string | null;
  startsAt: string;
  durationMinutes: number | null;
  reason: 'cancelled' | 'moved';
  createdAt: string;
}
