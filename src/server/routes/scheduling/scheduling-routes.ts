import type { App } from '../../app-types.js';
import { conflict } from '../../http-errors.js';
import { staff } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { locationForBooking } from '../../../services/scheduling/booking-resources.js';
import { bookCourse } from '../../../services/scheduling/book-course.js';
import { closeSession } from '../../../services/scheduling/close-session.js';
import { earliestStartOf } from '../../../services/scheduling/earliest-start.js';
import { proposeCourse, type FinderOptions } from '../../../services/scheduling/propose-course.js';
import { rescheduleInCourse } from '../../../services/scheduling/reschedule-course.js';
import { idParams } from '../../validation/fields.js';
import { orPatientMerged } from '../../validation/merged-patient-response.js';
import { loadAccessibleCourse } from '../../../services/access/course-access.js';
import { moveRecorded, recordCourseBooked, recordSessionsClosed } from '../sessions/record-sessions-change.js';
import { sessionFor } from '../sessions/session-view.js';
import {
  bookedCourseView,
  bookingBody,
  bookingConflictView,
  closeSessionBody,
  closedSessionView,
  courseFinderBody,
  courseProposalView,
  planFinderBody,
  rescheduleBody,
  rescheduledView,
} from './scheduling-schemas.js';
import { readOf } from '../../../services/audit-reads.js';
import { changeConflictView } from '../clinic-calendar/clinic-calendar-views.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

function finderOptions(body: FinderOptions & { locationId: string }): FinderOptions {
  const { locationId: _location, ...options } = body;
  return options;
}

/** The course finder, whole-course booking, and moving, cancelling or closing booked sessions. */
export async function schedulingRoutes(app: App): Promise<void> {
  const spec = routeSpec(['scheduling']);
  const followUp = { messaging: app.appConfig.messaging, knowledge: app.knowledgeLibrary };
  const now = () => app.now().toISOString();

  app.post(
    '/api/courses/:id/course-proposals',
    spec(
      staff,
      "Find the earliest whole course for the course's plan (from its assessment, deferral included), or why none fits and alternatives",
      { params: idParams, body: courseFinderBody, response: answers(courseProposalView, 400, 404, 409) },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const course = await loadAccessibleCourse(app.repos, user, request.params.id);
      if (course.status !== 'active') throw conflict('course_not_active', `the course is ${course.status}`);
      const location = await locationForBooking(app.repos, user, request.body.locationId);
      const assessmentStart = await earliestStartOf(app.repos, course);
      const options = finderOptions(request.body);
      const { result, earliestStart } = await proposeCourse(app.repos, {
        location,
        plan: course.plan,
        now: now(),
        options,
        ...(assessmentStart ? { assessmentStart } : {}),
      });
      await request.audit(readOf('course', course));
      return { ...result, earliestStart: earliestStart ?? null, timeZone: location.timeZone };
    },
  );

  app.post(
    '/api/scheduling/course-proposals',
    spec(staff, 'Find the earliest whole course for a plan given in the request (no patient needed)', {
      body: planFinderBody,
      response: answers(courseProposalView, 400, 409),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      const location = await locationForBooking(app.repos, user, request.body.locationId);
      const { plan, ...rest } = request.body;
      const options = finderOptions(rest);
      const { result, earliestStart } = await proposeCourse(app.repos, { location, plan, now: now(), options });
      return { ...result, earliestStart: earliestStart ?? null, timeZone: location.timeZone };
    },
  );

  app.post(
    '/api/courses/:id/bookings',
    spec(
      staff,
      'Book every session of a course in one go (all or nothing); a practitioner or room is never double-booked',
      {
        params: idParams,
        body: bookingBody,
        response: { ...answersWith(201, bookedCourseView, 400, 404), 409: orPatientMerged(bookingConflictView) },
      },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const booked = await app.repos.transaction(async (tx) => {
        const result = await bookCourse(tx, { user, courseId: request.params.id, booking: request.body, now: now() });
        await recordCourseBooked(request, tx, followUp, result, (created) => [
          ...created,
          { action: 'update', entity: 'course', entityId: result.course.id, patientId: result.course.patientId },
        ]);
        return result;
      });
      return reply
        .code(201)
        .send({ sessions: booked.sessions.map((s) => sessionFor(user.role, s)), schedule: booked.schedule });
    },
  );

  app.post(
    '/api/sessions/:id/reschedule',
    spec(staff, "Move a planned session and re-flow the course's later sessions so every interval still holds", {
      params: idParams,
      body: rescheduleBody,
      response: { ...answers(rescheduledView, 400, 404), 409: orPatientMerged(changeConflictView) },
    }),
    async (request) => {
      const { user } = requireAuth(request);
      const { start, practitionerId, roomId, preferences, expectedUpdatedAt, expectedMoves } = request.body;
      const result = await moveRecorded(request, app.repos, followUp, (tx) =>
        rescheduleInCourse(tx, {
          user,
          sessionId: request.params.id,
          newStart: start,
          now: now(),
          ...(practitionerId === undefined ? {} : { practitionerId }),
          ...(roomId === undefined ? {} : { roomId }),
          ...(preferences === undefined ? {} : { preferences }),
          ...(expectedUpdatedAt === undefined ? {} : { expectedUpdatedAt }),
          ...(expectedMoves === undefined ? {} : { expectedMoves }),
        }),
      );
      return { sessions: result.sessions.map((s) => sessionFor(user.role, s)), moved: result.moved };
    },
  );

  for (const [path, status, summary] of [
    ['cancel', 'cancelled', 'Cancel a planned session; its practitioner and room are free again'],
    ['no-show', 'no_show', 'Record that the patient did not come (once the session has started); frees its slot'],
  ] as const) {
    app.post(
      `/api/sessions/:id/${path}`,
      {
        ...spec(staff, summary, {
          params: idParams,
          body: closeSessionBody,
          response: { ...answers(closedSessionView, 400, 404), 409: orPatientMerged(changeConflictView) },
        }),
        // No body at all is an empty one: closing without a reason, as before reasons were kept.
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request) => {
        const { user } = requireAuth(request);
        const { reason, expectedUpdatedAt } = request.body;
        const { session, closure } = await app.repos.transaction(async (tx) => {
          const closed = await closeSession(tx, {
            user,
            sessionId: request.params.id,
            status,
            now: now(),
            ...(reason === undefined ? {} : { reason }),
            ...(expectedUpdatedAt === undefined ? {} : { expectedUpdatedAt }),
          });
          await recordSessionsClosed(request, tx, followUp, closed.patientId, [closed]);
          return { session: closed, closure: reason ? await tx.sessionClosures.findBySession(closed.id) : undefined };
        });
        return { ...sessionFor(user.role, session), ...(closure ? { closure } : {}) };
      },
    );
  }
}
