import { z } from 'zod';
import { sessionStatuses } from '../../../storage/database-schema.js';
import type { UserRecord } from '../../../core/records/index.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import type { App } from '../../app-types.js';
import { loadAccessibleCourse, loadWritableCourse } from '../../../services/access/course-access.js';
import { loadAccessiblePatient } from '../../../services/access/patient-access.js';
import { loadAccessibleSession, loadSessionForChange } from '../../../services/access/session-access.js';
import { conflict, forbidden, invalidField } from '../../http-errors.js';
import { clinicalRoles, staff, signedIn } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { id, idParams, isoTimestamp, oneOf, pageQuery } from '../../validation/fields.js';
import { orPatientMerged } from '../../validation/merged-patient-response.js';
import { patientView, sessionView } from '../../views.js';
import { locationForBooking, practitionerForBooking } from '../../../services/scheduling/booking-resources.js';
import { holdSlots, syncSlots } from '../../../services/scheduling/slot-guard.js';
import { assertWithinBookingWindow } from '../../../services/scheduling/booking-window.js';
import { assertTimestampFilter, describeWindow, recordSearchWindow } from '../../validation/date-window.js';
import { chartRefusalResponse, overrideBody, overrideView } from '../charts/chart-schemas.js';
import { gateForDone } from '../../../services/treatment/treatment-gate.js';
import { readOf, readsOf } from '../../../services/audit-reads.js';
import { bookingConflictView } from '../scheduling/scheduling-schemas.js';
import { recordSessionsChange } from './record-sessions-change.js';
import { sessionFor } from './session-view.js';
import { found } from '../../../services/found.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

const status = oneOf(sessionStatuses);
const duration = z
  .number({ error: 'must be a whole number of minutes' })
  .int({ message: 'must be a whole number of minutes' })
  .min(5, { message: 'must be at least 5' })
  .max(480, { message: 'must be at most 480' });

const newSessionBody = z.object({
  scheduledAt: isoTimestamp,
  durationMinutes: duration.nullable().optional(),
  practitionerId: id.nullable().optional(),
  locationId: id.nullable().optional(),
  roomId: id.nullable().optional(),
});

const sessionPatchBody = newSessionBody
  .partial()
  .extend({
    status: status.optional(),
    override: overrideBody
      .nullable()
      .optional()
      .describe('With status "done": treat despite temporary reasons (a deferred session), giving why'),
  })
  .refine(({ override: _notAChange, ...patch }) => Object.values(patch).some((v) => v !== undefined), {
    message: 'must change at least one field',
  })
  .superRefine((patch, ctx) => {
    if (patch.override && patch.status !== 'done')
      ctx.addIssue({ code: 'custom', path: ['override'], message: 'only goes with status "done"' });
  });

const scheduleQuery = z.object({
  from: isoTimestamp.optional(),
  to: isoTimestamp.optional(),
  practitionerId: id.optional(),
  locationId: id.optional(),
  status: status.optional(),
  ...pageQuery,
});

const scheduleEntry = z.object({
  session: sessionView,
  patient: patientView.pick({ id: true, firstName: true, lastName: true, phone: true, email: true }),
});

/** The practitioner, location and room named by a booking must be of the user's clinic (and the room of that location). */
async function checkBooking(
  repos: Repositories,
  user: UserRecord,
  booking: { practitionerId?: string | null; locationId?: string | null; roomId?: string | null },
) {
  if (booking.practitionerId) await practitionerForBooking(repos, user, booking.practitionerId);
  if (booking.locationId) await locationForBooking(repos, user, booking.locationId);
  if (booking.roomId) {
    const room = await repos.availability.findRoom(booking.roomId);
    const location = room && (await repos.clinics.findLocation(room.locationId));
    if (!room || !room.active || !location || location.clinicId !== user.clinicId)
      throw invalidField('roomId', 'must be a room in use at this clinic');
    if (booking.locationId && room.locationId !== booking.locationId)
      throw invalidField('roomId', 'must be a room of the session’s location');
  }
}

