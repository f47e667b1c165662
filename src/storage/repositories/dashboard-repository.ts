import type { SessionStatus } from '../../core/records/index.js';

/**
 * The dashboard's figures, each panel one grouped query over an index range. Counting is done by the
 * database: the answers are a few hundred rows however many sessions a clinic has.
 */

/** The UTC offset in force until `until` (exclusive), after the previous piece's `until`. */
export interface OffsetPiece {
  until: string;
  offsetMinutes: number;
}

export interface DashboardQuery {
  clinicId: string;
  /** Instants (ISO 8601 UTC, as stored): the start of the first clinic-local day, the start of the day after the last. */
  from: string;
  to: string;
  /**
   * The clinic zone's offsets over [from, to), in order, the last one reaching `to`: a stored instant's
   * local date is its UTC date after adding the offset in force. Computed by the caller (Temporal),
   * so that both engines group by the same days without a time-zone database of their own.
   */
  offsets: readonly OffsetPiece[];
}

export interface SessionDayCount {
  /** Clinic-local date, YYYY-MM-DD. */
  date: string;
  status: SessionStatus;
  sessions: number;
}

/** Booked time of one practitioner in one room (either may be unset on older sessions). */
export interface BookedTime {
  practitionerId: string | null;
  roomId: string | null;
  sessions: number;
  minutes: number;
}

export interface DayCount {
  date: string;
  count: number;
}

export interface SideEffectLevelCount {
  /** The triage level; null for reports stored without one. */
  level: 'expected' | 'review' | 'urgent' | null;
  reports: number;
  /** Of those, the reports whose symptom was still there when last reported. */
  open: number;
}

export interface TakingsDayTotal {
  date: string;
  currency: string;
  method: string;
  payments: number;
  amountMinor: number;
}

/** What the clinic's working time is computed from: every location's rooms, hours and closures. */
export interface ClinicAvailability {
  locations: { id: string; name: string; timeZone: string; createdAt: string }[];
  rooms: { id: string; locationId: string; name: string; active: boolean }[];
  /** Working weeks of the clinic's active practitioners (and admins who treat), as stored (JSON). */
  hours: {
    practitionerId: string;
    practitionerName: string;
    locationId: string;
    weeklyHours: unknown;
    roomIds: unknown;
  }[];
  openingHours: { locationId: string; weeklyHours: unknown }[];
  /** Closures (practitionerId null) and time off touching [fromDate, toDate]. */
  exceptions: ({ locationId: string; practitionerId: string | null } & (
    { kind: 'days'; from: string; to: string } | { kind: 'hours'; start: string; end: string }
  ))[];
}

export interface DashboardRepository {
  /** Sessions starting in the window, per clinic-local day and status. */
  sessionsByDay(query: DashboardQuery): Promise<SessionDayCount[]>;
  /** Minutes of planned, done and missed sessions starting in the window, per practitioner and room. */
  bookedTime(query: DashboardQuery, defaultMinutes: number): Promise<BookedTime[]>;
  /** Courses completed in the window, per clinic-local day of completion. */
  coursesCompletedByDay(query: DashboardQuery): Promise<DayCount[]>;
  /** Side-effect reports made in the window, per triage level. */
  sideEffectsByLevel(query: DashboardQuery): Promise<SideEffectLevelCount[]>;
  /** Payments received in the window, per clinic-local day, currency and method. */
  takingsByDay(query: DashboardQuery): Promise<TakingsDayTotal[]>;
  /** The clinic's rooms, practitioners' hours, opening hours and the closures and time off in the dates given. */
  clinicAvailability(clinicId: string, dates: { from: string; to: string }): Promise<ClinicAvailability>;
  /** Names of the clinic's users among `ids` (practitioners who booked sessions but set no hours). */
  userNames(clinicId: string, ids: readonly string[]): Promise<{ id: string; name: string }[]>;
}
