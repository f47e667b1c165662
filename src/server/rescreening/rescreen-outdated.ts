import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { rescreenPatient, type ScreeningChange } from './rescreen-patient.js';

export interface RescreenSummary {
  knowledgeBaseVersion: string;
  /** Patients re-screened, upcoming sessions looked at, and flags set, changed or cleared. */
  patients: number;
  sessions: number;
  changed: number;
  /** Patients whose re-screening failed (and changed nothing); they are tried again on the next run. */
  failed: number;
}

export interface RescreenOutdatedOptions {
  now: () => Date;
  /** Only this clinic's patients; all clinics when absent. */
  clinicId?: string;
  batchSize?: number;
  /** Stops between patients (at shutdown). */
  signal?: AbortSignal;
  /** Records the changes (the audit entries), inside the patient's transaction. */
  record: (changes: readonly ScreeningChange[], tx: Repositories) => Promise<void>;
  onError?: (patientId: string, error: unknown) => void;
}

/**
 * Re-screens every patient with an upcoming session not yet screened under the current knowledge
 * base (a new version, or a session booked since). Patients are read in keyset batches and each is
 * screened in its own short transaction, so memory stays flat, requests interleave (SQLite has
 * one writer), and one failing patient neither blocks nor undoes the others.
 */
export async function rescreenOutdated(repos: Repositories, knowledgeBase: KnowledgeBase, options: RescreenOutdatedOptions): Promise<RescreenSummary> {
  const summary: RescreenSummary = { knowledgeBaseVersion: knowledgeBase.version, patients: 0, sessions: 0, changed: 0, failed: 0 };
  const limit = options.batchSize ?? 200;
  let afterPatientId: string | undefined;
  for (;;) {
    if (options.signal?.aborted) return summary;
    const patientIds = await repos.screening.patientsToRescreen({
      knowledgeBaseVersion: knowledgeBase.version,
      after: options.now().toISOString(),
      limit,
      ...(options.clinicId ? { clinicId: options.clinicId } : {}),
      ...(afterPatientId ? { afterPatientId } : {}),
    });
    for (const patientId of patientIds) {
      if (options.signal?.aborted) return summary;
      try {
        const result = await repos.transaction(async (tx) => {
          const screening = await rescreenPatient(tx, knowledgeBase, { patientId, now: options.now() });
          await options.record(screening.changes, tx);
          return screening;
        });
        summary.patients += 1;
        summary.sessions += result.screened;
        summary.changed += result.changes.length;
      } catch (error) {
        summary.failed += 1;
        options.onError?.(patientId, error);
      }
    }
    if (patientIds.length < limit) return summary;
    afterPatientId = patientIds[patientIds.length - 1];
  }
}
