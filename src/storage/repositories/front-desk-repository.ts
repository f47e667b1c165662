import type {
  CheckInRecord,
  SlotOpeningRecord,
  TimeOfDaySpan,
  WaitingListEntryRecord,
} from '../../core/records/index.js';
import type { Page } from './page.js';
import type { PatientContact } from './patient-contact.js';

export interface NewWaitingListEntry {
  clinicId: string;
  patientId: string;
  indication: string;
  weekdays: readonly number[];
  timesOfDay: readonly TimeOfDaySpan[];
  note: string | null;
  createdBy: string | null;
}

/** A waiting patient with how to reach them. */
export interface WaitingListLine {
  entry: WaitingListEntryRecord;
  patient: PatientContact;
}

/** Check-ins, the waiting list and the slots that opened: what the front desk keeps (0038). */
export interface FrontDeskRepository {
  checkIn(input: { sessionId: string; by: string | null }): Promise<CheckInRecord>;
  findCheckIn(sessionId: string): Promise<CheckInRecord | undefined>;
  /** The check-ins of these sessions (none for an empty list). */
  checkInsOf(sessionIds: readonly string[]): Promise<CheckInRecord[]>;
  /** Undoes a check-in; false when there was none. */
  undoCheckIn(sessionId: string): Promise<boolean>;

  addToWaitingList(input: NewWaitingListEntry): Promise<WaitingListEntryRecord>;
  findWaitingListEntry(id: string): Promise<WaitingListEntryRecord | undefined>;
  /** The patient's open entry for the indication, if any (there is at most one). */
  findWaiting(patientId: string, indication: string): Promise<WaitingListEntryRecord | undefined>;
  /** The clinic's open entries, longest waiting first, optionally of one indication. */
  listWaiting(query: { clinicId: string; indication?: string } & Page): Promise<WaitingListLine[]>;
  /** Closes an open entry; none when it was not open (already booked or removed). */
  closeWaitingListEntry(
    id: string,
    close: { status: 'booked' | 'removed'; by: string | null; bookedCourseId?: string | null },
  ): Promise<WaitingListEntryRecord | undefined>;

  findSlotOpening(id: string): Promise<SlotOpeningRecord | undefined>;
  /** The clinic's openings starting at or after `from`, soonest first. */
  listSlotOpenings(query: { clinicId: string; from: string; to?: string; limit: number }): Promise<SlotOpeningRecord[]>;
}
