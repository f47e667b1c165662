import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { ScheduleKey } from '../../storage/repositories/screening-repository.js';
import { rescreenPatient, rescreenPatients, type PatientScreening, type ScreeningChange } from './rescreen-patient.js';

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
  /** Upcoming sessions read per query, and outdated sessions per batch (default 500); a batch screens their patients. */
  batchSize?: number;
  /** Stops between batches (at shutdown). */
  signal?: AbortSignal;
  /** Records the changes (the audit entries), inside the transaction that writes them. */
  record: (changes: readonly ScreeningChange[], tx: Repositories) => Promise<void>;
  onError?: (patientId: string, error: unknown) => void;
}

const nextTurnOfEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Re-screens every patient with an upcoming session not yet screened under the current knowledge
 * base (a new version, or a session booked since). The upcoming schedule is read in order, a page
 * at a time from the last session seen, and the patients of each page's outdated sessions are
 * screened together (all their upcoming sessions, so a patient's rows are written together) in
 * one short transaction: memory stays flat, and requests are served between batches (SQLite has
 * one connection). When a batch fails it is rolled back and its patients are tried one by one, so
 * one failing patient neither blocks nor undoes the others; it is left for the next run.
 */
export async function rescreenOutdated(
  repos: Repositories,
  knowledgeBase: KnowledgeBase,
  options: RescreenOutdatedOptions,
): Promise<RescreenSummary> {
  const summary: RescreenSummary = {
    knowledgeBaseVersion: knowledgeBase.version,
    patients: 0,
    sessions: 0,
    changed: 0,
    failed: 0,
  };
  const limit = Math.max(1, options.batchSize ?? 500);
  // A failed patient's later sessions are still outdated: they must not be tried again in this run.
  const failed = new Set<string>();
  const add = (patients: number, screening: PatientScreening) => {
    summary.patients += patients;
    summary.sessions += screening.screened;
    summary.changed += screening.changes.length;
  };
  const recorded = async (tx: Repositories, screening: PatientScreening) => {
    await options.record(screening.changes, tx);
    return screening;
  };

  /** Screens these patients together, or (when that fails) one by one; false once asked to stop. */
  const screenBatch = async (patientIds: string[]): Promise<boolean> => {
    try {
      add(
        patientIds.length,
        await repos.transaction(async (tx) =>
          recorded(tx, await rescreenPatients(tx, knowledgeBase, { patientIds, now: options.now() })),
        ),
      );
      return true;
    } catch {
      for (const patientId of patientIds) {
        await nextTurnOfEventLoop();
        if (options.signal?.aborted) return false;
        try {
          add(
            1,
            await repos.transaction(async (tx) =>
              recorded(tx, await rescreenPatient(tx, knowledgeBase, { patientId, now: options.now() })),
            ),
          );
        } catch (error) {
          failed.add(patientId);
          summary.failed += 1;
          options.onError?.(patientId, error);
        }
      }
      return true;
    }
  };

  // Outdated sessions are collected over pages of the schedule (a page may hold few) until a batch is full.
  const pending = new Set<string>();
  let pendingSessions = 0;
  let afterSession: ScheduleKey | undefined;
  for (let first = true; ; first = false) {
    // SQLite answers synchronously, so without this the whole run would be one chain of promise
    // callbacks and the server would take no request (not even its health check) until the end.
    if (!first) await nextTurnOfEventLoop();
    if (options.signal?.aborted) return summary;
    const page = await repos.screening.outdatedSessions({
      knowledgeBaseVersion: knowledgeBase.version,
      after: options.now().toISOString(),
      limit,
      ...(options.clinicId ? { clinicId: options.clinicId } : {}),
      ...(afterSession ? { afterSession } : {}),
    });
    // A patient screened in an earlier batch has no outdated session left: each one is counted once.
    for (const session of page.sessions)
      if (!failed.has(session.patientId)) {
        pending.add(session.patientId);
        pendingSessions += 1;
      }
    if (pending.size && (pendingSessions >= limit || !page.next)) {
      const patientIds = [...pending];
      pending.clear();
      pendingSessions = 0;
      if (!(await screenBatch(patientIds))) return summary;
    }
    if (!page.next) return summary;
    afterSession = page.next;
  }
}
