import type { IsoTimestamp, JsonText } from './column-values.js';

// Row types (conventions in ../database-schema.ts): a patient record's history of edits and its merges (0035).

/** One field one edit changed; never updated (a trigger refuses), gone only with the patient. */
export interface PatientChangesTable {
  id: string;
  patient_id: string;
  edit_id: string;
  /** The record's field name (`firstName`, `phone`, ..., `active`). */
  field: string;
  old_value: string | null;
  new_value: string | null;
  changed_by: string | null;
  changed_at: IsoTimestamp;
}

/** A merge of `merged_id` into `survivor_id`, with what it moved, until and unless it is reversed. */
export interface PatientMergesTable {
  id: string;
  clinic_id: string;
  survivor_id: string;
  merged_id: string;
  /** JSON `{ table: ids[] }`: the rows moved, exactly those a reversal moves back. */
  moved: JsonText;
  merged_by: string | null;
  merged_at: IsoTimestamp;
  reversed_at: IsoTimestamp | null;
  reversed_by: string | null;
}
