import type { CalendarSessionRecord } from '../../core/records/index.js';

export interface CalendarQuery {
  clinicId: string;
  locationId: string;
  /** Inclusive lower and exclusive upper bound on `scheduledAt` (ISO timestamps compare as text). */
  from: string;
  to: string;
  /**
   * Sessions of these practitioners (or in these rooms) are left out: a page of the week's columns
   * leaves out the location's other practitioners (or rooms). Sessions of no one (or no room) stay.
   */
  hidePractitionerIds?: readonly string[];
  hideRoomIds?: readonly string[];
}

export interface CalendarRepository {
  /**
   * The sessions of a location starting in the window (and the clinic's sessions booked without a
   * location), every status, in time order, with the patient's, practitioner's and room's names,
   * the session's place in its course and why it was closed: one query.
   */
  sessions(query: CalendarQuery): Promise<CalendarSessionRecord[]>;
}
