import { z } from 'zod';
import { sessionStatuses } from '../../../storage/database-schema.js';
import type { TreatmentSessionRecord, UserRecord } from '../../../core/records/index.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import type { App } from '../../app-types.js';
import { loadAccessibleCourse, loadCourseWithPatient } from '../../../services/access/course-access.js';
import { loadAccessiblePatient } from '../../../services/access/patient-access.js';
import { loadAccessibleSession, loadSessionForChange } from '../../../services/access/session-access.js';
import { conflict, forbidden, invalidField, notFound } from '../../http-errors.js';
import { allow, anyRole, clinicalRoles, staffRoles } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, id, idParams, isoTimestamp, pageQuery } from '../../validation/fields.js';
import { patientView, sessionView } from '../../views.js';
import { holdSlots, syncSlots } from '../../../services/scheduling/slot-guard.js';
import { afterSessionsChanged } from '../../../services/scheduling/after-sessions-changed.js';
import { chartRefusalResponse, overrideBody, overrideView } from '../charts/chart-schemas.js';
import { checkTreatment } from '../../../services/treatment/treatment-check.js';
import { resolveOverride } from '../../../services/treatment/treatment-gate-rules.js';
import { bookingConflictView } from '../scheduling/scheduling-schemas.js';
import { sessionFor } from './session-view.js';

