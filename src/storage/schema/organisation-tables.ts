import type { Generated } from 'kysely';
import type { IsoTimestamp, JsonText, Flag, Role } from './column-values.js';

// Row types (conventions in ../database-schema.ts): clinics, locations, rooms, working hours and user accounts.

export interface ClinicsTable {
  id: string;
  name: string;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

/** A clinic made by the demo (the first start or `mesodesk demo`): only such a clinic may be reset. */
export interface DemoClinicsTable {
  clinic_id: string;
  /** The seed the demo was generated from. */
  seed: number;
  created_at: IsoTimestamp;
}

export interface LocationsTable {
  id: string;
  clinic_id: string;
  name: string;
  address: string | null;
  /** IANA zone ("Europe/Berlin"): working hours and time off at the location are read in it. */
  time_zone: string;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

export interface UsersTable {
  id: string;
  clinic_id: string;
  /** Stored lower-cased so that uniqueness ignores case on both engines. */
  email: string;
  display_name: string;
  /** argon2id, in PHC string format. */
  password_hash: string;
  role: Role;
  /** Set only for patient accounts: the patient whose records this user may see. */
  patient_id: string | null;
  active: Flag;
  /** The language the user reads in (0041; `en` until set); a patient account reads in its patient record's. */
  preferred_language: Generated<string>;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

/** An invitation to become a user (0028): only the SHA-256 of the link's token is stored. */
export interface UserInvitationsTable {
  id: string;
  clinic_id: string;
  /** Lower-cased, as users' emails are. */
  email: string;
  display_name: string;
  role: Role;
  /** Set only for an invitation to a patient account. */
  patient_id: string | null;
  token_hash: string;
  expires_at: IsoTimestamp;
  created_by: string | null;
  created_at: IsoTimestamp;
  /** When the link was used, and the user it made. */
  accepted_at: IsoTimestamp | null;
  user_id: string | null;
  /** When an admin withdrew it, or a new invitation to the same email replaced it after it expired. */
  revoked_at: IsoTimestamp | null;
  /** The emailed link in the outbox, withdrawn once the invitation is closed. */
  outbox_message_id: string | null;
}

export interface AuthSessionsTable {
  id: string;
  /** SHA-256 of the cookie token: a leaked database does not yield usable sessions. */
  token_hash: string;
  user_id: string;
  user_agent: string | null;
  created_at: IsoTimestamp;
  expires_at: IsoTimestamp;
}

export interface RoomsTable {
  id: string;
  location_id: string;
  name: string;
  active: Flag;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

/** One practitioner's working week at one location (src/core/scheduling's `PractitionerAvailability`). */
export interface PractitionerAvailabilityTable {
  id: string;
  practitioner_id: string;
  location_id: string;
  /** JSON `WeeklyHours`: ISO weekday → local wall-clock spans. */
  weekly_hours: JsonText;
  /** JSON list of room ids in order of preference; null: any room of the location. */
  room_ids: JsonText | null;
  updated_at: IsoTimestamp;
}

/** Time off (a practitioner) or a closure (practitioner_id null), as local dates or local date-times. */
export interface AvailabilityExceptionsTable {
  id: string;
  location_id: string;
  practitioner_id: string | null;
  kind: 'days' | 'hours';
  /** `days`: first and last local date (both included); `hours`: local date-times (end excluded). */
  starts: string;
  ends: string;
  reason: string | null;
  created_at: IsoTimestamp;
}

/** A calendar subscription address of a user (0017): the token itself is never stored. */
export interface CalendarFeedsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: IsoTimestamp;
}
