import { z } from 'zod';
import { courseStatuses } from '../../../storage/database-schema.js';
import type { TreatmentSessionRecord } from '../../../core/records/index.js';
import { recordSessionsClosed } from '../sessions/record-sessions-change.js';
import { closeSession } from '../../../services/scheduling/close-session.js';
import type { App } from '../../app-types.js';
import { loadAccessibleCourse, loadWritableCourse } from '../../../services/access/course-access.js';
import { loadWritablePatient } from '../../../services/access/patient-access.js';
import { conflict, notFound } from '../../http-errors.js';
import { clinicalOrOwn, clinicians } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { id, idParams } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { courseView } from '../../views.js';
import { readOf } from '../../../services/audit-reads.js';
import { found } from '../../../services/found.js';
import { auditedPatientRecords } from '../patients/patient-records.js';
import { coursesForReader } from './course-language.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

const newCourseBody = z.object({ assessmentId: id });
const coursePatchBody = z.object({
  status: z.enum(courseStatuses, { error: `must be one of: ${courseStatuses.join(', ')}` }),
});

export async function courseRoutes(app: App): Promise<void> {
  const spec = routeSpec(['courses']);

  app.post(
    '/api/patients/:id/courses',
    spec(clinicians, "Start a treatment course from the plan of the patient's latest assessment", {
      params: idParams,
      body: newCourseBody,
      response: { ...answersWith(201, courseView, 404), 409: patientWriteConflict },
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const course = await app.repos.transaction(async (tx) => {
        const patient = await loadWritablePatient(tx, user, request.params.id);
        const assessment = await tx.assessments.findById(request.body.assessmentId);
        if (!assessment || assessment.patientId !== patient.id) throw notFound('assessment');
        const plan = assessment.result.plan;
        if (!plan)
          throw conflict(
            'not_treatable',
            `the assessment's verdict is ${assessment.verdict}: there is no plan to follow`,
          );
        const latest = await tx.intakes.latestForPatient(patient.id);
        if (!latest || assessment.intakeId !== latest.id)
          throw conflict('assessment_outdated', 'a newer intake exists; start the course from its assessment');
        const created = await tx.courses.create({
          patientId: patient.id,
          assessmentId: assessment.id,
          indication: plan.indication,
          area: plan.area,
          plan,
          createdBy: user.id,
        });
        await request.audit({ action: 'create', entity: 'course', entityId: created.id, patientId: patient.id }, tx);
        return created;
      });
      return reply.code(201).send(course);
    },
  );

  app.get(
    '/api/patients/:id/courses',
    spec(clinicalOrOwn, "A patient's treatment courses, newest first", {
      params: idParams,
      response: answers(z.object({ courses: z.array(courseView) })),
    }),
    async (request) => {
      const courses = await auditedPatientRecords(app.repos, request, request.params.id, 'course', (patientId) =>
        app.repos.courses.listByPatient(patientId),
      );
      return { courses: await coursesForReader(app, request, courses) };
    },
  );

  app.get(
    '/api/courses/:id',
    spec(clinicalOrOwn, 'A treatment course with its plan', { params: idParams, response: answers(courseView, 404) }),
    async (request) => {
      const course = await loadAccessibleCourse(app.repos, requireAuth(request).user, request.params.id);
      await request.audit(readOf('course', course));
      const [shown = course] = await coursesForReader(app, request, [course]);
      return shown;
    },
  );

  app.patch(
    '/api/courses/:id',
    spec(clinicians, 'Complete or cancel a course (or reopen it)', {
      params: idParams,
      body: coursePatchBody,
      response: { ...answers(courseView, 404), 409: patientWriteConflict },
    }),
    async (request) => {
      const { user } = requireAuth(request);
      return app.repos.transaction(async (tx) => {
        const { record: course } = await loadWritableCourse(tx, user, request.params.id);
        const updated = found(await tx.courses.setStatus(course.id, request.body.status), 'course');
        await request.audit(
          { action: 'update', entity: 'course', entityId: course.id, patientId: course.patientId },
          tx,
        );
        // A cancelled course gives back its planned sessions: practitioner and room free again, reminders withdrawn.
        if (request.body.status === 'cancelled') {
          const at = new Date().toISOString();
          const closed: TreatmentSessionRecord[] = [];
          for (const session of await tx.treatmentSessions.listByCourse(course.id)) {
            if (session.status !== 'planned') continue;
            closed.push(await closeSession(tx, { user, sessionId: session.id, status: 'cancelled', now: at }));
          }
          const followUp = { messaging: app.appConfig.messaging, knowledge: app.knowledgeLibrary };
          await recordSessionsClosed(request, tx, followUp, course.patientId, closed);
        }
        return updated;
      });
    },
  );
}
