import type { IsoTimestamp, JsonText } from './column-values.js';

// Row types (conventions in ../database-schema.ts): safety signals (0032).

export type SafetySignalKindValue = 'rate' | 'infection_cluster';
export type SafetySignalUnitTypeValue = 'lot' | 'product' | 'practitioner' | 'clinic' | 'session_day';
export type SafetySignalStatusValue = 'open' | 'acknowledged' | 'closed';

/** A signal as detection raised it (src/core/safety-signals); `signal_key` is unique per clinic. */
export interface SafetySignalsTable {
  id: string;
  clinic_id: string;
  signal_key: string;
  kind: SafetySignalKindValue;
  unit_type: SafetySignalUnitTypeValue;
  /** The lot, product or practitioner (user); null for the clinic or a session day. */
  unit_id: string | null;
  unit_label: string;
  /** Calendar dates, inclusive; `window_week` (e.g. `2026-W49`) for a rate signal. */
  window_from: string;
  window_to: string;
  window_week: string | null;
  exposure: number;
  observed: number;
  /** Null for an infection cluster (a rule, not a test). */
  expected: number | null;
  p_value: number | null;
  threshold: number | null;
  /** JSON list of the ids of the reports behind it. */
  report_ids: JsonText;
  status: SafetySignalStatusValue;
  raised_at: IsoTimestamp;
  acknowledged_at: IsoTimestamp | null;
  acknowledged_by: string | null;
  closed_at: IsoTimestamp | null;
  closed_by: string | null;
  /** What the admin wrote when acknowledging it, and when closing it. */
  acknowledged_note: string | null;
  closed_note: string | null;
}

/** A patient to contact about a signal. */
export interface SafetySignalPatientsTable {
  signal_id: string;
  patient_id: string;
}

/** A lot to quarantine because of a signal. */
export interface SafetySignalLotsTable {
  signal_id: string;
  lot_id: string;
}
