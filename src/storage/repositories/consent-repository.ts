import type { ConsentSignatureRecord, ConsentTextRecord } from '../../core/records/index.js';

export interface NewConsentSignature {
  patientId: string;
  consentTextId: string;
  typedName: string;
  signatureImage?: string | null;
  userAgent?: string | null;
  userId: string | null;
}

export interface ConsentRepository {
  /** Adds the next version of the procedure's text; `active` also deactivates the others. Call inside a transaction. */
  createText(input: { clinicId: string; procedure: string; text: string; active: boolean }): Promise<ConsentTextRecord>;
  findText(id: string): Promise<ConsentTextRecord | undefined>;
  findActiveText(clinicId: string, procedure: string): Promise<ConsentTextRecord | undefined>;
  listTexts(clinicId: string): Promise<ConsentTextRecord[]>;
  /** Makes this version the active one for its procedure. Call inside a transaction. */
  activateText(id: string): Promise<ConsentTextRecord | undefined>;
  sign(input: NewConsentSignature): Promise<ConsentSignatureRecord>;
  /** Newest first. */
  listSignatures(patientId: string): Promise<ConsentSignatureRecord[]>;
  findSignature(id: string): Promise<ConsentSignatureRecord | undefined>;
  /** Every signature of these patients (a batch of an export), oldest first. */
  listSignaturesByPatients(patientIds: readonly string[]): Promise<ConsentSignatureRecord[]>;
}
