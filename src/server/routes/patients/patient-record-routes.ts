import { z } from 'zod';
import type { App } from '../../app-types.js';
import { loadAccessiblePatient } from '../../../services/access/patient-access.js';
import { readsOf } from '../../../services/audit-reads.js';
import { setPatientActive } from '../../../services/patients/patient-edits.js';
import { findDuplicates } from '../../../services/patients/patient-duplicates.js';
import { staff } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { assertBirthDate } from '../../validation/birth-date.js';
import { idParams } from '../../validation/fields.js';
import { patientView } from '../../views.js';
import {
  changeViews,
  duplicateCandidateView,
  patientChangeView,
  patientConflictResponse,
} from './patient-record-views.js';
import { duplicateQuery } from './patient-schemas.js';
import { answers, routeSpec } from '../route-spec.js';

/**
 * A patient record over time: the duplicates a new registration may be, the history of its
 * details, and deactivation (kept with every record, out of searches) and reactivation.
 */
export async function patientRecordRoutes(app: App): Promise<void> {
  const spec = routeSpec(['patients']);

  app.get(
    '/api/patients/duplicates',
    spec(staff, 'Patients who may be the person about to be registered', {
      description:
        'Same name and birth date (ignoring case, accents and the Turkish dotted and dotless i, in either ' +
        'order), same phone (its last nine digits) or same email, in the clinic, by whichever of these are given; ' +
        'deactivated patients too, ' +
        'merged records never. Registering still works: the web form shows these first and lets the user ' +
        'go on deliberately. Each candidate shown is audited as read.',
      querystring: duplicateQuery,
      response: answers(z.object({ candidates: z.array(duplicateCandidateView) }), 400),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      if (request.query.birthDate !== undefined) assertBirthDate('birthDate', request.query.birthDate, app.now());
      const { excludeId, ...probe } = request.query;
      const candidates = await findDuplicates(app.repos, {
        clinicId: user.clinicId,
        probe,
        ...(excludeId === undefined ? {} : { excludeId }),
      });
      await request.audit(
        readsOf(
          'patient',
          candidates.map((c) => ({ id: c.patient.id, patientId: c.patient.id })),
        ),
      );
      return { candidates };
    },
  );

  app.get(
    '/api/patients/:id/history',
    spec(staff, "Every change of a patient's details, newest first: field, old and new value, who and when", {
      description: 'Deactivation and reactivation are changes of `active`.',
      params: idParams,
      response: answers(z.object({ changes: z.array(patientChangeView) }), 404),
    }),
    async (request) => {
      const patient = await loadAccessiblePatient(app.repos, requireAuth(request).user, request.params.id);
      const changes = await app.repos.patientChanges.listForPatient(patient.id);
      await request.audit(readsOf('patient_change', changes));
      return { changes: await changeViews(app.repos, changes) };
    },
  );

  for (const { active, verb, summary } of [
    {
      active: false,
      verb: 'deactivate',
      summary:
        'Deactivate a patient: kept with every record, left out of searches (409 while sessions are booked ahead)',
    },
    { active: true, verb: 'reactivate', summary: 'Reactivate a deactivated patient' },
  ])
    app.post(
      `/api/patients/:id/${verb}`,
      spec(staff, summary, {
        params: idParams,
        response: { ...answers(patientView, 404), 409: patientConflictResponse },
      }),
      async (request) => {
        const { user } = requireAuth(request);
        return app.repos.transaction(async (tx) => {
          const done = await setPatientActive(tx, {
            user,
            patientId: request.params.id,
            active,
            now: app.now().toISOString(),
          });
          await request.audit(done.audit, tx);
          return done.patient;
        });
      },
    );
}
