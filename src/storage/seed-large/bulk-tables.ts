import type { Insertable } from 'kysely';
import type { Database } from '../database-schema.js';

/** PostgreSQL's name for each column type the migrations create (`unnest` needs typed arrays). */
export type PgType = 'text' | 'int4' | 'float8';

/** The tables the generator fills row by row, in an order that satisfies every foreign key. */
export const bulkTableOrder = [
  'patients',
  'patient_name_words',
  'patient_name_pairs',
  'users',
  'intakes',
  'assessments',
  'consent_signatures',
  'courses',
  'treatment_sessions',
  'chart_entries',
  'injection_points',
  'side_effect_reports',
  'outcomes',
] as const;

export type BulkTable = (typeof bulkTableOrder)[number];
export type BulkRow<T extends BulkTable> = Insertable<Database[T]>;

type Columns<T extends BulkTable> = readonly (readonly [keyof Database[T] & string, PgType])[];

const timestamps = [
  ['created_at', 'text'],
  ['updated_at', 'text'],
] as const;

/**
 * The columns the generator writes. Columns not listed (ones added by later migrations) take
 * their defaults, as they would for a row the API wrote before that migration.
 */
export const bulkColumns: { [T in BulkTable]: Columns<T> } = {
  patients: [
    ['id', 'text'],
    ['clinic_id', 'text'],
    ['first_name', 'text'],
    ['last_name', 'text'],
    ['first_name_key', 'text'],
    ['last_name_key', 'text'],
    ['birth_date', 'text'],
    ['sex', 'text'],
    ['phone', 'text'],
    ['phone_digits', 'text'],
    ['email', 'text'],
    ...timestamps,
  ],
  patient_name_words: [
    ['patient_id', 'text'],
    ['clinic_id', 'text'],
    ['word', 'text'],
    ['last_name_key', 'text'],
    ['first_name_key', 'text'],
  ],
  patient_name_pairs: [
    ['patient_id', 'text'],
    ['clinic_id', 'text'],
    ['word', 'text'],
    ['other', 'text'],
    ['last_name_key', 'text'],
    ['first_name_key', 'text'],
  ],
  users: [
    ['id', 'text'],
    ['clinic_id', 'text'],
    ['email', 'text'],
    ['display_name', 'text'],
    ['password_hash', 'text'],
    ['role', 'text'],
    ['patient_id', 'text'],
    ['active', 'int4'],
    ...timestamps,
  ],
  intakes: [
    ['id', 'text'],
    ['patient_id', 'text'],
    ['version', 'int4'],
    ['data', 'text'],
    ['created_by', 'text'],
    ['created_at', 'text'],
  ],
  assessments: [
    ['id', 'text'],
    ['intake_id', 'text'],
    ['patient_id', 'text'],
    ['result', 'text'],
    ['verdict', 'text'],
    ['knowledge_base_version', 'text'],
    ['created_by', 'text'],
    ['created_at', 'text'],
  ],
  consent_signatures: [
    ['id', 'text'],
    ['patient_id', 'text'],
    ['consent_text_id', 'text'],
    ['typed_name', 'text'],
    ['signature_image', 'text'],
    ['signed_at', 'text'],
    ['user_agent', 'text'],
    ['user_id', 'text'],
  ],
  courses: [
    ['id', 'text'],
    ['patient_id', 'text'],
    ['assessment_id', 'text'],
    ['indication', 'text'],
    ['area', 'text'],
    ['plan', 'text'],
    ['status', 'text'],
    ['created_by', 'text'],
    ...timestamps,
  ],
  treatment_sessions: [
    ['id', 'text'],
    ['course_id', 'text'],
    ['scheduled_at', 'text'],
    ['duration_minutes', 'int4'],
    ['practitioner_id', 'text'],
    ['location_id', 'text'],
    ['room_id', 'text'],
    ['status', 'text'],
    ['flag_verdict', 'text'],
    ['flag_reasons', 'text'],
    ['flagged_at', 'text'],
    ...timestamps,
  ],
  chart_entries: [
    ['id', 'text'],
    ['session_id', 'text'],
    ['anaesthesia_used', 'int4'],
    ['anaesthesia_agent', 'text'],
    ['notes', 'text'],
    ['created_by', 'text'],
    ...timestamps,
  ],
  injection_points: [
    ['id', 'text'],
    ['chart_entry_id', 'text'],
    ['area', 'text'],
    ['x', 'float8'],
    ['y', 'float8'],
    ['product_id', 'text'],
    ['lot_id', 'text'],
    ['volume_ml', 'float8'],
    ['depth_mm', 'float8'],
    ['technique', 'text'],
  ],
  side_effect_reports: [
    ['id', 'text'],
    ['session_id', 'text'],
    ['reporter_user_id', 'text'],
    ['symptom', 'text'],
    ['onset', 'text'],
    ['severity', 'text'],
    ['triage', 'text'],
    ['created_at', 'text'],
  ],
  outcomes: [
    ['id', 'text'],
    ['session_id', 'text'],
    ['patient_rating', 'int4'],
    ['practitioner_rating', 'int4'],
    ['notes', 'text'],
    ...timestamps,
  ],
};

/** Rows of one batch, by table. */
export type BulkRows = { [T in BulkTable]: BulkRow<T>[] };

export function emptyBulkRows(): BulkRows {
  return {
    patients: [],
    patient_name_words: [],
    patient_name_pairs: [],
    users: [],
    intakes: [],
    assessments: [],
    consent_signatures: [],
    courses: [],
    treatment_sessions: [],
    chart_entries: [],
    injection_points: [],
    side_effect_reports: [],
    outcomes: [],
  };
}

export function rowCount(rows: BulkRows): number {
  let n = 0;
  for (const table of bulkTableOrder) n += rows[table].length;
  return n;
}
