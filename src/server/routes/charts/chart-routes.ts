import { z } from 'zod';
import type { PatientRecord, TreatmentSessionRecord, UserRecord } from '../../../storage/repositories/records.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import type { App } from '../../app-types.js';
import { loadAccessiblePatient } from '../../auth/patient-access.js';
import { conflict, notFound } from '../../http-errors.js';
import { allow, clinicalRoles } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { sessionView } from '../../views.js';
import { chartBody, chartConflictView, chartView } from './chart-schemas.js';
import { assertCurrentConsent, assertLotsUsable, chartedProcedure, loadChartedLots } from './charting-rules.js';
import { localDate } from './session-date.js';

/** The session and its patient if the user may see them; otherwise "not found", as for sessions. */
async function loadSessionWithPatient(repos: Repositories, user: UserRecord, sessionId: string): Promise<{ session: TreatmentSessionRecord; patient: PatientRecord }> {
  const session = await repos.treatmentSessions.findById(sessionId);
  if (!session) throw notFound('session');
  const patient = await loadAccessiblePatient(repos, user, session.patientId).catch(() => {
    throw notFound('session');
  });
  return { session, patient };
}

/** The session's calendar date where it takes place (UTC when it has no location yet). */
async function sessionDate(repos: Repositories, session: TreatmentSessionRecord): Promise<string> {
  const location = session.locationId ? await repos.clinics.findLocation(session.locationId) : undefined;
  return localDate(session.scheduledAt, location?.timeZone ?? 'UTC');
}

export async function chartRoutes(app: App): Promise<void> {
  const tags = ['charts'];

  app.post(
    '/api/sessions/:id/chart',
    {
      config: allow(...clinicalRoles),
      schema: {
        summary: `Chart a session (anaesthesia, notes, injection points) and mark it done; needs the patient's signature of the current ${chartedProcedure} consent and usable lots`,
        tags,
        params: idParams,
        body: chartBody(app.knowledgeBase),
        response: { 201: z.object({ chart: chartView, session: sessionView }), 400: errorResponse, 404: errorResponse, 409: chartConflictView },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const { points, ...entry } = request.body;
      const charted = await app.repos.transaction(async (tx) => {
        // Held until the chart is written: a cancellation racing the charting waits, then sees it done.
        await tx.treatmentSessions.lockForChange(request.params.id);
        const { session, patient } = await loadSessionWithPatient(tx, user, request.params.id);
        if (session.status === 'cancelled' || session.status === 'no_show') throw conflict('session_closed', `the session is ${session.status} and cannot be charted`);
        if (await tx.charts.findBySession(session.id)) throw conflict('already_charted', 'the session is already charted');
        const lots = await loadChartedLots(tx, patient.clinicId, points);
        await assertCurrentConsent(tx, patient, chartedProcedure);
        assertLotsUsable(lots, await sessionDate(tx, session));

        const chart = await tx.charts.create({
          sessionId: session.id,
          anaesthesiaUsed: entry.anaesthesiaUsed,
          anaesthesiaAgent: entry.anaesthesiaAgent ?? null,
          notes: entry.notes ?? null,
          createdBy: user.id,
          points,
        });
        const done = session.status === 'done' ? session : await tx.treatmentSessions.update(session.id, { status: 'done' });
        if (!done) throw notFound('session');
        await request.audit(
          [
            { action: 'create', entity: 'chart_entry', entityId: chart.id, patientId: patient.id },
            ...(done === session ? [] : [{ action: 'update' as const, entity: 'treatment_session', entityId: session.id, patientId: patient.id }]),
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
      schema: { summary: "A session's chart (patients see their own)", tags, params: idParams, response: { 200: chartView, 404: errorResponse } },
    },
    async (request) => {
      const { session, patient } = await loadSessionWithPatient(app.repos, requireAuth(request).user, request.params.id);
      const chart = await app.repos.charts.findBySession(session.id);
      if (!chart) throw notFound('chart');
      await request.audit({ action: 'read', entity: 'chart_entry', entityId: chart.id, patientId: patient.id });
      return chart;
    },
  );
}
