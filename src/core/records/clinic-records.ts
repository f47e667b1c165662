import type { Role } from './record-values.js';

export interface ClinicRecord {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** The clinic's logo, printed at the head of its documents. */
export interface ClinicLogo {
  clinicId: string;
  mime: 'image/png' | 'image/jpeg';
  data: Uint8Array;
  updatedAt: string;
  updatedBy: string | null;
}

export interface LocationRecord {
  id: string;
  clinicId: string;
  name: string;
  address: string | null;
  /** IANA time zone of the location ("Europe/Berlin"). */
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export interface RoomRecord {
  id: string;
  locationId: string;
  name: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A user without the password hash, which only the login path ever needs. */
export interface UserRecord {
  id: string;
  clinicId: string;
  email: string;
  displayName: string;
  role: Role;
  patientId: string | null;
  active: boolean;
  /**
   * The language the user reads the workspace in (a language of the knowledge library). A patient
   * account reads in its patient record's `preferredLanguage` instead (see server/reader-language.ts).
   */
  preferredLanguage: string;
  createdAt: string;
  updatedAt: string;
}

export interface AuthSessionRecord {
  id: string;
  userId: string;
  userAgent: string | null;
  createdAt: string;
  expiresAt: string;
}
