import type { App } from '../../app-types.js';
import { notFound } from '../../http-errors.js';
import { allow, clinicalRoles } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { addendumBody, addendumView } from './chart-schemas.js';
import { loadSessionWithPatient } from './session-access.js';

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
        response: { 201: addendumView, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const addendum = await app.repos.transaction(async (tx) => {
        const { session, patient } = await loadSessionWithPatient(tx, user, request.params.id);
        const chart = await tx.charts.findBySession(session.id);
        if (!chart) throw notFound('chart');
        const created = await tx.charts.addAddendum({
          chartEntryId: chart.id,
          text: request.body.text,
          createdBy: user.id,
        });
        await request.audit(
          { action: 'create', entity: 'chart_addendum', entityId: created.id, patientId: patient.id },
          tx,
        );
        return created;
      });
      return reply.code(201).send(addendum);
    },
  );
}
