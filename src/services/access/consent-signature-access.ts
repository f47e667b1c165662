import type { ConsentSignatureRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { notFound } from '../domain-errors.js';
import { patientOfRecord } from './patient-access.js';

/** The signed consent if the user may see its patient; otherwise "consent signature not found". */
export async function loadAccessibleSignature(
  repos: Repositories,
  user: UserRecord,
  signatureId: string,
): Promise<ConsentSignatureRecord> {
  const signature = await repos.consent.findSignature(signatureId);
  if (!signature) throw notFound('consent signature');
  await patientOfRecord(repos, user, signature, 'consent signature');
  return signature;
}
