import type { UserRecord } from '../../core/records/index.js';
import { notFound } from '../domain-errors.js';

/**
 * The record if it belongs to the user's clinic. Another clinic's record is answered exactly like a
 * missing one ("<entity> not found"), so that ids from elsewhere are never confirmed.
 */
export function ofOwnClinic<R extends { clinicId: string }>(
  record: R | undefined,
  user: Pick<UserRecord, 'clinicId'>,
  entity: string,
): R {
  if (!record || record.clinicId !== user.clinicId) throw notFound(entity);
  return record;
}