const status = z.enum(sessionStatuses, { error: `must be one of: ${sessionStatuses.join(', ')}` });
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
  if (booking.practitionerId) {
    const practitioner = await repos.users.findById(booking.practitionerId);
    if (
      !practitioner ||
      practitioner.clinicId !== user.clinicId ||
      !practitioner.active ||
      !clinicalRoles.includes(practitioner.role)
    )
      throw invalidField('practitionerId', 'must be an active practitioner of this clinic');
  }
  if (booking.locationId) {
    const location = await repos.clinics.findLocation(booking.locationId);
    if (!location || location.clinicId !== user.clinicId)
      throw invalidField('locationId', 'must be a location of this clinic');
  }
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
  const tags = ['sessions'];
  const followUp = { messaging: app.appConfig.messaging, knowledgeBase: app.knowledgeBase };

  /** The override to store for marking the session done, or 409 `treatment_blocked` (see services/treatment/treatment-gate-rules.ts). */
  const gateForDone = async (
    tx: Repositories,
    session: TreatmentSessionRecord,
    override: { reason: string } | null | undefined,
  ) => {
    const patient = await tx.patients.findById(session.patientId);
    if (!patient) throw notFound('session');
    const check = await checkTreatment(tx, app.knowledgeBase, { session, patient }, new Date());
    return resolveOverride(check.gate, override, await tx.charts.overridesOfSession(session.id));
  };
  const sessionList = z.object({ sessions: z.array(sessionView) });

  app.post(
    '/api/courses/:id/sessions',
    {
      config: allow(...staffRoles),
      schema: {
        summary: 'Book a session in an active course',
        tags,
        params: idParams,
        body: newSessionBody,
        response: { 201: sessionView, 400: errorResponse, 409: bookingConflictView },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const session = await app.repos.transaction(async (tx) => {
        const { course, patient } = await loadCourseWithPatient(tx, user, request.params.id);
        if (course.status !== 'active') throw conflict('course_not_active', `the course is ${course.status}`);
        await checkBooking(tx, user, request.body);
        const created = await tx.treatmentSessions.create({ courseId: course.id, ...request.body });
        await holdSlots(tx, created);
        await request.audit(
          { action: 'create', entity: 'treatment_session', entityId: created.id, patientId: course.patientId },
          tx,
        );
        await request.audit(
          await afterSessionsChanged(tx, followUp, {
            patientId: course.patientId,
            sessions: [created],
            known: { course, patient },
            rescreen: true,
          }),
          tx,
        );
        return created;
      });
      return reply.code(201).send(sessionFor(user.role, session));
    },
  );

  app.get(
    '/api/courses/:id/sessions',
    {
      config: allow(...anyRole),
      schema: {
        summary: "A course's sessions in schedule order",
        tags,
        params: idParams,
        response: { 200: sessionList },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const course = await loadAccessibleCourse(app.repos, user, request.params.id);
      const sessions = await app.repos.treatmentSessions.listByCourse(course.id);
      await request.audit(
        sessions.map((s) => ({
          action: 'read' as const,
          entity: 'treatment_session',
          entityId: s.id,
          patientId: s.patientId,
        })),
      );
      return { sessions: sessions.map((s) => sessionFor(user.role, s)) };
    },
  );

  app.get(
    '/api/patients/:id/sessions',
    {
      config: allow(...anyRole),
      schema: {
        summary: "All of a patient's sessions in schedule order",
        tags,
        params: idParams,
        response: { 200: sessionList },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const patient = await loadAccessiblePatient(app.repos, user, request.params.id);
      const sessions = await app.repos.treatmentSessions.listByPatient(patient.id);
      await request.audit(
        sessions.map((s) => ({
          action: 'read' as const,
          entity: 'treatment_session',
          entityId: s.id,
          patientId: s.patientId,
        })),
      );
      return { sessions: sessions.map((s) => sessionFor(user.role, s)) };
    },
  );

  app.get(
    '/api/sessions',
    {
      config: allow(...staffRoles),
      schema: {
        summary: "The clinic's schedule: sessions in a time window with the patients' contact details",
        tags,
        querystring: scheduleQuery,
        response: { 200: z.object({ entries: z.array(scheduleEntry) }) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const entries = await app.repos.treatmentSessions.schedule({ clinicId: user.clinicId, ...request.query });
      await request.audit(
        entries.map((e) => ({
          action: 'read' as const,
          entity: 'treatment_session',
          entityId: e.session.id,
          patientId: e.patient.id,
        })),
      );
      return { entries: entries.map((e) => ({ ...e, session: sessionFor(user.role, e.session) })) };
    },
  );

  app.get(
    '/api/sessions/:id',
    {
      config: allow(...anyRole),
      schema: { summary: 'One session', tags, params: idParams, response: { 200: sessionView, 404: errorResponse } },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const session = await loadAccessibleSession(app.repos, user, request.params.id);
      await request.audit({
        action: 'read',
        entity: 'treatment_session',
        entityId: session.id,
        patientId: session.patientId,
      });
      return sessionFor(user.role, session);
    },
  );

  app.patch(
    '/api/sessions/:id',
    {
      config: allow(...staffRoles),
      schema: {
        summary:
          'Reschedule a planned session, or mark it done (clinicians: the treatment gate applies, as when charting), cancelled or no-show',
        tags,
        params: idParams,
        body: sessionPatchBody,
        response: {
          200: sessionView.extend({
            override: overrideView
              .optional()
              .describe('The override stored when the session was marked done despite temporary reasons'),
          }),
          400: errorResponse,
          409: chartRefusalResponse.extend({ problems: bookingConflictView.shape.problems }),
        },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      if (request.body.status === 'done' && !clinicalRoles.includes(user.role))
        throw forbidden('only a practitioner or admin may mark a session done');
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
          patch.status === 'done' ? await gateForDone(tx, { ...session, ...definedOnly(patch) }, override) : null;
        const changed = await tx.treatmentSessions.update(session.id, patch);
        if (!changed) throw notFound('session');
        await syncSlots(tx, changed);
        await request.audit(
          { action: 'update', entity: 'treatment_session', entityId: session.id, patientId: session.patientId },
          tx,
        );
        const stored =
          granted &&
          (await tx.charts.createOverride({
            ...granted,
            sessionId: session.id,
            chartEntryId: null,
            createdBy: user.id,
          }));
        if (stored)
          await request.audit(
            { action: 'create', entity: 'treatment_override', entityId: stored.id, patientId: session.patientId },
            tx,
          );
        await request.audit(
          await afterSessionsChanged(tx, followUp, {
            patientId: session.patientId,
            sessions: [changed],
            rescreen: true,
          }),
          tx,
        );
        return { changed, stored };
      });
      return { ...sessionFor(user.role, updated.changed), ...(updated.stored ? { override: updated.stored } : {}) };
    },
  );
}
