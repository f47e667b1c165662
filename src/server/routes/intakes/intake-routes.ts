import { z } from 'zod';
import { assessInLanguage } from '../../../core/localization/assess-in-language.js';
import type { Intake } from '../../../core/assessment/intake-schema.js';
import type { PatientRecord } from '../../../core/records/index.js';
import type { App } from '../../app-types.js';
import { loadAccessiblePatient, loadWritablePatient } from '../../../services/access/patient-access.js';
import { invalidField } from '../../http-errors.js';
import { allow, clinicalOrOwn } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { intakeView, storedAssessmentView } from '../../views.js';
import { recordIntake } from '../../../services/intakes/record-intake.js';
import { intakeBody } from '../assessments/assessment-routes.js';
import { assertIntakeDates, intakeDatesRule } from '../../validation/intake-dates.js';
import { readOf, readsOf } from '../../../services/audit-reads.js';
import { readerLanguage } from '../../reader-language.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

/** The intake must describe the patient on record; a differing birth date means one of them is wrong. */
export function matchRecord(intake: Intake, patient: PatientRecord): Intake {
  if (intake.patient.birthDate !== patient.birthDate)
    throw invalidField(
      'patient.birthDate',
      `must match the patient's record (${patient.birthDate}); correct the record first if it is wrong`,
    );
  if (intake.patient.sex === undefined && patient.sex !== 'unknown')
    return { ...intake, patient: { ...intake.patient, sex: patient.sex } };
  return intake;
}

const intakeWithAssessment = intakeView.extend({ assessment: storedAssessmentView.nullable() });

export async function intakeRoutes(app: App): Promise<void> {
  const spec = routeSpec(['intakes']);

  app.post(
    '/api/patients/:id/intakes',
    spec(
      allow('admin', 'practitioner'),
      "Record a new intake version for the patient and assess it (the body is the contract's request)",
      {
        description: intakeDatesRule,
        params: idParams,
        body: intakeBody,
        response: {
          ...answersWith(201, z.object({ intake: intakeView, assessment: storedAssessmentView }), 400),
          409: patientWriteConflict,
        },
      },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      assertIntakeDates(request.body, app.now());
      const patient = await loadWritablePatient(app.repos, user, request.params.id);
      const intake = matchRecord(request.body, patient);
      // Assess before writing: an unknown indication or area is a 400 that stores nothing. Its texts
      // are in the clinician's language, and stored so: a stored assessment keeps the words it had.
      const result = assessInLanguage(intake, app.knowledgeLibrary, await readerLanguage(app, request));
      const saved = await app.repos.transaction(async (tx) => {
        const recorded = await recordIntake(tx, app.knowledgeBase, {
          patientId: patient.id,
          intake,
          result,
          by: user.id,
          now: new Date(),
        });
        await request.audit(recorded.audit, tx);
        return { intake: recorded.intake, assessment: recorded.assessment };
      });
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/api/patients/:id/intakes',
    spec(clinicalOrOwn, 'Intake history, newest version first, each with its latest assessment', {
      params: idParams,
      response: answers(z.object({ intakes: z.array(intakeWithAssessment) })),
    }),
    async (request) => {
      const patient = await loadAccessiblePatient(app.repos, requireAuth(request).user, request.params.id);
      const [intakes, assessments] = await Promise.all([
        app.repos.intakes.listByPatient(patient.id),
        app.repos.assessments.listByPatient(patient.id),
      ]);
      // listByPatient is newest first, so the first match per intake is its latest assessment.
      const latest = new Map<string, (typeof assessments)[number]>();
      for (const a of assessments) if (a.intakeId && !latest.has(a.intakeId)) latest.set(a.intakeId, a);
      const history = intakes.map((intake) => ({ ...intake, assessment: latest.get(intake.id) ?? null }));
      await request.audit([
        ...readsOf('intake', history, patient.id),
        ...history.flatMap((i) => (i.assessment ? [readOf('assessment', i.assessment, patient.id)] : [])),
      ]);
      return { intakes: history };
    },
  );
}
