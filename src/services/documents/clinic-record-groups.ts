import type { PatientRecordGroup } from '../../interop/records.js';
import type { PatientRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { catalogueCache } from './catalogue-cache.js';
import { loadRecordGroups } from './record-groups.js';

export interface ClinicReadOptions {
  /** Patients loaded together; memory holds one batch's records at a time. */
  batchSize?: number;
  /**
   * Called with each batch once it is loaded, before its groups are handed on: for the audit trail
   * (one entry per patient read) and progress. A throw stops the reading.
   */
  onBatch?: (patients: readonly PatientRecord[]) => Promise<void> | void;
}

export const defaultBatchSize = 200;

/**
 * Every patient of the clinic with their records, one group at a time, loaded in batches in id
 * order. The next batch is read only when the consumer asks for its first group, so a slow reader
 * (a download, a pipe) holds the database to its own pace and memory to one batch.
 */
export async function* clinicRecordGroups(
  repos: Repositories,
  clinicId: string,
  options: ClinicReadOptions = {},
): AsyncGenerator<PatientRecordGroup, void, undefined> {
  const limit = options.batchSize ?? defaultBatchSize;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`batch size must be a positive whole number, not ${limit}`);
  const catalogue = catalogueCache(repos);
  let afterId: string | undefined;
  for (;;) {
    const patients = await repos.patients.listByClinic({
      clinicId,
      limit,
      ...(afterId === undefined ? {} : { afterId }),
    });
    if (patients.length === 0) return;
    const groups = await loadRecordGroups(repos, patients, catalogue);
    await options.onBatch?.(patients);
    yield* groups;
    if (patients.length < limit) return;
    afterId = patients[patients.length - 1]?.id;
  }
}
