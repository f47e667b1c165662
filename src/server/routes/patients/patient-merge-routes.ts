import { z } from 'zod';
import type { App } from '../../app-types.js';
import { loadAccessiblePatient } from '../../../services/access/patient-access.js';
import { readsOf } from '../../../services/audit-reads.js';
import { mergePatients, reverseMerge } from '../../../services/patients/merge-patients.js';
import { allow, staffRoles } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { mergeView, mergeViews, patientConflictResponse, patientMergeView } from './patient-record-views.js';
import { mergeBody, mergeParams } from './patient-schemas.js';

/**
 * Merging two records of one person, and reversing it: admins only, since a merge moves every
 * clinical, financial and portal record of one record to another. Staff see a record's merges.
 */
export async function patientMergeRoutes(app: App): Promise<void> {
  const tags = ['patients'];

  app.get(
    '/api/patients/:id/merges',
    {
      config: allow(...staffRoles),
      schema: {
        summary: 'The merges a patient record took part in (kept or merged away), newest first',
        tags,
        params: idParams,
        response: { 200: z.object({ merges: z.array(patientMergeView) }), 404: errorResponse },
      },
    },
    async (request) => {
      const patient = await loadAccessiblePatient(app.repos, requireAuth(request).user, request.params.id);
      const merges = await app.repos.patientMerges.listForPatient(patient.id);
      await request.audit(readsOf('patient_merge', merges, patient.id));
      return { merges: await mergeViews(app.repos, merges) };
    },
  );

  app.post(
    '/api/patients/:id/merges',
    {
      config: allow('admin'),
      schema: {
        summary: 'Merge another record of the same person into this one (the record kept)',
        description:
          'Every record of the other patient (intakes, assessments, courses with their sessions and charts, ' +
          'consents, photos, side-effect reports, outcomes, money, portal accounts, messages, waiting-list ' +
          'entries and consultation requests) moves to this one; the other record is kept, marked merged and ' +
          'left out of every search. The merge is audited with the ids it moved, and an admin may reverse it ' +
          'for 30 days. The booked sessions are screened again against the latest intake.',
        tags,
        params: idParams,
        body: mergeBody,
        response: { 201: patientMergeView, 400: errorResponse, 404: errorResponse, 409: patientConflictResponse },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const merge = await app.repos.transaction(async (tx) => {
        const done = await mergePatients(tx, app.knowledgeBase, {
          user,
          survivorId: request.params.id,
          mergedId: request.body.mergedPatientId,
          now: app.now(),
        });
        await request.audit(done.audit, tx);
        return done.merge;
      });
      return reply.code(201).send(await mergeView(app.repos, merge));
    },
  );

  app.post(
    '/api/patients/:id/merges/:mergeId/reversal',
    {
      config: allow('admin'),
      schema: {
        summary: 'Reverse a merge within 30 days: exactly the rows it moved go back (409 once past, or reversed)',
        tags,
        params: mergeParams,
        response: { 200: patientMergeView, 404: errorResponse, 409: patientConflictResponse },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const merge = await app.repos.transaction(async (tx) => {
        const done = await reverseMerge(tx, app.knowledgeBase, {
          user,
          patientId: request.params.id,
          mergeId: request.params.mergeId,
          now: app.now(),
        });
        await request.audit(done.audit, tx);
        return done.merge;
      });
      return mergeView(app.repos, merge);
    },
  );
}
