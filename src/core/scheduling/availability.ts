import type { IsoDate } from '../dates/iso-date.js';
import type { InstantString } from './instant.js';
import type { WallClockSpan } from './wall-clock.js';

/**
 * The availability model: plain data, as stored or sent over the wire. Working hours and time off
 * are local wall-clock rules in the location's zone; bookings are instants.
 */

/** ISO 8601 weekday: Monday = 1 ... Sunday = 7 (Temporal's `dayOfWeek`). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Working hours per weekday; several spans a day allow a lunch break. A missing weekday is a day off. */
export type WeeklyHours = Partial<Record<Weekday, readonly WallClockSpan[]>>;

/** Time off or a closure: whole local days (both ends included) or a local date-time range (end excluded). */
export type AvailabilityException =
  | { kind: 'days'; from: IsoDate; to: IsoDate; reason?: string }
  | { kind: 'hours'; start: LocalDateTime; end: LocalDateTime; reason?: string };

/** A local date and wall-clock time without zone, "2026-12-24T13:00", read in the location's zone. */
export type LocalDateTime = string;

export interface Room {
  id: string;
  name?: string;
}

export interface ClinicLocation {
  id: string;
  /** IANA zone, e.g. "Europe/Istanbul"; every wall-clock rule at this location is read in it. */
  timeZone: string;
  rooms: readonly Room[];
  /** Closures of the whole location (public holidays). */
  closures?: readonly AvailabilityException[];
  /** When the location is open; nobody is booked outside these hours, whatever their own. Always open when absent. */
  openingHours?: WeeklyHours;
}

/** One practitioner's availability at one location. */
export interface PractitionerAvailability {
  practitionerId: string;
  name?: string;
  /** Entries for other locations are ignored, so one list can serve every location. */
  locationId?: string;
  weeklyHours: WeeklyHours;
  exceptions?: readonly AvailabilityException[];
  /** Rooms this practitioner may use, in order of preference; all of the location's rooms when absent. */
  roomIds?: readonly string[];
}

/** An existing appointment; it blocks both its practitioner and its room, at any location. */
export interface Booking {
  id?: string;
  practitionerId: string;
  roomId: string;
  start: InstantString;
  end: InstantString;
}

export interface ScheduleInput {
  location: ClinicLocation;
  practitioners: readonly PractitionerAvailability[];
  bookings: readonly Booking[];
}
