import type { ConsentSignatureRecord, ConsentTextRecord } from '../../core/records/index.js';

export interface NewConsentSignature {
  patientId: string;
  consentTextId: string;
  typedName: string;
  signatureImage?: string | null;
  userAgent?: string | null;
  userId: string | null;
  /** The language of the text signed (the column's default, `en`, unless given: give the text's). */
  language?: string;
}

export interface NewConsentText {
  clinicId: string;
  procedure: string;
  /** ISO 639 code; `en` unless told. */
  language?: string;
  text: string;
  active: boolean;
}

export type TextDeletion =
  | { outcome: 'missing' }
  | { outcome: 'signed'; signatures: number }
  | { outcome: 'deleted'; reactivated: ConsentTextRecord | null };

export interface ConsentRepository {
  /**
   * Adds the next version of the procedure's text (versions count per procedure, across languages);
   * `active` also deactivates the others of its language. Call inside a transaction.
   */
  createText(input: NewConsentText): Promise<ConsentTextRecord>;
  findText(id: string): Promise<ConsentTextRecord | undefined>;
  /**
   * The current version of the procedure's text in `language`; without one, the newest current
   * version of any language.
   */
  findActiveText(clinicId: string, procedure: string, language?: string): Promise<ConsentTextRecord | undefined>;
  /** By procedure, then newest version first. */
  listTexts(clinicId: string): Promise<ConsentTextRecord[]>;
  /** Makes this version the active one for its procedure and language. Call inside a transaction. */
  activateText(id: string): Promise<ConsentTextRecord | undefined>;
  /** How many signatures each of the clinic's texts has, by text id (texts nobody signed are left out). */
  countSignaturesByText(clinicId: string): Promise<Map<string, number>>;
  /**
   * Deletes a version nobody signed, locked first against a signature arriving meanwhile; one that
   * signatures point at stays. When it was the current version, the newest remaining one of its
   * language becomes current. Call inside a transaction.
   */
  deleteUnsignedText(id: string): Promise<TextDeletion>;
  sign(input: NewConsentSignature): Promise<ConsentSignatureRecord>;
  /** Newest first. */
  listSignatures(patientId: string): Promise<ConsentSignatureRecord[]>;
  findSignature(id: string): Promise<ConsentSignatureRecord | undefined>;
  /** Every signature of these patients (a batch of an export), oldest first. */
  listSignaturesByPatients(patientIds: readonly string[]): Promise<ConsentSignatureRecord[]>;
}
