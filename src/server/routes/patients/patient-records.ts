import type { FastifyRequest } from 'fastify';
import { loadAccessiblePatient } from '../../../services/access/patient-access.js';
import { readsOf } from '../../../services/audit-reads.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import { requireAuth } from '../../plugins/authentication.js';

/**
 * One kind of record of a patient, as `list` reads it, if the signed-in user may see that patient
 * (otherwise "patient not found", or 403 for another patient's account); every record given is
 * audited as read.
 */
export async function auditedPatientRecords<R extends { id: string }>(
  repos: Repositories,
  request: FastifyRequest,
  patientId: string,
  entity: string,
  list: (patientId: string) => Promise<R[]>,
): Promise<R[]> {
  const patient = await loadAccessiblePatient(repos, requireAuth(request).user, patientId);
  const records = await list(patient.id);
  await request.audit(readsOf(entity, records, patient.id));
  return records;
}
