import type { App } from '../../app-types.js';
import { allow, clinicalRoles } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { addendumBody, addendumView } from './chart-schemas.js';
import { addChartAddendum } from '../../../services/treatment/session-chart.js';

/** POST /api/sessions/:id/chart/addenda: a later note on a chart, which itself stays as written. */
export async function chartAddendaRoute(app: App): Promise<void> {
  app.post(
    '/api/sessions/:id/chart/addenda',
    {
      config: allow(...clinicalRoles),
      schema: {
        summary: "Add a note to a session's chart (corrections and later findings); the chart itself never changes",
        tags: ['charts'],
        params: idParams,
        body: addendumBody,
        response: { 201: addendumView, 400: errorResponse, 404: errorResponse, 409: patientWriteConflict },
      },
    },
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
