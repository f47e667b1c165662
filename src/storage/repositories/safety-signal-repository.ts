import type { SafetySignal } from '../../core/safety-signals/signal-types.js';
import type { SafetySignalDetail, SafetySignalRecord, SignalStatus } from '../../core/safety-signals/signal-record.js';
import type { ExposureSession, ReportFact } from '../../core/safety-signals/signal-types.js';
import type { Page } from './page.js';

/** A held session as the exposure query reads it: its instant and location, for the service to date. */
export type ExposureRow = Omit<ExposureSession, 'date'> & { scheduledAt: string; locationId: string | null };

export interface SafetySignalRepository {
  /**
   * Stores a signal with its patients and lots, unless the clinic has one with the same key (a
   * later run, or another run at the same moment, found it first): then nothing is written and
   * nothing is returned. Call inside a transaction.
   */
  insertNew(clinicId: string, signal: SafetySignal): Promise<SafetySignalRecord | undefined>;
  findById(id: string): Promise<SafetySignalRecord | undefined>;
  /** Which of these keys the clinic already has signals for. */
  existingKeys(clinicId: string, keys: readonly string[]): Promise<string[]>;
  /** The signal with its patients (by name) and lots (by product, then lot number). */
  detail(id: string): Promise<SafetySignalDetail | undefined>;
  /** The clinic's signals of these statuses, newest first. */
  list(query: { clinicId: string; statuses: readonly SignalStatus[] } & Page): Promise<SafetySignalRecord[]>;
  /** How many of the clinic's signals are in each status. */
  countByStatus(clinicId: string): Promise<Record<SignalStatus, number>>;
  /** Moves the signal to `status`, recording who and when (acknowledged or closed) and the note. */
  setStatus(
    id: string,
    change: { status: Exclude<SignalStatus, 'open'>; by: string; note: string | null },
  ): Promise<SafetySignalRecord | undefined>;
  /** The clinic's sessions held from `from` to `to` (instants), with their practitioners and charted lots. */
  heldSessions(clinicId: string, from: string, to: string): Promise<ExposureRow[]>;
  /** Every report on the clinic's sessions held from `from` to `to`. */
  reportsOnHeldSessions(clinicId: string, from: string, to: string): Promise<ReportFact[]>;
}
