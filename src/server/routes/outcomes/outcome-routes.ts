import { z } from 'zod';
import type { Role } from '../../../core/records/index.js';
import type { App } from '../../app-types.js';
import { loadAccessiblePatient } from '../../../services/access/patient-access.js';
import { conflict, forbidden, invalidField, notFound } from '../../http-errors.js';
import { allow, staffRoles, clinicalOrOwn } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { id, idParams, optionalText } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { loadAccessibleSession, loadWritableSession } from '../../../services/access/session-access.js';
import { assertSessionHeld } from '../../../services/scheduling/session-held.js';
import { courseOutcomeFor, courseOutcomeView, outcomeFor, outcomeView } from './outcome-view.js';
import { readOf, readsOf } from '../../../services/audit-reads.js';
import { answers, routeSpec } from '../route-spec.js';

const rating = z
  .number({ error: 'must be a whole number from 1 to 10' })
  .int({ message: 'must be a whole number from 1 to 10' })
  .min(1, { message: 'must be at least 1' })
  .max(10, { message: 'must be at most 10' });

const outcomeBody = z
  .object({
    patientRating: rating.nullable().optional().describe("The patient's rating, 1 (worst) to 10; null clears it"),
    practitionerRating: rating.nullable().optional().describe("The practitioner's rating (practitioner or admin)"),
    notes: optionalText(4000).describe('Practitioner only'),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), {
    message: 'must set at least one of patientRating, practitionerRating, notes',
  });

const outcomesQuery = z.object({ courseId: id.optional().describe("Only this course's sessions") });

/** Who may write which field (the role guard lets every role in; patients only for their own sessions). */
const writers: Record<keyof z.output<typeof outcomeBody>, readonly Role[]> = {
  patientRating: [...staffRoles, 'patient'],
  practitionerRating: ['admin', 'practitioner'],
  notes: ['practitioner'],
};

/** The repository saved nothing: the rating is the patient's own. */
const patientRated = () =>
  conflict('patient_rated', 'the patient gave this rating themselves; only they may change it', {
    problems: [{ field: 'patientRating', message: 'was given by the patient, who alone may change it' }],
  });

/** How each session went, in the patient's and the practitioner's eyes: one outcome per session. */
export async function outcomeRoutes(app: App): Promise<void> {
  const spec = routeSpec(['outcomes']);

  app.put(
    '/api/sessions/:id/outcome',
    spec(
      allow('admin', 'practitioner', 'reception', 'patient'),
      "Record or change a session's outcome: the fields sent are set, the others kept",
      {
        description:
          'patientRating: the patient (own sessions), or staff passing it on; once the patient has given theirs, it is ' +
          'theirs alone to change: staff sending patientRating then get 409 patient_rated naming the field, and nothing ' +
          'is saved. practitionerRating: practitioner or admin; notes: the practitioner (never shown to the patient).',
        params: idParams,
        body: outcomeBody,
        response: { ...answers(outcomeView, 400, 403, 404), 409: patientWriteConflict },
      },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      for (const [field, roles] of Object.entries(writers))
        if (request.body[field as keyof typeof writers] !== undefined && !roles.includes(user.role))
          throw forbidden(`your role may not set ${field}`);
      const now = new Date();
      const saved = await app.repos.transaction(async (tx) => {
        const session = await loadWritableSession(tx, user, request.params.id);
        assertSessionHeld(session, now);
        const existing = await tx.outcomes.findBySession(session.id);
        const byPatient = user.role === 'patient';
        const outcome = await tx.outcomes.save(session.id, request.body, byPatient ? 'patient' : 'staff');
        if (!byPatient && request.body.patientRating !== undefined && outcome.patientRatingBy === 'patient')
          throw patientRated();
        await request.audit(
          {
            action: existing ? 'update' : 'create',
            entity: 'outcome',
            entityId: outcome.id,
            patientId: session.patientId,
          },
          tx,
        );
        return outcome;
      });
      return outcomeFor(user.role, saved);
    },
  );

  app.get(
    '/api/sessions/:id/outcome',
    spec(clinicalOrOwn, "A session's outcome", { params: idParams, response: answers(outcomeView, 404) }),
    async (request) => {
      const { user } = requireAuth(request);
      const session = await loadAccessibleSession(app.repos, user, request.params.id);
      const outcome = await app.repos.outcomes.findBySession(session.id);
      if (!outcome) throw notFound('outcome');
      await request.audit(readOf('outcome', outcome, session.patientId));
      return outcomeFor(user.role, outcome);
    },
  );

  app.get(
    '/api/patients/:id/outcomes',
    spec(clinicalOrOwn, "A patient's outcomes in session order, for charting a course", {
      params: idParams,
      querystring: outcomesQuery,
      response: answers(z.object({ outcomes: z.array(courseOutcomeView) }), 400, 404),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      const patient = await loadAccessiblePatient(app.repos, user, request.params.id);
      const { courseId } = request.query;
      if (courseId !== undefined) {
        const course = await app.repos.courses.findById(courseId);
        if (!course || course.patientId !== patient.id)
          throw invalidField('courseId', "must be one of the patient's courses");
      }
      const outcomes = await app.repos.outcomes.listByPatient(patient.id, courseId);
      await request.audit(readsOf('outcome', outcomes, patient.id));
      return { outcomes: outcomes.map((o) => courseOutcomeFor(user.role, o)) };
    },
  );
}
