import type { PatientRecord, Sex } from '../../core/records/index.js';
import type { Page } from './page.js';
import type { RecordRepository } from './record-repository.js';

export interface NewPatient {
  clinicId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: Sex;
  phone?: string | null;
  email?: string | null;
  /** `en` (the column's default) unless given. */
  preferredLanguage?: string;
}

export type PatientPatch = Partial<Omit<NewPatient, 'clinicId'>>;

export interface PatientSearch extends Page {
  clinicId: string;
  /** Words that must each start a word of the first or last name, ignoring case and accents. */
  name?: string;
  birthDate?: string;
  /** Digits that must appear in the phone number, ignoring spacing and punctuation. */
  phone?: string;
  /** Deactivated patients too; a record merged into another is never found. */
  includeInactive?: boolean;
}

/** What may make a patient a duplicate of another (src/core/patients/duplicate-match.ts decides). */
export interface DuplicateLookup {
  clinicId: string;
  /** The birth date, or null when the name and birth date are not both known. */
  birthDate: string | null;
  /** `phoneTail` of the phone number, or null for none. */
  phoneTail: string | null;
  /** `emailKey` of the email, or null for none. */
  email: string | null;
  /** A patient not to offer (the one being edited). */
  excludeId?: string;
  limit: number;
}

export interface PatientRepository extends RecordRepository<NewPatient, PatientRecord> {
  update(id: string, patch: PatientPatch): Promise<PatientRecord | undefined>;
  search(query: PatientSearch): Promise<PatientRecord[]>;
  /**
   * Patients of the clinic born that day, or with that phone tail or email, active or not, merged
   * records left out: candidates, which the caller checks (names compare in the core).
   */
  findDuplicateCandidates(lookup: DuplicateLookup): Promise<PatientRecord[]>;
  /** Locks the patients' rows until the transaction ends, in id order (two merges of one pair wait, never deadlock). */
  lock(ids: readonly string[]): Promise<void>;
  /** Deactivates or reactivates; only a patient both active and not merged stays in the name search. */
  setActive(id: string, active: boolean): Promise<PatientRecord | undefined>;
  /** Marks the patient merged into `survivorId`, or (null) standing on its own again. */
  setMergedInto(id: string, survivorId: string | null): Promise<PatientRecord | undefined>;
  /** Whether anything clinical, a consent, an account or a merge refers to the patient (so deleting would lose records). */
  hasDependentRecords(id: string): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  /** A clinic's patients in id order, after `afterId`: pages for reading a whole clinic that stay stable while patients are added. */
  listByClinic(query: { clinicId: string; afterId?: string; limit: number }): Promise<PatientRecord[]>;
  countByClinic(clinicId: string): Promise<number>;
}
