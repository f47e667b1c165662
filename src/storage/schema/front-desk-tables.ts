import type { IsoTimestamp, JsonText } from './column-values.js';

// Row types (conventions in ../database-schema.ts): check-ins, the waiting list and the slots that opened (0038).

/** The patient has arrived for the session: one row per session, deleted when a check-in is undone. */
export interface SessionCheckInsTable {
  session_id: string;
  checked_in_at: IsoTimestamp;
  checked_in_by: string | null;
}

export type WaitingListStatus = 'waiting' | 'booked' | 'removed';

/** A patient waiting for a course of an indication; closed (booked or removed), never deleted. */
export interface WaitingListEntriesTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  indication: string;
  /** JSON list of ISO weekdays (1 = Monday); empty: any day. */
  weekdays: JsonText;
  /** JSON list of `{ start, end }` local times; empty: any time. */
  times_of_day: JsonText;
  note: string | null;
  status: WaitingListStatus;
  created_by: string | null;
  created_at: IsoTimestamp;
  closed_by: string | null;
  closed_at: IsoTimestamp | null;
  /** The course booked from the entry, when it was booked. */
  booked_course_id: string | null;
}

/** The time a planned session gave up (cancelled or moved), written by a trigger on treatment_sessions. */
export interface SlotOpeningsTable {
  id: string;
  clinic_id: string | null;
  session_id: string;
  location_id: string | null;
  practitioner_id: string | null;
  room_id: string | null;
  starts_at: IsoTimestamp;
  duration_minutes: number | null;
  reason: 'cancelled' | 'moved';
  created_at: IsoTimestamp;
}
