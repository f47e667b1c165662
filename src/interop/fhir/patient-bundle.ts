import type { PatientRecordGroup } from '../records.js';
import type { FhirExportOptions } from './export-options.js';
import { fhirInstant } from './fhir-references.js';
import type { Bundle } from './fhir-types.js';
import { patientResources, toEntries } from './patient-entries.js';

/** One patient's records as a FHIR R4 Bundle of type `collection`. */
export function exportPatientBundle(group: PatientRecordGroup, options: FhirExportOptions = {}): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: fhirInstant(options.timestamp ?? new Date().toISOString()),
    entry: toEntries(patientResources(group, options, { emittedLots: new Set() }), options),
  };
}
