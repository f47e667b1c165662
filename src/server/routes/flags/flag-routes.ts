import type { App } from '../../app-types.js';
import { allow, clinicians } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { localDate } from '../../../core/dates/local-date.js';
import { rescreenOutdated } from '../../../services/rescreening/rescreen-outdated.js';
import { screeningAuditEvent } from '../../../services/rescreening/rescreen-patient.js';
import { flagList, flagListQuery, rescreenSummary } from './flag-schemas.js';
import { answers, routeSpec } from '../route-spec.js';

/**
 * Re-screening flags: upcoming sessions that a changed intake or knowledge base made contraindicated
 * or deferred. Clinical, so reception does not see them (the schedule leaves the flag out for them too).
 */
export async function flagRoutes(app: App): Promise<void> {
  const spec = routeSpec(['flags']);

  app.get(
    '/api/flags',
    spec(
      clinicians,
      "The clinic's flagged upcoming sessions, soonest first, with the patient and the reasons (with sources)",
      { querystring: flagListQuery, response: answers(flagList, 400) },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const flagged = await app.repos.screening.listFlagged({
        clinicId: user.clinicId,
        after: new Date().toISOString(),
        ...request.query,
      });
      await request.audit(
        flagged.map((f) => ({
          action: 'read' as const,
          entity: 'treatment_session',
          entityId: f.sessionId,
          patientId: f.patient.id,
        })),
      );
      return {
        flags: flagged.map((f) => ({
          session: {
            id: f.sessionId,
            courseId: f.courseId,
            scheduledAt: f.scheduledAt,
            date: localDate(f.scheduledAt, f.timeZone),
            timeZone: f.timeZone,
            practitionerId: f.practitionerId,
            locationId: f.locationId,
          },
          patient: f.patient,
          verdict: f.verdict,
          reasons: f.reasons,
          flaggedAt: f.flaggedAt,
        })),
      };
    },
  );

  app.post(
    '/api/flags/rescreen',
    spec(
      allow('admin'),
      "Re-screen the clinic's upcoming sessions not yet screened under the current knowledge base (the server also does this at start)",
      { response: answers(rescreenSummary) },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      return rescreenOutdated(app.repos, app.knowledgeBase, {
        now: () => new Date(),
        clinicId: user.clinicId,
        record: (changes, tx) => request.audit(changes.map(screeningAuditEvent), tx),
        onError: (patientId, err) => request.log.error({ err, patientId }, 're-screening a patient failed'),
      });
    },
  );
}
