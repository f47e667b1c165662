import { z } from 'zod';
import type { App } from '../../app-types.js';
import { invalidField } from '../../http-errors.js';
import { staff } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { mergedPatientFields, patientWriteConflict } from '../../validation/merged-patient-response.js';
import { assertTimestampFilter, recordSearchWindow } from '../../validation/date-window.js';
import { clinicToday, listArrivals } from '../../../services/front-desk/arrivals.js';
import { checkIn, undoCheckIn } from '../../../services/front-desk/check-in.js';
import { readOf } from '../../../services/audit-reads.js';
import { sessionFor } from '../sessions/session-view.js';
import { arrivalFor, arrivalsQuery, arrivalView, checkInFor, checkInView } from './front-desk-schemas.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

/** A day's arrivals list covers a local day, whatever its zone: never more than two. */
const maxWindowMs = 2 * 86_400_000;

/** The window asked about: both ends, or neither (today). */
async function dayAsked(
  query: { from?: string | undefined; to?: string | undefined },
  today: () => Promise<{ from: string; to: string }>,
): Promise<{ from: string; to: string }> {
  const { from, to } = query;
  if (from === undefined && to === undefined) return today();
  if (from === undefined) throw invalidField('from', 'required with to (leave both out for today)');
  if (to === undefined) throw invalidField('to', 'required with from (leave both out for today)');
  if (Date.parse(to) - Date.parse(from) > maxWindowMs) throw invalidField('to', 'must be at most 2 days after from');
  return { from, to };
}

/** Check-in at the front desk: the patient has arrived for today's session, and today's arrivals. */
export async function checkInRoutes(app: App): Promise<void> {
  const spec = routeSpec(['front desk']);

  app.post(
    '/api/sessions/:id/check-in',
    spec(staff, 'Mark the patient arrived for a planned session of today (the day where the session takes place)', {
      description:
        'Once per session: a second check-in answers 409 `already_checked_in` with when it was made; a session of ' +
        'another day 409 `not_today`; a cancelled, missed or done session 409 `session_closed`.',
      params: idParams,
      response: {
        ...answersWith(201, checkInView, 404),
        409: errorResponse.extend({
          ...mergedPatientFields,
          checkedInAt: z.string().optional().describe('already_checked_in: when the patient was checked in'),
          sessionDate: z.string().optional().describe("not_today: the session's local date"),
        }),
      },
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const done = await app.repos.transaction(async (tx) => {
        const checked = await checkIn(tx, { user, sessionId: request.params.id, now: app.now().toISOString() });
        await request.audit(
          {
            action: 'create',
            entity: 'session_check_in',
            entityId: checked.session.id,
            patientId: checked.session.patientId,
          },
          tx,
        );
        return checked;
      });
      return reply.code(201).send(checkInFor(done.checkIn, user.displayName));
    },
  );

  app.delete(
    '/api/sessions/:id/check-in',
    spec(staff, 'Undo a check-in made by mistake', {
      params: idParams,
      response: { ...answersWith(204, z.null().describe('Undone'), 404), 409: patientWriteConflict },
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      await app.repos.transaction(async (tx) => {
        const session = await undoCheckIn(tx, { user, sessionId: request.params.id });
        await request.audit(
          { action: 'delete', entity: 'session_check_in', entityId: session.id, patientId: session.patientId },
          tx,
        );
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/front-desk/arrivals',
    spec(staff, "A day's sessions in time order with the patients' contact details and who has arrived, since when", {
      querystring: arrivalsQuery,
      response: answers(z.object({ entries: z.array(arrivalView) }), 400, 404),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      assertTimestampFilter(request.query, recordSearchWindow, app.now());
      const { locationId } = request.query;
      const { from, to } = await dayAsked(request.query, () =>
        clinicToday(app.repos, user.clinicId, app.now(), locationId),
      );
      const arrivals = await listArrivals(app.repos, {
        clinicId: user.clinicId,
        from,
        to,
        ...(locationId ? { locationId } : {}),
      });
      await request.audit([
        ...arrivals.map((a) => readOf('treatment_session', a.session, a.patient.id)),
        ...arrivals.flatMap((a) => (a.checkIn ? [readOf('session_check_in', { id: a.session.id }, a.patient.id)] : [])),
      ]);
      return { entries: arrivals.map((a) => arrivalFor(a, sessionFor(user.role, a.session))) };
    },
  );
}
