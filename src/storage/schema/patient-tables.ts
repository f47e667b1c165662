import type { Generated } from 'kysely';
import type { Flag, IsoTimestamp, JsonText } from './column-values.js';

// Row types (conventions in ../database-schema.ts): patients, their name search words, intakes and assessments.

export interface PatientsTable {
  id: string;
  clinic_id: string;
  first_name: string;
  last_name: string;
  /** Lower-case, accent-free copies of the names: search behaves the same on both engines. */
  first_name_key: string;
  last_name_key: string;
  birth_date: string;
  sex: string;
  phone: string | null;
  /** Digits of `phone` only, for search regardless of spacing and punctuation. */
  phone_digits: string | null;
  email: string | null;
  /** 0 once deactivated (0035): kept, but left out of searches unless asked for. Writers before 0035 leave it to its default, 1. */
  active: Generated<Flag>;
  /** The record this one was merged into (0035); null while it stands on its own. */
  merged_into_id: string | null;
  /** The language of the patient's portal, sheets and messages (0041; `en` until set). */
  preferred_language: Generated<string>;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

/**
 * Each word of each patient's name keys, with the keys patients are listed by, so that a name
 * search reads one ordered index range per matching word instead of every patient of the clinic.
 * Written with the patient (repositories/patient-name-words.ts); nothing else reads it.
 */
export interface PatientNameWordsTable {
  patient_id: string;
  clinic_id: string;
  /** One word of `first_name_key` or `last_name_key`; compared bytewise (collation "C" on PostgreSQL). */
  word: string;
  last_name_key: string;
  first_name_key: string;
}

/**
 * Every ordered pair of two different words of a patient's name keys, with the keys results are
 * ordered by: a search with two tokens (a first name and a surname) reads the patients holding both
 * words in list order, rather than reading one word's patients and filtering them by the other.
 * Written with the patient (repositories/patient-name-words.ts); nothing else reads it.
 */
export interface PatientNamePairsTable {
  patient_id: string;
  clinic_id: string;
  /** A word of the name; `word` and `other` compare bytewise (collation "C" on PostgreSQL). */
  word: string;
  /** Another word of the same name. */
  other: string;
  last_name_key: string;
  first_name_key: string;
}

export interface IntakesTable {
  id: string;
  patient_id: string;
  version: number;
  /** The contract's assessment request (patient + request), as JSON. */
  data: JsonText;
  created_by: string | null;
  created_at: IsoTimestamp;
}

export interface AssessmentsTable {
  id: string;
  intake_id: string | null;
  patient_id: string | null;
  result: JsonText;
  verdict: string;
  knowledge_base_version: string;
  created_by: string | null;
  created_at: IsoTimestamp;
}
