import type { ConsultationReason } from '../../core/portal/consultation-values.js';
import { portalOutcome } from '../../core/portal/portal-outcome.js';
import type { ConsultationRequestRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { ofOwnClinic } from '../access/clinic-record.js';
import { loadWritablePatient } from '../access/patient-access.js';
import { conflict, notFound } from '../domain-errors.js';
import { loadWritablePortalPatient } from './portal-patient.js';

/** What the patient may say of why they ask, when their screening does not say it for them. */
export type OwnReason = Extract<ConsultationReason, 'no_suitable_time' | 'patient_choice'>;

/**
 * The patient asks to be called for a consultation, in the caller's transaction. With a screening
 * that needs a clinician, its outcome is the reason, whatever the patient chose; one request stays
 * open at a time, so a second click or tab adds nothing.
 */
export async function requestConsultation(
  tx: Repositories,
  input: { user: UserRecord; assessmentId?: string; reason?: OwnReason; note?: string | null },
): Promise<ConsultationRequestRecord> {
  const { user } = input;
  const patient = await loadWritablePortalPatient(tx, user);
  await tx.portal.lockPatient(patient.id);
  const open = (await tx.portal.listConsultationRequests(patient.id)).find((r) => r.status === 'open');
  if (open)
    throw conflict(
      'already_requested',
      `You asked for a consultation on ${open.createdAt.slice(0, 10)}: the clinic will contact you, there is no need to ask again.`,
      { requestId: open.id, next: 'wait_for_call' },
    );
  let reason: ConsultationReason = input.reason ?? 'patient_choice';
  if (input.assessmentId !== undefined) {
    const assessment = await tx.assessments.findById(input.assessmentId);
    if (!assessment || assessment.patientId !== patient.id) throw notFound('assessment');
    const outcome = portalOutcome(assessment.result);
    if (outcome !== 'bookable') reason = outcome;
  }
  return tx.portal.createConsultationRequest({
    clinicId: patient.clinicId,
    patientId: patient.id,
    assessmentId: input.assessmentId ?? null,
    reason,
    note: input.note ?? null,
    createdBy: user.id,
  });
}

/** A request for the front desk, with whom to call. */
export interface ConsultationRequestForDesk extends ConsultationRequestRecord {
  patientName: string;
  phone: string | null;
  email: string | null;
}

/** The clinic's open requests, oldest first, with each patient's name and contact details. */
export async function openConsultationRequests(
  repos: Repositories,
  user: UserRecord,
  limit: number,
): Promise<ConsultationRequestForDesk[]> {
  const requests = await repos.portal.listOpenConsultationRequests(user.clinicId, limit);
  const out: ConsultationRequestForDesk[] = [];
  for (const request of requests) {
    const patient = await repos.patients.findById(request.patientId);
    out.push({
      ...request,
      patientName: patient ? `${patient.firstName} ${patient.lastName}` : '',
      phone: patient?.phone ?? null,
      email: patient?.email ?? null,
    });
  }
  return out;
}

/** Marks a request of the user's clinic handled; 409 when it already was. */
export async function markConsultationHandled(
  tx: Repositories,
  user: UserRecord,
  requestId: string,
): Promise<ConsultationRequestRecord> {
  const request = ofOwnClinic(await tx.portal.findConsultationRequest(requestId), user, 'consultation request');
  await loadWritablePatient(tx, user, request.patientId);
  const handled = await tx.portal.markConsultationHandled(request.id, user.id);
  if (!handled)
    throw conflict('already_handled', `this request was handled on ${request.handledAt ?? 'an earlier day'}`);
  return handled;
}
