import type { FastifyRequest } from 'fastify';
import type { UserRecord } from '../../../core/records/index.js';
import { runSafetySignalDetection } from '../../../services/safety-signals/run-detection.js';
import type { App } from '../../app-types.js';

/**
 * Runs safety-signal detection after a side-effect report was stored (by staff or a patient). The
 * report is saved whatever happens here: a failed run is logged, and the next report or an
 * admin's run (POST /api/safety-signals/run) finds the same signals again.
 */
export async function detectAfterReport(
  app: App,
  request: FastifyRequest,
  user: Pick<UserRecord, 'id' | 'clinicId' | 'role'>,
): Promise<void> {
  try {
    await runSafetySignalDetection(app.repos, {
      clinicId: user.clinicId,
      now: app.now(),
      actor: user,
      route: `${request.method} ${request.routeOptions.url ?? request.url}`,
      messaging: app.appConfig.messaging,
    });
  } catch (error) {
    request.log.error({ err: error }, 'safety-signal detection failed after a side-effect report');
  }
}
