import { z } from 'zod';
import type { App } from '../../app-types.js';
import { conflict, notFound } from '../../http-errors.js';
import { allow, clinicalRoles } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { sessionView } from '../../views.js';
import { chartAddendaRoute } from './chart-addenda-route.js';
import { chartBody, chartRefusalResponse, chartView } from './chart-schemas.js';
import { assertCurrentConsent, assertLotsUsable, chartedProcedure, loadChartedLots } from './charting-rules.js';
import { loadSessionWithPatient } from './session-access.js';
import { checkTreatment } from './treatment-check.js';
import { treatmentCheckRoute } from './treatment-check-route.js';
import { assertAnaestheticTolerated, assertWithinPlanOrConfirmed, resolveOverride } from './treatment-gate-rules.js';

export async function chartRoutes(app: App): Promise<void> {
  const tags = ['charts'];

  app.post(
    '/api/sessions/:id/chart',
    {
      config: allow(...clinicalRoles),
      schema: {
        summary:
          `Chart a session (anaesthesia, notes, injection points) and mark it done. The treatment gate applies: the patient's latest intake is assessed ` +
          `again for the session's day; a contraindicated, deferred (unless overridden with a reason), future or unscreened session is refused, as are ` +
          `an anaesthetic the patient is allergic to and, unless confirmed, values outside the plan. Needs the patient's signature of the current ` +
          `${chartedProcedure} consent and usable lots`,
        tags,
        params: idParams,
        body: chartBody(app.knowledgeBase),
        response: {
          201: z.object({ chart: chartView, session: sessionView }),
          400: errorResponse,
          404: errorResponse,
          409: chartRefusalResponse,
        },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const { points, override, confirmOutsidePlan, ...entry } = request.body;
      const charted = await app.repos.transaction(async (tx) => {
        // Held until the chart is written: a cancellation racing the charting waits, then sees it done.
        await tx.treatmentSessions.lockForChange(request.params.id);
        const { session, patient } = await loadSessionWithPatient(tx, user, request.params.id);
        if (session.status === 'cancelled' || session.status === 'no_show')
          throw conflict('session_closed', `the session is ${session.status} and cannot be charted`);
        if (await tx.charts.findBySession(session.id))
          throw conflict('already_charted', 'the session is already charted');
        const lots = await loadChartedLots(tx, patient.clinicId, points);

        // The safety checks first, most serious first: whether to treat at all, then with what.
        const check = await checkTreatment(tx, app.knowledgeBase, { session, patient }, new Date());
        const granted = resolveOverride(check.gate, override, await tx.charts.overridesOfSession(session.id));
        assertAnaestheticTolerated(entry, check, app.knowledgeBase);
        const outsidePlanConfirmed = assertWithinPlanOrConfirmed(points, check, confirmOutsidePlan);
        await assertCurrentConsent(tx, patient, chartedProcedure);
        assertLotsUsable(lots, check.sessionDate);

        const created = await tx.charts.create({
          sessionId: session.id,
          anaesthesiaUsed: entry.anaesthesiaUsed,
          anaesthesiaAgent: entry.anaesthesiaAgent ?? null,
          notes: entry.notes ?? null,
          createdBy: user.id,
          points,
          outsidePlanConfirmed,
          screening: {
            verdict: check.gate.verdict ?? 'none',
            knowledgeBaseVersion: app.knowledgeBase.version,
            sessionDate: check.sessionDate,
          },
        });
        const stored =
          granted &&
          (await tx.charts.createOverride({
            ...granted,
            sessionId: session.id,
            chartEntryId: created.id,
            createdBy: user.id,
          }));
        const chart = stored ? { ...created, override: stored } : created;
        const done =
          session.status === 'done' ? session : await tx.treatmentSessions.update(session.id, { status: 'done' });
        if (!done) throw notFound('session');
        await request.audit(
          [
            { action: 'create', entity: 'chart_entry', entityId: chart.id, patientId: patient.id },
            ...(done === session
              ? []
              : [
                  {
                    action: 'update' as const,
                    entity: 'treatment_session',
                    entityId: session.id,
                    patientId: patient.id,
                  },
                ]),
            // Treating despite the reasons is a decision of its own: audited as the override it is.
            ...(stored
              ? [
                  {
                    action: 'create' as const,
                    entity: 'treatment_override',
                    entityId: stored.id,
                    patientId: patient.id,
                  },
                ]
              : []),
          ],
          tx,
        );
        return { chart, session: done };
      });
      return reply.code(201).send(charted);
    },
  );

  app.get(
    '/api/sessions/:id/chart',
    {
      config: allow('admin', 'practitioner', 'patient'),
      schema: {
        summary: "A session's chart with its override and addenda (patients see their own)",
        tags,
        params: idParams,
        response: { 200: chartView, 404: errorResponse },
      },
    },
    async (request) => {
      const { session, patient } = await loadSessionWithPatient(
        app.repos,
        requireAuth(request).user,
        request.params.id,
      );
      const chart = await app.repos.charts.findBySession(session.id);
      if (!chart) throw notFound('chart');
      await request.audit({ action: 'read', entity: 'chart_entry', entityId: chart.id, patientId: patient.id });
      return chart;
    },
  );

  await treatmentCheckRoute(app);
  await chartAddendaRoute(app);
}
