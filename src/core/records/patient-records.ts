import type { AssessmentResult } from '../assessment/assessment-result.js';
import type { Intake, sexValues } from '../assessment/intake-schema.js';
import type { PhotoKind } from './record-values.js';

export type Sex = (typeof sexValues)[number];

export interface PatientRecord {
  id: string;
  clinicId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: Sex;
  phone: string | null;
  email: string | null;
  /** False once deactivated: kept with every record, but left out of searches unless asked for. */
  active: boolean;
  /** Set when this record was merged into another (the one kept); such a record is never searched. */
  mergedIntoId: string | null;
  /** The language of the patient's portal, sheets and messages (a language of the knowledge library). */
  preferredLanguage: string;
  createdAt: string;
  updatedAt: string;
}

/** `data` is the contract's assessment request, parsed (parseIntake) when it was loaded. */
export interface IntakeRecord {
  id: string;
  patientId: string;
  version: number;
  data: Intake;
  createdBy: string | null;
  createdAt: string;
}

export interface AssessmentRecord {
  id: string;
  intakeId: string | null;
  patientId: string | null;
  result: AssessmentResult;
  verdict: string;
  knowledgeBaseVersion: string;
  createdBy: string | null;
  createdAt: string;
}

export interface ConsentTextRecord {
  id: string;
  clinicId: string;
  procedure: string;
  /** ISO 639 code: each procedure has a current version per language. */
  language: string;
  /** Counted per procedure, across its languages. */
  version: number;
  text: string;
  active: boolean;
  createdAt: string;
}

export interface ConsentSignatureRecord {
  id: string;
  patientId: string;
  consentTextId: string;
  typedName: string;
  /** A `data:` URL of the drawn signature, or null when only a name was typed. */
  signatureImage: string | null;
  signedAt: string;
  userAgent: string | null;
  userId: string | null;
  /** The language of the text signed (its version is the text's: `consentTextId` pins it). */
  language: string;
}

export interface PhotoRecord {
  id: string;
  patientId: string;
  sessionId: string | null;
  kind: PhotoKind;
  filePath: string;
  mime: string;
  createdBy: string | null;
  createdAt: string;
  /** The stored file's size; null on photos from before sizes were kept, until the server has read it from disk. */
  bytes: number | null;
}