/** The fields a patch sets (undefined leaves a field as it is). */
function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function sessionRoutes(app: App): Promise<void> {
  const spec = routeSpec(['sessions']);
  const followUp = { messaging: app.appConfig.messaging, knowledge: app.knowledgeLibrary };

  const sessionList = z.object({ sessions: z.array(sessionView) });

  app.post(
    '/api/courses/:id/sessions',
    spec(staff, 'Book a session in an active course', {
      params: idParams,
      body: newSessionBody,
      response: { ...answersWith(201, sessionView, 400), 409: orPatientMerged(bookingConflictView) },
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      assertWithinBookingWindow('scheduledAt', Date.parse(request.body.scheduledAt), app.now().getTime());
      const session = await app.repos.transaction(async (tx) => {
        const { record: course, patient } = await loadWritableCourse(tx, user, request.params.id);
        if (course.status !== 'active') throw conflict('course_not_active', `the course is ${course.status}`);
        await checkBooking(tx, user, request.body);
        const created = await tx.treatmentSessions.create({ courseId: course.id, ...request.body });
        await holdSlots(tx, created);
        await recordSessionsChange(
          request,
          tx,
          followUp,
          { action: 'create', entity: 'treatment_session', entityId: created.id, patientId: course.patientId },
          { patientId: course.patientId, sessions: [created], known: { course, patient }, rescreen: true },
        );
        return created;
      });
      return reply.code(201).send(sessionFor(user.role, session));
    },
  );

  // A course's sessions and a patient's: the same list, of the record the user may see.
  const sessionLists = [
    {
      url: '/api/courses/:id/sessions',
      summary: "A course's sessions in schedule order",
      list: async (user: UserRecord, courseId: string) =>
        app.repos.treatmentSessions.listByCourse((await loadAccessibleCourse(app.repos, user, courseId)).id),
    },
    {
      url: '/api/patients/:id/sessions',
      summary: "All of a patient's sessions in schedule order",
      list: async (user: UserRecord, patientId: string) =>
        app.repos.treatmentSessions.listByPatient((await loadAccessiblePatient(app.repos, user, patientId)).id),
    },
  ];
  for (const { url, summary, list } of sessionLists)
    app.get(url, spec(signedIn, summary, { params: idParams, response: answers(sessionList) }), async (request) => {
      const { user } = requireAuth(request);
      const sessions = await list(user, request.params.id);
      await request.audit(readsOf('treatment_session', sessions));
      return { sessions: sessions.map((s) => sessionFor(user.role, s)) };
    });

  app.get(
    '/api/sessions',
    spec(staff, "The clinic's schedule: sessions in a time window with the patients' contact details", {
      description: `\`from\` and \`to\` must lie ${describeWindow(recordSearchWindow)} (by the server's date), \`to\` not before \`from\`.`,
      querystring: scheduleQuery,
      response: answers(z.object({ entries: z.array(scheduleEntry) }), 400),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      assertTimestampFilter(request.query, recordSearchWindow, app.now());
      const entries = await app.repos.treatmentSessions.schedule({ clinicId: user.clinicId, ...request.query });
      await request.audit(entries.map((e) => readOf('treatment_session', e.session, e.patient.id)));
      return { entries: entries.map((e) => ({ ...e, session: sessionFor(user.role, e.session) })) };
    },
  );

  app.get(
    '/api/sessions/:id',
    spec(signedIn, 'One session', { params: idParams, response: answers(sessionView, 404) }),
    async (request) => {
      const { user } = requireAuth(request);
      const session = await loadAccessibleSession(app.repos, user, request.params.id);
      await request.audit(readOf('treatment_session', session));
      return sessionFor(user.role, session);
    },
  );

  app.patch(
    '/api/sessions/:id',
    spec(
      staff,
      'Reschedule a planned session, or mark it done (clinicians: the treatment gate applies, as when charting), cancelled or no-show',
      {
        params: idParams,
        body: sessionPatchBody,
        response: {
          ...answers(
            sessionView.extend({
              override: overrideView
                .optional()
                .describe('The override stored when the session was marked done despite temporary reasons'),
            }),
            400,
          ),
          409: orPatientMerged(chartRefusalResponse.extend({ problems: bookingConflictView.shape.problems })),
        },
      },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      if (request.body.status === 'done' && !clinicalRoles.includes(user.role))
        throw forbidden('only a practitioner or admin may mark a session done');
      if (request.body.scheduledAt !== undefined)
        assertWithinBookingWindow('scheduledAt', Date.parse(request.body.scheduledAt), app.now().getTime());
      const updated = await app.repos.transaction(async (tx) => {
        const session = await loadSessionForChange(tx, user, request.params.id);
        if (session.status !== 'planned')
          throw conflict('session_closed', `the session is ${session.status} and can no longer change`);
        // The room must still fit the location after the change, whichever of the two changed.
        const { override, ...patch } = request.body;
        const { practitionerId, locationId, roomId } = patch;
        await checkBooking(tx, user, {
          practitionerId,
          locationId: locationId === undefined ? session.locationId : locationId,
          roomId: roomId === undefined ? session.roomId : roomId,
        });
        // Done means treated: the same gate as charting, judged on the session as it will be (a move changes its day).
        const granted =
          patch.status === 'done'
            ? await gateForDone(tx, app.knowledgeBase, { ...session, ...definedOnly(patch) }, override, new Date())
            : null;
        const changed = found(await tx.treatmentSessions.update(session.id, patch), 'session');
        await syncSlots(tx, changed);
        const stored =
          granted &&
          (await tx.charts.createOverride({
            ...granted,
            sessionId: session.id,
            chartEntryId: null,
            createdBy: user.id,
          }));
        const { patientId } = session;
        await recordSessionsChange(
          request,
          tx,
          followUp,
          [
            { action: 'update', entity: 'treatment_session', entityId: session.id, patientId },
            ...(stored
              ? [{ action: 'create' as const, entity: 'treatment_override', entityId: stored.id, patientId }]
              : []),
          ],
          {
            patientId,
            sessions: [changed],
            rescreen: true,
            // Only a change of when or where confirms the session anew (one of a course confirmed together too).
            confirmation:
              changed.scheduledAt !== session.scheduledAt ||
              changed.locationId !== session.locationId ||
              changed.durationMinutes !== session.durationMinutes
                ? 'own'
                : 'as-queued',
          },
        );
        return { changed, stored };
      });
      return { ...sessionFor(user.role, updated.changed), ...(updated.stored ? { override: updated.stored } : {}) };
    },
  );
}
