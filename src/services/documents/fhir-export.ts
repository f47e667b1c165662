import { exportClinicBundle, exportPatientBundle, type Bundle, type SkippedRecord } from '../../interop/index.js';
import type { PatientRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { clinicRecordGroups, type ClinicReadOptions } from './clinic-record-groups.js';
import { loadPatientRecordGroup } from './record-groups.js';

export interface FhirExportRun {
  /** Told about each record left out of the export, e.g. an unreadable signature image. */
  onSkipped?: (skipped: SkippedRecord) => void;
  /** Bundle.timestamp; now by default. */
  timestamp?: string;
}

/** One patient's records as a FHIR R4 Bundle; the audit trail as AuditEvents when asked for. */
export async function patientFhirBundle(
  repos: Repositories,
  patient: PatientRecord,
  options: FhirExportRun & { includeAudit?: boolean } = {},
): Promise<Bundle> {
  const group = await loadPatientRecordGroup(repos, patient, { includeAudit: options.includeAudit ?? false });
  return exportPatientBundle(group, { includeAudit: options.includeAudit ?? false, ...exportOptions(options) });
}

/**
 * The whole clinic as one Bundle, as JSON text in chunks, loading patients a batch at a time as the
 * chunks are read. A failure part-way throws from the generator: the consumer must then discard
 * (or abort) what it wrote, because the text so far is not a whole Bundle.
 */
export function clinicFhirChunks(
  repos: Repositories,
  clinicId: string,
  options: FhirExportRun & ClinicReadOptions = {},
): AsyncGenerator<string, void, undefined> {
  const { batchSize, onBatch } = options;
  const groups = clinicRecordGroups(repos, clinicId, {
    ...(batchSize === undefined ? {} : { batchSize }),
    ...(onBatch ? { onBatch } : {}),
  });
  return exportClinicBundle(groups, exportOptions(options));
}

function exportOptions(options: FhirExportRun) {
  return {
    ...(options.onSkipped ? { onSkipped: options.onSkipped } : {}),
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  };
}
