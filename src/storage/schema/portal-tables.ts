import type { IsoTimestamp } from './column-values.js';

// Row types (conventions in ../database-schema.ts): the patient portal's self-service (0036).

/** How long before a session patients may still move or cancel it online; no row: the default. */
export interface PortalSettingsTable {
  clinic_id: string;
  notice_hours: number;
  updated_at: IsoTimestamp;
  updated_by: string | null;
}

export type ConsultationReasonValue =
  'deferred' | 'contraindicated' | 'screening_incomplete' | 'clinician_first' | 'no_suitable_time' | 'patient_choice';
export type ConsultationStatusValue = 'open' | 'handled';

/** A patient's request to be called for a consultation, made in the portal. */
export interface ConsultationRequestsTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  /** The screening that led to it, when there was one. */
  assessment_id: string | null;
  reason: ConsultationReasonValue;
  note: string | null;
  status: ConsultationStatusValue;
  created_by: string | null;
  created_at: IsoTimestamp;
  handled_at: IsoTimestamp | null;
  handled_by: string | null;
}
