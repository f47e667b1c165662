import type { Generated } from 'kysely';
import type { IsoTimestamp, JsonText, Flag, SessionStatus, CourseStatus, InjectionTechnique } from './column-values.js';

// Row types (conventions in ../database-schema.ts): courses, sessions, consent, products, lots and charting.

export interface CoursesTable {
  id: string;
  patient_id: string;
  assessment_id: string | null;
  indication: string;
  area: string;
  plan: JsonText;
  status: CourseStatus;
  created_by: string | null;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

export interface TreatmentSessionsTable {
  id: string;
  course_id: string;
  scheduled_at: IsoTimestamp;
  duration_minutes: number | null;
  practitioner_id: string | null;
  location_id: string | null;
  room_id: string | null;
  status: SessionStatus;
  /** Re-screening result (from the triage core) that asks a clinician to look before treating. */
  flag_verdict: string | null;
  flag_reasons: JsonText | null;
  flagged_at: IsoTimestamp | null;
  /** Knowledge-base version of the last re-screening (null: not re-screened yet). */
  screened_kb_version: string | null;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

export interface ConsentTextsTable {
  id: string;
  clinic_id: string;
  procedure: string;
  /** ISO 639 code (0028): each procedure has a current version per language. */
  language: string;
  version: number;
  text: string;
  active: Flag;
  created_at: IsoTimestamp;
}

export interface ConsentSignaturesTable {
  id: string;
  patient_id: string;
  consent_text_id: string;
  typed_name: string;
  /** A data: URL of the drawn signature, or null when only a typed name was given. */
  signature_image: string | null;
  signed_at: IsoTimestamp;
  user_agent: string | null;
  user_id: string | null;
  /** The language of the text signed (0041), kept with the signature; the text's id pins its version. */
  language: Generated<string>;
}

export interface ProductsTable {
  id: string;
  clinic_id: string;
  name: string;
  manufacturer: string | null;
  /** JSON list of ingredient names or knowledge-base ingredient ids. */
  ingredients: JsonText;
  created_at: IsoTimestamp;
  /** Low on stock at or below this many microlitres in usable lots (0027). */
  low_stock_ul: number;
}

export interface LotsTable {
  id: string;
  product_id: string;
  lot_number: string;
  expiry_date: string;
  recalled: Flag;
  recalled_at: IsoTimestamp | null;
  created_at: IsoTimestamp;
  /** Microlitres received, and still there: charting draws from it, never below zero (0027). */
  received_ul: number;
  remaining_ul: number;
  supplier: string | null;
  storage_note: string | null;
}

/** A stock count of one lot: what was counted against what the records expected (0027). */
export interface StockCountsTable {
  id: string;
  lot_id: string;
  counted_ul: number;
  expected_ul: number;
  note: string | null;
  counted_by: string | null;
  counted_at: IsoTimestamp;
}

export interface ChartEntriesTable {
  id: string;
  session_id: string;
  anaesthesia_used: Flag;
  anaesthesia_agent: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
  /** The clinician confirmed depths or volumes outside the plan (0020). */
  outside_plan_confirmed: Flag;
  /** The screening the chart was written under; null on charts from before the treatment gate (0020). */
  screening_verdict: string | null;
  screening_kb_version: string | null;
  /** The session's calendar date where it took place. */
  screening_date: string | null;
}

/** A clinician's decision to treat despite temporary reasons (0020). Never changed or deleted. */
export interface TreatmentOverridesTable {
  id: string;
  session_id: string;
  /** Null when the session was marked done without a chart. */
  chart_entry_id: string | null;
  reason: string;
  verdict: string;
  /** JSON list of the reason codes overridden. */
  reason_codes: JsonText;
  created_by: string | null;
  created_at: IsoTimestamp;
}

/** A later note on a chart, which itself never changes (0020). Never changed or deleted. */
export interface ChartAddendaTable {
  id: string;
  chart_entry_id: string;
  text: string;
  created_by: string | null;
  created_at: IsoTimestamp;
}

export interface InjectionPointsTable {
  id: string;
  chart_entry_id: string;
  area: string;
  /** Position on the area diagram, 0..1 from the left and from the top. */
  x: number;
  y: number;
  product_id: string | null;
  lot_id: string | null;
  volume_ml: number | null;
  depth_mm: number | null;
  technique: InjectionTechnique;
}
