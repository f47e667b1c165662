import type { PatientRecordGroup } from '../records.js';
import type { FhirExportOptions } from './export-options.js';
import { fhirInstant } from './fhir-references.js';
import { patientResources, toEntries } from './patient-entries.js';

/**
 * The whole clinic as one Bundle (type `collection`), as JSON text in chunks: the opening, one chunk
 * per patient, the closing. Groups are pulled one at a time from `groups`, so memory holds one
 * patient's records (plus the ids of lots already written) however large the clinic; the
 * consumer's pace sets the reading pace (pipe it with `Readable.from`).
 */
export async function* exportClinicBundle(
  groups: AsyncIterable<PatientRecordGroup> | Iterable<PatientRecordGroup>,
  options: FhirExportOptions = {},
): AsyncGenerator<string, void, undefined> {
  const context = { emittedLots: new Set<string>() };
  const timestamp = fhirInstant(options.timestamp ?? new Date().toISOString());
  yield `{"resourceType":"Bundle","type":"collection","timestamp":${JSON.stringify(timestamp)},"entry":[`;
  let first = true;
  for await (const group of groups) {
    const entries = toEntries(patientResources(group, options, context), options);
    if (entries.length === 0) continue;
    const json = entries.map((e) => JSON.stringify(e)).join(',');
    yield first ? json : `,${json}`;
    first = false;
  }
  yield ']}';
}
