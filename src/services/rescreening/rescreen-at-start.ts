import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { auditEntries } from '../../storage/repositories/audit-entries.js';
import type { ServiceLogger } from '../service-logger.js';
import { rescreenOutdated, type RescreenSummary } from './rescreen-outdated.js';
import { screeningAuditEvent, type ScreeningChange } from './rescreen-patient.js';

/** Names the writer in the audit log where a route would be: no user asked for these changes. */
export const startupRescreeningRoute = 'server start: re-screening';

/** The audit entries of the start-up run's changes: no user, one entry per clinic. */
export function recordStartupScreening(changes: readonly ScreeningChange[], tx: Repositories): Promise<void> {
  const clinics = [...new Set(changes.map((c) => c.clinicId))];
  return tx.audit.append(
    clinics.flatMap((clinicId) =>
      auditEntries(changes.filter((c) => c.clinicId === clinicId).map(screeningAuditEvent), {
        clinicId,
        userId: null,
        role: null,
        route: startupRescreeningRoute,
      }),
    ),
  );
}

export interface StartupRescreening {
  /** Settles when the run ends; never rejects (failures are logged). */
  done: Promise<RescreenSummary | undefined>;
  /** Asks the run to stop after the current patient and waits for it. */
  stop(): Promise<void>;
}

/** Runs the work unless another server process is running it already (storage/advisory-lock.ts). */
export type RunAlone = <T>(work: () => Promise<T>) => Promise<{ ran: true; value: T } | { ran: false }>;

/**
 * Re-screens, in the background, the sessions not yet screened under this knowledge base (after an
 * upgrade of the knowledge base, or sessions booked since the last run). The server already
 * answers meanwhile: each patient is one short transaction. With several server processes on one
 * database, `runAlone` lets one of them do it while the others skip it: running it twice at once
 * would screen the same patients twice and audit their changes twice.
 */
export function startRescreening(
  repos: Repositories,
  knowledgeBase: KnowledgeBase,
  logger: ServiceLogger,
  options: { runAlone?: RunAlone } = {},
): StartupRescreening {
  const controller = new AbortController();
  const run = () =>
    rescreenOutdated(repos, knowledgeBase, {
      now: () => new Date(),
      signal: controller.signal,
      record: recordStartupScreening,
      onError: (patientId, err) => logger.error({ err, patientId }, 're-screening a patient failed'),
    });
  const runAlone: RunAlone = options.runAlone ?? (async (work) => ({ ran: true, value: await work() }));
  const done = runAlone(run).then(
    (outcome) => {
      if (!outcome.ran) {
        logger.info({}, 're-screening of upcoming sessions skipped: another server process is running it');
        return undefined;
      }
      const summary = outcome.value;
      logger.info({ ...summary, stopped: controller.signal.aborted }, 're-screening of upcoming sessions finished');
      return summary;
    },
    (err: unknown) => {
      logger.error({ err }, 're-screening of upcoming sessions failed');
      return undefined;
    },
  );
  return {
    done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}
