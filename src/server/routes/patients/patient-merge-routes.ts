import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app-types.js';
import type { KnowledgeBase } from '../../../core/knowledge/knowledge-base.js';
import type { UserRecord } from '../../../core/records/index.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import { loadAccessiblePatient } from '../../../services/access/patient-access.js';
import { readsOf } from '../../../services/audit-reads.js';
import { mergePatients, reverseMerge, type MergeOutcome } from '../../../services/patients/merge-patients.js';
import { allow, staff } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { mergeView, mergeViews, patientConflictResponse, patientMergeView } from './patient-record-views.js';
import { mergeBody, mergeParams } from './patient-schemas.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';
import { writeAudited } from '../write-audited.js';

/**
 * Merging two records of one person, and reversing it: admins only, since a merge moves every
 * clinical, financial and portal record of one record to another. Staff see a record's merges.
 */
export async function patientMergeRoutes(app: App): Promise<void> {
  const spec = routeSpec(['patients']);

  /** A merge or its reversal, in one transaction with its audit, answered as staff see merges. */
  async function written<A>(
    request: FastifyRequest,
    change: (
      tx: Repositories,
      knowledgeBase: KnowledgeBase,
      input: NoInfer<A> & { user: UserRecord; now: Date },
    ) => Promise<MergeOutcome>,
    input: A,
  ) {
    const merge = await writeAudited(app.repos, request, 'merge', (tx, user) =>
      change(tx, app.knowledgeBase, { ...input, user, now: app.now() }),
    );
    return mergeView(app.repos, merge);
  }

  app.get(
    '/api/patients/:id/merges',
    spec(staff, 'The merges a patient record took part in (kept or merged away), newest first', {
      params: idParams,
      response: answers(z.object({ merges: z.array(patientMergeView) }), 404),
    }),
    async (request) => {
      const patient = await loadAccessiblePatient(app.repos, requireAuth(request).user, request.params.id);
      const merges = await app.repos.patientMerges.listForPatient(patient.id);
      await request.audit(readsOf('patient_merge', merges, patient.id));
      return { merges: await mergeViews(app.repos, merges) };
    },
  );

  app.post(
    '/api/patients/:id/merges',
    spec(allow('admin'), 'Merge another record of the same person into this one (the record kept)', {
      description:
        'Every record of the other patient (intakes, assessments, courses with their sessions and charts, ' +
        'consents, photos, side-effect reports, outcomes, money, portal accounts, messages, waiting-list ' +
        'entries and consultation requests) moves to this one; the other record is kept, marked merged and ' +
        'left out of every search. The merge is audited with the ids it moved, and an admin may reverse it ' +
        'for 30 days. The booked sessions are screened again against the latest intake.',
      params: idParams,
      body: mergeBody,
      response: { ...answersWith(201, patientMergeView, 400, 404), 409: patientConflictResponse },
    }),
    async (request, reply) => {
      const input = { survivorId: request.params.id, mergedId: request.body.mergedPatientId };
      return reply.code(201).send(await written(request, mergePatients, input));
    },
  );

  app.post(
    '/api/patients/:id/merges/:mergeId/reversal',
    spec(
      allow('admin'),
      'Reverse a merge within 30 days: exactly the rows it moved go back (409 once past, or reversed)',
      { params: mergeParams, response: { ...answers(patientMergeView, 404), 409: patientConflictResponse } },
    ),
    async (request) =>
      written(request, reverseMerge, { patientId: request.params.id, mergeId: request.params.mergeId }),
  );
}
