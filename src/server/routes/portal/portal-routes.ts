import { assessInLanguage } from '../../../core/localization/assess-in-language.js';
import type { PatientRecord } from '../../../core/records/index.js';
import { earliestOnlineStartMs } from '../../../core/portal/notice-period.js';
import type { App } from '../../app-types.js';
import { invalidField } from '../../http-errors.js';
import { patientKnowledge } from '../../reader-language.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { orPatientMerged, patientWriteConflict } from '../../validation/merged-patient-response.js';
import { assertIntakeDates, intakeDatesRule } from '../../validation/intake-dates.js';
import { readsOf } from '../../../services/audit-reads.js';
import { bookPortalCourse } from '../../../services/portal/book-portal-course.js';
import { describeCourse, describePortalPlan } from '../../../services/portal/portal-plan.js';
import { loadPortalPatient, loadWritablePortalPatient } from '../../../services/portal/portal-patient.js';
import {
  assertNoClinicianReview,
  loadBookableScreening,
  screenPortalIntake,
} from '../../../services/portal/portal-screening.js';
import { portalSettingsOf } from '../../../services/portal/portal-settings.js';
import { locationForBooking } from '../../../services/scheduling/booking-resources.js';
import { intakeBody } from '../assessments/assessment-routes.js';
import { matchRecord } from '../intakes/intake-routes.js';
import { recordCourseBooked } from '../sessions/record-sessions-change.js';
import { offeredCourses } from '../../../services/portal/offered-courses.js';
import {
  portalBookedView,
  portalBookingBody,
  portalConflictView,
  portalFinderBody,
  portalPlanView,
  portalProposalView,
  screeningView,
} from './portal-schemas.js';
import { screeningFor } from './screening-view.js';
import { portalSessionRoutes } from './portal-session-routes.js';
import { consultationRequestRoutes } from './consultation-request-routes.js';
import { portalSettingsRoutes } from './portal-settings-routes.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

const dayMs = 86_400_000;

/**
 * The patient's own portal: the whole plan in words, and booking a course online after answering
 * the intake questionnaire. The server decides what may be booked (screened first, bookable only,
 * the plan's intervals kept), whatever a page offers; every route acts for the signed-in patient.
 */
export async function portalRoutes(app: App): Promise<void> {
  const spec = routeSpec(['portal']);
  const patientOnly = allow('patient');
  const followUp = { messaging: app.appConfig.messaging, knowledge: app.knowledgeLibrary };
  // The portal is in the patient's language: the knowledge base's names and preparation in it.
  const context = async (patient: PatientRecord) => ({
    knowledge: app.knowledgeLibrary,
    language: patient.preferredLanguage,
    noticeHours: (await portalSettingsOf(app.repos, patient.clinicId)).noticeHours,
    nowMs: app.now().getTime(),
  });

  app.get(
    '/api/portal/plan',
    spec(
      patientOnly,
      'The signed-in patient\'s whole plan: each session as "session 2 of 6", when, with whom, where, and its preparation',
      { response: answers(portalPlanView, 403) },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const patient = await loadPortalPatient(app.repos, user);
      const plan = await context(patient);
      const { courses, sessions } = await describePortalPlan(app.repos, patient, plan);
      await request.audit([
        ...readsOf('course', courses, patient.id),
        ...readsOf('treatment_session', sessions, patient.id),
      ]);
      return { noticeHours: plan.noticeHours, courses };
    },
  );

  app.post(
    '/api/portal/intakes',
    spec(
      patientOnly,
      "The patient's own intake questionnaire, stored and screened as the clinic's; says whether a course may be booked online",
      {
        description:
          `${intakeDatesRule} The request date is the day the patient would like to start, today or later. ` +
          'A patient may not mark an answer reviewed (400 naming it): only a clinician may.',
        body: intakeBody,
        response: { ...answersWith(201, screeningView, 400, 403), 409: patientWriteConflict },
      },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const now = app.now();
      assertIntakeDates(request.body, now);
      const patient = await loadWritablePortalPatient(app.repos, user);
      const intake = matchRecord(request.body, patient);
      assertNoClinicianReview(intake);
      // A day's leeway for a patient whose midnight comes before the server's.
      if (intake.request.date < new Date(now.getTime() - dayMs).toISOString().slice(0, 10))
        throw invalidField('request.date', 'must be today or later');
      // Assess before writing: an unknown indication or area is a 400 that stores nothing.
      const result = assessInLanguage(intake, app.knowledgeLibrary, patient.preferredLanguage);
      const screening = await app.repos.transaction(async (tx) => {
        const screened = await screenPortalIntake(tx, app.knowledgeBase, { patient, user, intake, result, now });
        await request.audit(screened.audit, tx);
        return screened;
      });
      const locations = screening.outcome === 'bookable' ? await app.repos.clinics.listLocations(patient.clinicId) : [];
      const { noticeHours } = await portalSettingsOf(app.repos, patient.clinicId);
      return reply.code(201).send(screeningFor(screening, patientKnowledge(app, patient), locations, noticeHours));
    },
  );

  app.post(
    '/api/portal/course-proposals',
    spec(
      patientOnly,
      "Courses the patient may book from their screening: the earliest that keeps the plan's intervals, and a few later ones",
      {
        description:
          'Only for a recent, bookable screening of the latest intake (409 with what to do otherwise); no session within the notice period.',
        body: portalFinderBody,
        response: { ...answers(portalProposalView, 400, 404), 409: portalConflictView },
      },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const { assessmentId, locationId, ...options } = request.body;
      const screening = await loadBookableScreening(app.repos, user, assessmentId, app.now());
      const location = await locationForBooking(app.repos, user, locationId);
      const { noticeHours } = await portalSettingsOf(app.repos, screening.patient.clinicId);
      const notBefore = new Date(earliestOnlineStartMs(app.now().getTime(), noticeHours)).toISOString();
      const offered = await offeredCourses(app.repos, {
        location,
        plan: screening.plan,
        notBefore,
        requestDate: screening.requestDate,
        options,
      });
      await request.audit({
        action: 'read',
        entity: 'assessment',
        entityId: screening.assessment.id,
        patientId: screening.patient.id,
      });
      return offered;
    },
  );

  app.post(
    '/api/portal/bookings',
    spec(
      patientOnly,
      'Book an offered course, all sessions or none; a slot someone else took meanwhile is a 409 saying what to do',
      {
        description:
          'The screening must be recent and bookable, the course must keep its plan, the first session must lie beyond the notice period, ' +
          'and the practitioner and room must be free (the slot guard: of many bookings of one slot at once, exactly one wins).',
        body: portalBookingBody,
        response: { ...answersWith(201, portalBookedView, 400, 404), 409: orPatientMerged(portalConflictView) },
      },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const patient = await loadPortalPatient(app.repos, user);
      const plan = await context(patient);
      const now = new Date(plan.nowMs).toISOString();
      const booked = await app.repos.transaction(async (tx) => {
        const result = await bookPortalCourse(tx, {
          user,
          booking: request.body,
          noticeHours: plan.noticeHours,
          now,
        });
        const { course } = result;
        await recordCourseBooked(request, tx, followUp, result, (created) => [
          { action: 'create', entity: 'course', entityId: course.id, patientId: course.patientId },
          ...created,
        ]);
        return result;
      });
      const course = await describeCourse(app.repos, booked.course, plan, { sessions: booked.sessions });
      return reply.code(201).send({ course });
    },
  );

  await portalSessionRoutes(app, spec);
  await consultationRequestRoutes(app, spec);
  await portalSettingsRoutes(app);
}
