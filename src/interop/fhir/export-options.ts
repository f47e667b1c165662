/** Options shared by the single-patient and the whole-clinic export. */
export interface FhirExportOptions {
  /**
   * The FHIR base the entries' fullUrls are made from; the clinic's own `/fhir` URL when it has
   * one. Defaults to mesodesk's namespace, which identifies but does not serve the resources.
   */
  baseUrl?: string;
  /** Add an AuditEvent per audit-trail row the groups carry. */
  includeAudit?: boolean;
  /** Bundle.timestamp; now by default. */
  timestamp?: string;
  /** Told about records left out of the export (e.g. an unreadable signature image) instead of failing it. */
  onSkipped?: (skipped: SkippedRecord) => void;
}

export interface SkippedRecord {
  resourceType: string;
  id: string;
  reason: string;
}

export const DEFAULT_FHIR_BASE = 'https://mesodesk.org/fhir';
