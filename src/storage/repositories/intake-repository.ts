import type { Intake } from '../../core/assessment/intake-schema.js';
import type { IntakeRecord } from '../../core/records/index.js';
import type { RecordRepository } from './record-repository.js';

export interface NewIntake {
  patientId: string;
  data: Intake;
  createdBy: string | null;
}

export interface IntakeRepository extends RecordRepository<NewIntake, IntakeRecord> {
  /** Stores the next version for the patient (1, 2, ...). Call inside a transaction. */
  create(input: NewIntake): Promise<IntakeRecord>;
  /** Newest first. */
  listByPatient(patientId: string): Promise<IntakeRecord[]>;
  latestForPatient(patientId: string): Promise<IntakeRecord | undefined>;
  /** The latest intake of each of these patients that has one (a batch of a re-screening), in no particular order. */
  latestForPatients(patientIds: readonly string[]): Promise<IntakeRecord[]>;
  /** Every intake of these patients (a batch of an export), by patient then version. */
  listByPatients(patientIds: readonly string[]): Promise<IntakeRecord[]>;
}
