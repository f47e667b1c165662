import { z } from 'zod';
import type { SideEffectPhotoRecord, SideEffectReportRecord } from '../../../core/records/index.js';
import type { App } from '../../app-types.js';
import { invalidField } from '../../http-errors.js';
import { allow } from '../../plugins/access-control.js';
import type { AuditEvent } from '../../plugins/audit.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { loadAccessibleReport } from '../../../services/access/side-effect-report-access.js';
import { loadAccessibleSession } from '../../../services/access/session-access.js';
import { assertSessionHeld } from '../../../services/scheduling/session-held.js';
import { readOf, readsOf } from '../../../services/audit-reads.js';
import { sideEffectPhotoRoutes } from './side-effect-photo-routes.js';
import {
  attentionFor,
  attentionQuery,
  attentionView,
  newReportBody,
  reportFor,
  reportView,
} from './side-effect-schemas.js';
import { triageReport } from './triage-report.js';
import { detectAfterReport } from '../safety-signals/detect-after-report.js';

/** A phone's clock may run a little ahead of the server's; an onset "now" is not in the future. */
const clockSkewMs = 5 * 60_000;
const DAY_MS = 86_400_000;

type NewReport = z.output<typeof newReportBody>;

/** What the schema cannot say alone: something reported, and an onset, in days or as an instant. */
function checkReportShape(body: NewReport): void {
  if (!body.symptoms?.length && body.symptom === undefined && !body.codes?.length)
    throw invalidField('symptoms', 'required: tick at least one symptom, or describe it in symptom');
  if (body.onsetDays === undefined && body.onset === undefined)
    throw invalidField('onsetDays', 'required: how many days after the session it began (0: the same day)');
}

/**
 * Both forms of the onset are stored, so that every reader has the one it needs: days as reported
 * (or worked out from an instant), and an instant (for days, the session time plus those days, never
 * later than now) for exports and lists that sort by time.
 */
function reportOnset(sessionAt: string, body: NewReport, now: Date): { onset: string; onsetDays: number } {
  const sessionMs = Date.parse(sessionAt);
  if (body.onsetDays !== undefined)
    return {
      onset: body.onset ?? new Date(Math.min(sessionMs + body.onsetDays * DAY_MS, now.getTime())).toISOString(),
      onsetDays: body.onsetDays,
    };
  const onset = body.onset ?? now.toISOString();
  return { onset, onsetDays: Math.max(0, Math.floor((Date.parse(onset) - sessionMs) / DAY_MS)) };
}

function readEvents(
  patientId: string,
  reports: readonly SideEffectReportRecord[],
  photos: readonly SideEffectPhotoRecord[],
): AuditEvent[] {
  return [...readsOf('side_effect_report', reports, patientId), ...readsOf('side_effect_photo', photos, patientId)];
}

/**
 * Side effects after a session, reported by a clinician (admin or practitioner, on the patient's
 * behalf: `reportedBy: staff`) or by the patient (their own sessions only), each triaged by the
 * knowledge base when reported and linked to the lots charted in the session. A report ticks symptom
 * codes, may add the patient's own words, and says how many days after the session it began.
 * Reception sees none of it: it is clinical.
 */
