import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * Every table whose rows belong to a patient by a `patient_id` column, and how a merge moves them
 * to the record kept. Rows reached through these follow them: a course's sessions, charts,
 * side-effect reports, outcomes, schedule and recall; an invoice's lines. `patient-owned-tables.test.ts`
 * fails when a table with a patient column is neither here nor in `patientTablesNotMoved`.
 */
export interface PatientOwnedTable {
  table: string;
  /** The audit entity of its rows. */
  entity: string;
  /** The column naming a row: its id, or for a signal's patients the signal. */
  key: string;
  /**
   * Rows (as `r`) that cannot move because the record kept already holds their like under a unique
   * key: they stay with the merged record, which is no loss, since the survivor has one of its own.
   */
  clash?: (survivorId: string) => RawBuilder<SqlBool>;
  /**
   * What else a moved row changes, to step out of the way of the other record's rows under a unique
   * key; the merge then puts it right (intakes: renumbered in time order).
   */
  moveAside?: RawBuilder<unknown>;
}

/** Above any intake's number: moved intakes pass through it before they are renumbered. */
export const intakeNumberOffset = 1_000_000;

export const patientOwnedTables: readonly PatientOwnedTable[] = [
  // Numbered per patient (unique): moved above the other record's numbers, then renumbered.
  { table: 'intakes', entity: 'intake', key: 'id', moveAside: sql`version = version + ${sql.lit(intakeNumberOffset)}` },
  { table: 'assessments', entity: 'assessment', key: 'id' },
  { table: 'courses', entity: 'course', key: 'id' },
  { table: 'consent_signatures', entity: 'consent_signature', key: 'id' },
  { table: 'photos', entity: 'photo', key: 'id' },
  // Portal accounts: the person signs in as before and sees every record of theirs.
  { table: 'users', entity: 'user', key: 'id' },
  { table: 'user_invitations', entity: 'user_invitation', key: 'id' },
  { table: 'quotes', entity: 'quote', key: 'id' },
  { table: 'invoices', entity: 'invoice', key: 'id' },
  { table: 'credit_notes', entity: 'credit_note', key: 'id' },
  { table: 'payments', entity: 'payment', key: 'id' },
  { table: 'outbox_messages', entity: 'outbox_message', key: 'id' },
  { table: 'outcome_measures', entity: 'outcome_measure', key: 'id' },
  {
    table: 'safety_signal_patients',
    entity: 'safety_signal',
    key: 'signal_id',
    clash: (survivorId) =>
      sql<SqlBool>`exists (select 1 from safety_signal_patients s where s.signal_id = r.signal_id and s.patient_id = ${survivorId})`,
  },
  { table: 'consultation_requests', entity: 'consultation_request', key: 'id' },
  {
    table: 'waiting_list_entries',
    entity: 'waiting_list_entry',
    key: 'id',
    // One waiting entry per patient and indication.
    clash: (survivorId) =>
      sql<SqlBool>`r.status = 'waiting' and exists (select 1 from waiting_list_entries w where w.patient_id = ${survivorId} and w.indication = r.indication and w.status = 'waiting')`,
  },
];

/** Tables (and views) with a patient column whose rows a merge leaves where they are, and why. */
export const patientTablesNotMoved: Readonly<Record<string, string>> = {
  patient_name_words: "the name search's index of the record itself",
  patient_name_pairs: "the name search's index of the record itself",
  patient_changes: "the history of the record's own details, which the merge does not change",
  audit_log: 'append-only: a patient trail read through the merge covers the records merged into it',
  session_flags: 'a view of sessions, which follow their course',
};
