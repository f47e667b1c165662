import { z } from 'zod';
import type { App } from '../../app-types.js';
import { clinicalOrOwn, clinicians } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { orPatientMerged } from '../../validation/merged-patient-response.js';
import { sessionView } from '../../views.js';
import { chartAddendaRoute } from './chart-addenda-route.js';
import { chartBody, chartRefusalResponse, chartView } from './chart-schemas.js';
import { chartedProcedure } from '../../../services/treatment/charting-rules.js';
import { chartSession } from '../../../services/treatment/chart-session.js';
import { chartFor } from './chart-view.js';
import { findSessionChart } from '../../../services/treatment/session-chart.js';
import { treatmentCheckRoute } from './treatment-check-route.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

export async function chartRoutes(app: App): Promise<void> {
  const spec = routeSpec(['charts']);

  app.post(
    '/api/sessions/:id/chart',
    spec(
      clinicians,
      `Chart a session (anaesthesia, notes, injection points) and mark it done. The treatment gate applies: the patient's latest intake is assessed ` +
        `again for the session's day; a contraindicated, deferred (unless overridden with a reason), future or unscreened session is refused, as are ` +
        `an anaesthetic or a product the patient is allergic to and, unless confirmed, values outside the plan. Needs the patient's signature of the current ` +
        `${chartedProcedure} consent and usable lots that hold the volume charted, which is drawn from them`,
      {
        params: idParams,
        body: chartBody(app.knowledgeBase),
        response: {
          ...answersWith(201, z.object({ chart: chartView, session: sessionView }), 400, 404),
          409: orPatientMerged(chartRefusalResponse),
        },
      },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const charted = await app.repos.transaction(async (tx) => {
        const { audit, ...result } = await chartSession(
          tx,
          app.knowledgeBase,
          user,
          request.params.id,
          request.body,
          new Date(),
        );
        await request.audit(audit, tx);
        return result;
      });
      return reply.code(201).send(charted);
    },
  );

  app.get(
    '/api/sessions/:id/chart',
    spec(
      clinicalOrOwn,
      "A session's chart with its override and addenda (patients see their own, without the clinicians' notes and addenda)",
      { params: idParams, response: answers(chartView, 404) },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const { chart, audit } = await findSessionChart(app.repos, user, request.params.id);
      await request.audit(audit);
      return chartFor(user.role, chart);
    },
  );

  await treatmentCheckRoute(app, spec);
  await chartAddendaRoute(app, spec);
}
