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

/**
 * Re-screens, in the background, the sessions not yet screened under this knowledge base (after an
 * upgrade of the knowledge base, or sessions booked since the last run). The server already
 * answers meanwhile: each patient is one short transaction.
 */
export function startRescreening(
  repos: Repositories,
  knowledgeBase: KnowledgeBase,
  logger: ServiceLogger,
): StartupRescreening {
  const controller = new AbortController();
  const done = rescreenOutdated(repos, knowledgeBase, {
    now: () => new Date(),
    signal: controller.signal,
    record: recordStartupScreening,
    onError: (patientId, err) => logger.error({ err, patientId }, 're-screening a patient failed'),
  }).then(
    (summary) => {
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
