import type { App } from '../../app-types.js';
import { clinicians } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { addendumBody, addendumView } from './chart-schemas.js';
import { addChartAddendum } from '../../../services/treatment/session-chart.js';
import { answersWith, type RouteSpec } from '../route-spec.js';

/** POST /api/sessions/:id/chart/addenda: a later note on a chart, which itself stays as written. */
export async function chartAddendaRoute(app: App, spec: RouteSpec): Promise<void> {
  app.post(
    '/api/sessions/:id/chart/addenda',
    spec(
      clinicians,
      "Add a note to a session's chart (corrections and later findings); the chart itself never changes",
      {
        params: idParams,
        body: addendumBody,
        response: { ...answersWith(201, addendumView, 400, 404), 409: patientWriteConflict },
      },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const added = await app.repos.transaction(async (tx) => {
        const { addendum, audit } = await addChartAddendum(tx, user, request.params.id, request.body.text);
        await request.audit(audit, tx);
        return addendum;
      });
      return reply.code(201).send(added);
    },
  );
}
