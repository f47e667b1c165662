import type { IsoTimestamp, JsonText, Flag, PhotoKind } from './column-values.js';

// Row types (conventions in ../database-schema.ts): side-effect reports, outcomes and photos.

export interface SideEffectReportsTable {
  id: string;
  session_id: string;
  reporter_user_id: string | null;
  symptom: string;
  onset: IsoTimestamp | null;
  severity: string | null;
  triage: JsonText | null;
  created_at: IsoTimestamp;
  /** JSON list of the side-effect codes the reporter chose (0011); null on older reports. */
  codes: JsonText | null;
  /** 1 while the symptom lasts, 0 once it has gone; null on older reports (0011). */
  ongoing: Flag | null;
  /** `triage.level` in a column of its own, for "needs attention" lists (0011). */
  triage_level: 'expected' | 'review' | 'urgent' | null;
  /** JSON list of the symptom codes ticked (0021); null on older reports. */
  symptoms: JsonText | null;
  /** Days after the session the symptom began (0021); null on older reports. */
  onset_days: number | null;
  /** `patient` or `staff` (0021); null on older reports. */
  reported_by: 'patient' | 'staff' | null;
  /** How the report came in: `portal`, `phone` or `in_person` (0038); null on staff reports from before. */
  reported_via: 'portal' | 'phone' | 'in_person' | null;
}

export interface SideEffectPhotosTable {
  id: string;
  report_id: string;
  file_path: string;
  mime: string;
  created_at: IsoTimestamp;
  /** The file's size (0023); null until the server has read it from disk (photos stored before). */
  bytes: number | null;
  /** Who uploaded it (0023); null on photos from before. */
  created_by: string | null;
}

export interface OutcomesTable {
  id: string;
  session_id: string;
  patient_rating: number | null;
  practitioner_rating: number | null;
  notes: string | null;
  /** Who gave patient_rating (0026): the patient alone may change theirs; null without one, or from before 0026. */
  patient_rating_by: 'patient' | 'staff' | null;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

export interface PhotosTable {
  id: string;
  patient_id: string;
  session_id: string | null;
  kind: PhotoKind;
  file_path: string;
  mime: string;
  created_by: string | null;
  created_at: IsoTimestamp;
  /** The file's size (0023); null until the server has read it from disk (photos stored before). */
  bytes: number | null;
}
