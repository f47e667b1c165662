import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SideEffectPhotoRecord, SideEffectReportRecord } from '../../../core/records/index.js';
import type { App } from '../../app-types.js';
import { allow, clinicalRoles, clinicalOrOwn } from '../../plugins/access-control.js';
import type { AuditEvent } from '../../plugins/audit.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { loadAccessibleReport } from '../../../services/access/side-effect-report-access.js';
import { loadAccessibleSession } from '../../../services/access/session-access.js';
import { recordSideEffectReport } from '../../../services/side-effects/record-report.js';
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
import { reporterNames } from './reporter-names.js';
import { detectAfterReport } from '../safety-signals/detect-after-report.js';
import { readerLanguage } from '../../reader-language.js';
import { reportInLanguage } from '../../../services/side-effects/report-in-language.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

function readEvents(
  patientId: string,
  reports: readonly SideEffectReportRecord[],
  photos: readonly SideEffectPhotoRecord[],
): AuditEvent[] {
  return [...readsOf('side_effect_report', reports, patientId), ...readsOf('side_effect_photo', photos, patientId)];
}

/**
 * The reports as the request's reader reads them: each triage's reasons and advice in the reader's
 * language, whichever language the report was made in (the level stays as triaged).
 */
async function forReader(
  app: App,
  request: FastifyRequest,
): Promise<(report: SideEffectReportRecord) => SideEffectReportRecord> {
  const language = await readerLanguage(app, request);
  return (report) => reportInLanguage(report, (l) => app.knowledgeFor(l), language);
}

/**
 * Side effects after a session, reported by staff (on the patient's behalf, by phone or in person:
 * `reportedBy: staff`) or by the patient in the portal (their own sessions only), each triaged by the
 * knowledge base when reported (services/side-effects) and linked to the lots charted in the session.
 * A report ticks symptom codes, may add the patient's own words, and says how many days after the
 * session it began. Reception may record one and sees its triage, but reads no report back: they are clinical.
 */
export async function sideEffectRoutes(app: App): Promise<void> {
  const spec = routeSpec(['side effects']);
  await app.register(sideEffectPhotoRoutes);

  app.post(
    '/api/sessions/:id/side-effects',
    // Reception takes reports by phone or at the desk; it reads none back (the lists are clinical).
    spec(
      allow('admin', 'practitioner', 'reception', 'patient'),
      'Report a side effect after a session; the answer carries its triage and the lots used',
      {
        description:
          'Give `symptoms` (symptom codes), `symptom` (own words) or both, and `onsetDays` (or, from older forms, `onset`; ' +
          'when both come, the triage reads onsetDays). ' +
          'Unknown symptom codes are refused naming the item (e.g. symptoms[0]). Patients may report for their own sessions only; ' +
          'staff report on their behalf (reportedBy: staff), saying in `reportedVia` whether it came by phone or in person ' +
          '(the answer shows reception the triage, without the lots charted). Add photos with POST /api/side-effects/{id}/photos.',
        params: idParams,
        body: newReportBody,
        response: { ...answersWith(201, reportView, 400, 404), 409: patientWriteConflict },
      },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      // The triage's advice in the reporter's language: the patient's own, or the staff member's who
      // takes the call and reads it out; it is stored with the report as given, with that language.
      const language = await readerLanguage(app, request);
      const knowledgeBase = app.knowledgeFor(language);
      const view = await app.repos.transaction(async (tx) => {
        const { report, session, lots } = await recordSideEffectReport(tx, {
          user,
          sessionId: request.params.id,
          entry: request.body,
          knowledgeBase,
          language,
          // A patient's words are read in every language, whoever types them in.
          alsoIn: app.knowledgeLibrary.languages.map((language) => app.knowledgeFor(language)),
          now: new Date(),
        });
        await request.audit(
          { action: 'create', entity: 'side_effect_report', entityId: report.id, patientId: session.patientId },
          tx,
        );
        // Reception takes reports by phone and sees the triage to act on, not the chart's lots.
        const shownLots = clinicalRoles.includes(user.role) || user.role === 'patient' ? lots : [];
        return reportFor(report, session.patientId, shownLots, [], await reporterNames(tx, user.clinicId, [report]));
      });
      // After the commit: a report is never lost to a failed detection run.
      await detectAfterReport(app, request, user);
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/sessions/:id/side-effects',
    spec(clinicalOrOwn, "A session's side-effect reports, newest first", {
      params: idParams,
      response: answers(z.object({ reports: z.array(reportView) }), 404),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      const session = await loadAccessibleSession(app.repos, user, request.params.id);
      const [reports, lots] = await Promise.all([
        app.repos.sideEffects.listBySession(session.id),
        app.repos.sideEffects.lotsUsedInSession(session.id),
      ]);
      const photos = await Promise.all(reports.map((r) => app.repos.sideEffects.listPhotos(r.id)));
      await request.audit(readEvents(session.patientId, reports, photos.flat()));
      const names = await reporterNames(app.repos, user.clinicId, reports);
      const read = await forReader(app, request);
      return {
        reports: reports.map((r, i) => reportFor(read(r), session.patientId, lots, photos[i] ?? [], names)),
      };
    },
  );

  app.get(
    '/api/side-effects/:id',
    spec(clinicalOrOwn, 'One side-effect report', { params: idParams, response: answers(reportView, 404) }),
    async (request) => {
      const { user } = requireAuth(request);
      const { report, session } = await loadAccessibleReport(app.repos, user, request.params.id);
      const [lots, photos] = await Promise.all([
        app.repos.sideEffects.lotsUsedInSession(session.id),
        app.repos.sideEffects.listPhotos(report.id),
      ]);
      await request.audit(readEvents(session.patientId, [report], photos));
      const read = await forReader(app, request);
      return reportFor(
        read(report),
        session.patientId,
        lots,
        photos,
        await reporterNames(app.repos, user.clinicId, [report]),
      );
    },
  );

  app.get(
    '/api/side-effects',
    spec(
      allow('admin', 'practitioner'),
      "The clinic's side-effect reports that need a clinician (triaged urgent or review), newest first",
      { querystring: attentionQuery, response: answers(z.object({ reports: z.array(attentionView) }), 400) },
    ),
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
      const names = await reporterNames(
        app.repos,
        user.clinicId,
        entries.map((e) => e.report),
      );
      const read = await forReader(app, request);
      return { reports: entries.map((e) => attentionFor({ ...e, report: read(e.report) }, names)) };
    },
  );
}
