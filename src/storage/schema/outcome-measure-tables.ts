import type { IsoTimestamp } from './column-values.js';

// Row types (conventions in ../database-schema.ts): standard outcome measures (0031).

export interface OutcomeMeasuresTable {
  id: string;
  patient_id: string;
  course_id: string;
  /** Null for a baseline value, taken before the first session. */
  session_id: string | null;
  /** `session_id`, or 'baseline': with measure, rater and site, the key of one value. */
  slot: string;
  measure_code: string;
  rater: 'practitioner' | 'patient';
  /** The named landmark of a measure taken at a site (circumference); null otherwise. */
  site: string | null;
  value: number;
  /** The patient themselves, or staff. */
  entered_by: 'patient' | 'staff';
  recorded_by: string | null;
  recorded_at: IsoTimestamp;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}
