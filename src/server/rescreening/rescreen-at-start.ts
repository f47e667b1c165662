import type { FastifyBaseLogger } from 'fastify';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { rescreenOutdated, type RescreenSummary } from './rescreen-outdated.js';
import { screeningAuditEvent } from './rescreen-patient.js';

/** Names the writer in the audit log where a route would be: no user asked for these changes. */
export const startupRescreeningRoute = 'server start: re-screening';

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
export function startRescreening(repos: Repositories, knowledgeBase: KnowledgeBase, logger: FastifyBaseLogger): StartupRescreening {
  const controller = new AbortController();
  const done = rescreenOutdated(repos, knowledgeBase, {
    now: () => new Date(),
    signal: controller.signal,
    record: (changes, tx) =>
      tx.audit.append(changes.map((c) => ({ ...screeningAuditEvent(c), clinicId: c.clinicId, userId: null, role: null, route: startupRescreeningRoute }))),
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
