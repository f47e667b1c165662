import { z } from 'zod';
import type { ConsultationRequestRecord } from '../../../core/records/index.js';
import type { App } from '../../app-types.js';
import { allow, staff } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams, wholeInQuery } from '../../validation/fields.js';
import { orPatientMerged, patientWriteConflict } from '../../validation/merged-patient-response.js';
import { readsOf } from '../../../services/audit-reads.js';
import {
  markConsultationHandled,
  openConsultationRequests,
  requestConsultation,
} from '../../../services/portal/consultation-requests.js';
import { loadPortalPatient } from '../../../services/portal/portal-patient.js';
import {
  consultationRequestBody,
  consultationRequestView,
  deskConsultationRequestView,
  portalConflictView,
} from './portal-schemas.js';
import { answers, answersWith, type RouteSpec } from '../route-spec.js';

const written = (action: 'create' | 'update', request: ConsultationRequestRecord) => ({
  action,
  entity: 'consultation_request',
  entityId: request.id,
  patientId: request.patientId,
});

/**
 * A patient asks to be called for a consultation (what the portal offers instead of a booking when
 * the screening needs a clinician, or before a first visit); the front desk lists the open requests
 * and marks each handled once they have called.
 */
export async function consultationRequestRoutes(app: App, spec: RouteSpec): Promise<void> {
  app.post(
    '/api/portal/consultation-requests',
    spec(
      allow('patient'),
      'Ask the clinic to call for a consultation; one request stays open at a time (409 already_requested)',
      {
        body: consultationRequestBody,
        response: { ...answersWith(201, consultationRequestView, 400, 404), 409: orPatientMerged(portalConflictView) },
      },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const created = await app.repos.transaction(async (tx) => {
        const made = await requestConsultation(tx, { user, ...request.body });
        await request.audit(written('create', made), tx);
        return made;
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/portal/consultation-requests',
    spec(allow('patient'), "The patient's own consultation requests, newest first", {
      response: answers(z.object({ requests: z.array(consultationRequestView) })),
    }),
    async (request) => {
      const patient = await loadPortalPatient(app.repos, requireAuth(request).user);
      const requests = await app.repos.portal.listConsultationRequests(patient.id);
      await request.audit(readsOf('consultation_request', requests));
      return { requests };
    },
  );

  app.get(
    '/api/consultation-requests',
    spec(staff, "The clinic's open consultation requests, oldest first, with whom to call", {
      querystring: z.object({
        limit: wholeInQuery(1, 200, 100),
      }),
      response: answers(z.object({ requests: z.array(deskConsultationRequestView) }), 400),
    }),
    async (request) => {
      const requests = await openConsultationRequests(app.repos, requireAuth(request).user, request.query.limit);
      await request.audit(readsOf('consultation_request', requests));
      return { requests };
    },
  );

  app.post(
    '/api/consultation-requests/:id/handled',
    spec(staff, 'Mark a consultation request handled (the patient was called)', {
      params: idParams,
      response: { ...answers(consultationRequestView, 404), 409: patientWriteConflict },
    }),
    async (request) => {
      const { user } = requireAuth(request);
      return app.repos.transaction(async (tx) => {
        const handled = await markConsultationHandled(tx, user, request.params.id);
        await request.audit(written('update', handled), tx);
        return handled;
      });
    },
  );
}
