import type { App } from '../../app-types.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { orPatientMerged } from '../../validation/merged-patient-response.js';
import { readOf } from '../../../services/audit-reads.js';
import { found } from '../../../services/found.js';
import { describeCourse } from '../../../services/portal/portal-plan.js';
import { loadPortalPatient } from '../../../services/portal/portal-patient.js';
import { portalCancel, portalMoveChoices, portalReschedule } from '../../../services/portal/portal-session-changes.js';
import { portalSettingsOf } from '../../../services/portal/portal-settings.js';
import { PlanNames } from '../../../services/portal/plan-names.js';
import { moveRecorded, recordSessionsClosed } from '../sessions/record-sessions-change.js';
import { moveChoicesView, portalConflictView, portalMovedView, portalRescheduleBody } from './portal-schemas.js';
import { answers, type RouteSpec } from '../route-spec.js';

/**
 * The patient moves or cancels their own session online: only outside the clinic's notice period
 * (after it, 409 saying to call the clinic) and, for a move, inside the course's interval window;
 * the course then re-flows exactly as when the clinic moves a session.
 */
export async function portalSessionRoutes(app: App, spec: RouteSpec): Promise<void> {
  const patientOnly = allow('patient');
  const followUp = { messaging: app.appConfig.messaging, knowledge: app.knowledgeLibrary };
  const rulesOf = async (user: Parameters<typeof loadPortalPatient>[1]) => {
    const patient = await loadPortalPatient(app.repos, user);
    const { noticeHours } = await portalSettingsOf(app.repos, patient.clinicId);
    const nowMs = app.now().getTime();
    const language = patient.preferredLanguage;
    return { noticeHours, now: new Date(nowMs).toISOString(), nowMs, knowledge: app.knowledgeLibrary, language };
  };

  app.get(
    '/api/portal/sessions/:id/move-options',
    spec(
      patientOnly,
      "Times the patient may move their session to online: inside the course's interval window, beyond the notice period",
      { params: idParams, response: { ...answers(moveChoicesView, 404), 409: portalConflictView } },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const rules = await rulesOf(user);
      const choices = await portalMoveChoices(app.repos, user, request.params.id, rules);
      const course = await describeCourse(app.repos, choices.course, rules);
      const session = found(
        course.sessions.find((s) => s.id === choices.session.id),
        'session',
      );
      await request.audit(readOf('treatment_session', choices.session));
      const names = new PlanNames(app.repos);
      return {
        session,
        noticeHours: rules.noticeHours,
        window: choices.window
          ? { from: choices.window.from, to: choices.window.to, interval: choices.window.interval }
          : null,
        options: await Promise.all(
          choices.options.map(async (o) => ({
            start: o.start,
            localDate: o.localDate,
            localTime: o.localTime,
            roomName: await names.room(o.roomId),
          })),
        ),
      };
    },
  );

  app.post(
    '/api/portal/sessions/:id/reschedule',
    spec(
      patientOnly,
      "Move the patient's session; later sessions re-flow to keep their intervals (409 with what to do when it cannot)",
      {
        description:
          'Refused (409) within the notice period (notice_period_passed: call the clinic), to a time within it (too_soon), ' +
          "or outside the course's interval window (outside_interval_window); nothing moves then.",
        params: idParams,
        body: portalRescheduleBody,
        response: { ...answers(portalMovedView, 400, 404), 409: orPatientMerged(portalConflictView) },
      },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const rules = await rulesOf(user);
      const done = await moveRecorded(request, app.repos, followUp, (tx) =>
        portalReschedule(tx, { user, sessionId: request.params.id, start: request.body.start, ...rules }),
      );
      return { course: await describeCourse(app.repos, done.course, rules), moved: done.moved };
    },
  );

  app.post(
    '/api/portal/sessions/:id/cancel',
    spec(
      patientOnly,
      "Cancel the patient's session, outside the notice period only (409 saying to call the clinic within it)",
      { params: idParams, response: { ...answers(portalMovedView, 404), 409: orPatientMerged(portalConflictView) } },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const rules = await rulesOf(user);
      const cancelled = await app.repos.transaction(async (tx) => {
        const closed = await portalCancel(tx, { user, sessionId: request.params.id, ...rules });
        await recordSessionsClosed(request, tx, followUp, closed.patientId, [closed]);
        return closed;
      });
      const course = found(await app.repos.courses.findById(cancelled.courseId), 'course');
      return { course: await describeCourse(app.repos, course, rules), moved: [cancelled.id] };
    },
  );
}