export async function sideEffectRoutes(app: App): Promise<void> {
  const tags = ['side effects'];
  const clinicalOrOwn = allow('admin', 'practitioner', 'patient');
  await app.register(sideEffectPhotoRoutes);

  app.post(
    '/api/sessions/:id/side-effects',
    {
      config: clinicalOrOwn,
      schema: {
        summary: 'Report a side effect after a session; the answer carries its triage and the lots used',
        description:
          'Give `symptoms` (symptom codes), `symptom` (own words) or both, and `onsetDays` (or, from older forms, `onset`; ' +
          'when both come, the triage reads onsetDays). ' +
          'Unknown symptom codes are refused naming the item (e.g. symptoms[0]). Patients may report for their own sessions only; ' +
          'a clinician reports on their behalf (reportedBy: staff). Add photos with POST /api/side-effects/{id}/photos.',
        tags,
        params: idParams,
        body: newReportBody,
        response: { 201: reportView, 400: errorResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const body = request.body;
      const now = new Date();
      checkReportShape(body);
      if (body.onset !== undefined && Date.parse(body.onset) > now.getTime() + clockSkewMs)
        throw invalidField('onset', 'must not be in the future');
      const view = await app.repos.transaction(async (tx) => {
        const session = await loadAccessibleSession(tx, user, request.params.id);
        assertSessionHeld(session, now);
        const course = await tx.courses.findById(session.courseId);
        // The patient's own count of days is what the triage reads when a client sends both.
        const onset = body.onsetDays !== undefined ? { onsetDays: body.onsetDays } : { onsetAt: body.onset };
        const triage = triageReport(
          {
            symptoms: body.symptoms,
            text: body.symptom,
            codes: body.codes,
            severity: body.severity,
            area: course?.area,
            sessionAt: session.scheduledAt,
            ...onset,
            now: now.toISOString(),
            ongoing: body.ongoing,
          },
          app.knowledgeBase,
        );
        const report = await tx.sideEffects.createReport({
          sessionId: session.id,
          reporterUserId: user.id,
          reportedBy: user.role === 'patient' ? 'patient' : 'staff',
          symptom: body.symptom ?? '',
          symptoms: body.symptoms ?? [],
          codes: body.codes ?? [],
          ...reportOnset(session.scheduledAt, body, now),
          severity: body.severity,
          ongoing: body.ongoing,
          triage,
        });
        const lots = await tx.sideEffects.lotsUsedInSession(session.id);
        await request.audit(
          { action: 'create', entity: 'side_effect_report', entityId: report.id, patientId: session.patientId },
          tx,
        );
        return reportFor(report, session.patientId, lots, []);
      });
      // After the commit: a report is never lost to a failed detection run.
      await detectAfterReport(app, request, user);
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/sessions/:id/side-effects',
    {
      config: clinicalOrOwn,
      schema: {
        summary: "A session's side-effect reports, newest first",
        tags,
        params: idParams,
        response: { 200: z.object({ reports: z.array(reportView) }), 404: errorResponse },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const session = await loadAccessibleSession(app.repos, user, request.params.id);
      const [reports, lots] = await Promise.all([
        app.repos.sideEffects.listBySession(session.id),
        app.repos.sideEffects.lotsUsedInSession(session.id),
      ]);
      const photos = await Promise.all(reports.map((r) => app.repos.sideEffects.listPhotos(r.id)));
      await request.audit(readEvents(session.patientId, reports, photos.flat()));
      return { reports: reports.map((r, i) => reportFor(r, session.patientId, lots, photos[i] ?? [])) };
    },
  );

  app.get(
    '/api/side-effects/:id',
    {
      config: clinicalOrOwn,
      schema: {
        summary: 'One side-effect report',
        tags,
        params: idParams,
        response: { 200: reportView, 404: errorResponse },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const { report, session } = await loadAccessibleReport(app.repos, user, request.params.id);
      const [lots, photos] = await Promise.all([
        app.repos.sideEffects.lotsUsedInSession(session.id),
        app.repos.sideEffects.listPhotos(report.id),
      ]);
      await request.audit(readEvents(session.patientId, [report], photos));
      return reportFor(report, session.patientId, lots, photos);
    },
  );

  app.get(
    '/api/side-effects',
    {
      config: allow('admin', 'practitioner'),
      schema: {
        summary: "The clinic's side-effect reports that need a clinician (triaged urgent or review), newest first",
        tags,
        querystring: attentionQuery,
        response: { 200: z.object({ reports: z.array(attentionView) }), 400: errorResponse },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const { level, limit, offset } = request.query;
      const entries = await app.repos.sideEffects.listNeedingAttention({
        clinicId: user.clinicId,
        levels: level ? [level] : ['urgent', 'review'],
        limit,
        offset,
      });
      await request.audit(entries.map((e) => readOf('side_effect_report', e.report, e.patient.id)));
      return { reports: entries.map(attentionFor) };
    },
  );
}
