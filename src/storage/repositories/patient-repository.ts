import type { PatientRecord, Sex } from '../../core/records/index.js';
import type { Page } from './page.js';

export interface NewPatient {
  clinicId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: Sex;
  phone?: string | null;
  email?: string | null;
}

export type PatientPatch = Partial<Omit<NewPatient, 'clinicId'>>;

export interface PatientSearch extends Page {
  clinicId: string;
  /** Words that must each start a word of the first or last name, ignoring case and accents. */
  name?: string;
  birthDate?: string;
  /** Digits that must appear in the phone number, ignoring spacing and punctuation. */
  phone?: string;
}

export interface PatientRepository {
  create(input: NewPatient): Promise<PatientRecord>;
  findById(id: string): Promise<PatientRecord | undefined>;
  update(id: string, patch: PatientPatch): Promise<PatientRecord | undefined>;
  search(query: PatientSearch): Promise<PatientRecord[]>;
  /** Whether anything clinical, a consent or an account refers to the patient (so deleting would lose records). */
  hasDependentRecords(id: string): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  /** A clinic's patients in id order, after `afterId`: pages for reading a whole clinic that stay stable while patients are added. */
  listByClinic(query: { clinicId: string; afterId?: string; limit: number }): Promise<PatientRecord[]>;
  countByClinic(clinicId: string): Promise<number>;
}
