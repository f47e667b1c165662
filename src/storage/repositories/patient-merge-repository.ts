import type { MovedRecords, PatientMergeRecord } from '../../core/records/index.js';
import type { RecordRepository } from './record-repository.js';

export interface NewPatientMerge {
  clinicId: string;
  survivorId: string;
  mergedId: string;
  moved: MovedRecords;
  mergedBy: string | null;
}

/** Merges of two records of one patient, with the rows each moved (see patient-owned-tables.ts). */
export interface PatientMergeRepository extends RecordRepository<NewPatientMerge, PatientMergeRecord> {
  /** Per table (by name), the rows that point at the patient: what a merge of it would move. */
  recordsOf(patientId: string): Promise<MovedRecords>;
  /**
   * Points the rows listed from patient `from` to patient `to`: only rows still at `from`, and not
   * rows whose like `to` already holds under a unique key. Per table, the ids it moved.
   */
  move(records: MovedRecords, from: string, to: string): Promise<MovedRecords>;
  /**
   * Numbers the patient's intakes 1, 2, ... in the order they were taken, so that the latest intake
   * (the one screening reads) is the latest in time after a merge brings in another record's
   * intakes, and their own numbers again after a reversal. The ids of the intakes renumbered.
   */
  renumberIntakes(patientId: string): Promise<string[]>;
  /** The merges the patient took part in (kept or merged away), newest first. */
  listForPatient(patientId: string): Promise<PatientMergeRecord[]>;
  /** Marks the merge reversed, unless it already was: then undefined. */
  markReversed(id: string, reversedBy: string | null): Promise<PatientMergeRecord | undefined>;
}
