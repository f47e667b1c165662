import { z } from 'zod';
import type { App } from '../../app-types.js';
import { loadAccessiblePatient, loadWritablePatient } from '../../../services/access/patient-access.js';
import { conflict } from '../../http-errors.js';
import { allow, staff, signedIn } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { assertBirthDate } from '../../validation/birth-date.js';
import { patientView } from '../../views.js';
import { newPatientBody, patientPatchBody, patientSearchQuery } from './patient-schemas.js';
import { readOf } from '../../../services/audit-reads.js';
import { editPatient } from '../../../services/patients/patient-edits.js';
import { patientConflictResponse } from './patient-record-views.js';
import { newPatientLanguage, rewriteIfLanguageChanged } from './patient-language.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

export async function patientRoutes(app: App): Promise<void> {
  const spec = routeSpec(['patients']);

  app.get(
    '/api/patients',
    spec(staff, 'Search patients by name (word prefixes), birth date (1900-01-01 to today) and phone digits', {
      description: 'Active patients only, unless `includeInactive`; records merged into another are never found.',
      querystring: patientSearchQuery,
      response: answers(z.object({ patients: z.array(patientView) }), 400),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      if (request.query.birthDate !== undefined) assertBirthDate('birthDate', request.query.birthDate, app.now());
      const patients = await app.repos.patients.search({ clinicId: user.clinicId, ...request.query });
      await request.audit(patients.map((p) => readOf('patient', p, p.id)));
      return { patients };
    },
  );

  app.post(
    '/api/patients',
    spec(staff, 'Register a patient', {
      body: newPatientBody(app.knowledgeLibrary.languages),
      response: answersWith(201, patientView, 400),
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      assertBirthDate('birthDate', request.body.birthDate, app.now());
      const preferredLanguage =
        request.body.preferredLanguage ?? (await newPatientLanguage(app.repos, user.clinicId, app.knowledgeLibrary));
      const patient = await app.repos.transaction(async (tx) => {
        const created = await tx.patients.create({ ...request.body, preferredLanguage, clinicId: user.clinicId });
        await request.audit({ action: 'create', entity: 'patient', entityId: created.id, patientId: created.id }, tx);
        return created;
      });
      return reply.code(201).send(patient);
    },
  );

  app.get(
    '/api/patients/:id',
    spec(signedIn, "A patient's details (patients: only their own)", {
      params: idParams,
      response: answers(patientView, 404),
    }),
    async (request) => {
      const patient = await loadAccessiblePatient(app.repos, requireAuth(request).user, request.params.id);
      await request.audit(readOf('patient', patient, patient.id));
      return patient;
    },
  );

  app.patch(
    '/api/patients/:id',
    spec(staff, "Change a patient's details; each field changed is kept in the record's history", {
      description:
        'Old and new value, who and when (`GET /api/patients/{id}/history`). A record merged into another is not changed (409).',
      params: idParams,
      body: patientPatchBody(app.knowledgeLibrary.languages),
      response: { ...answers(patientView, 400), 409: patientConflictResponse },
    }),
    async (request) => {
      const { user } = requireAuth(request);
      if (request.body.birthDate !== undefined) assertBirthDate('birthDate', request.body.birthDate, app.now());
      return app.repos.transaction(async (tx) => {
        const edited = await editPatient(tx, { user, patientId: request.params.id, patch: request.body });
        await request.audit(edited.audit, tx);
        await rewriteIfLanguageChanged(app, request, tx, edited);
        return edited.patient;
      });
    },
  );

  app.delete(
    '/api/patients/:id',
    spec(
      allow('admin'),
      'Delete a patient registered by mistake (refused once any clinical record, consent or account exists)',
      {
        description: 'A record merged into another is kept for the reversal of the merge: 409 `patient_merged`.',
        params: idParams,
        response: { ...answersWith(204, z.null()), 409: patientWriteConflict },
      },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      await app.repos.transaction(async (tx) => {
        const patient = await loadWritablePatient(tx, user, request.params.id);
        if (await tx.patients.hasDependentRecords(patient.id))
          throw conflict('has_records', 'the patient has records that must be kept; the patient cannot be deleted');
        await tx.patients.delete(patient.id);
        await request.audit({ action: 'delete', entity: 'patient', entityId: patient.id, patientId: patient.id }, tx);
      });
      return reply.code(204).send(null);
    },
  );
}
