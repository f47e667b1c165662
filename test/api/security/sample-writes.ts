import type { TestApp } from '../../../src/test-support/test-app.js';
import { clinicSampleWrites } from './clinic-sample-writes.js';
import { patientSampleWrites } from './patient-sample-writes.js';
import type { SampleWrite } from './sample-request.js';
import { sampleRecords } from './sample-records.js';
import { schedulingSampleWrites } from './scheduling-sample-writes.js';
import { treatmentSampleWrites } from './treatment-sample-writes.js';
import { moneySampleWrites } from './money-sample-writes.js';
import { safetySignalSampleWrites } from './safety-signal-sample-writes.js';
import { portalSampleWrites } from './portal-sample-writes.js';
import { frontDeskSampleWrites } from './front-desk-sample-writes.js';

export { sampleInjection, type SampleRequest, type SampleWrite } from './sample-request.js';
export { signaturePng } from './sample-records.js';

/**
 * A valid request for every signed-in write route, keyed `METHOD /url/:param` as registered. The
 * records each one needs (patients, courses, sessions, lots…) are made as it is built, mostly
 * straight in storage; the security suites send these bodies with a missing or forged CSRF
 * token, with SQL in their text fields, or padded beyond the body limit.
 */
export function sampleWrites(test: TestApp): Record<string, SampleWrite> {
  const records = sampleRecords(test);
  return {
    ...clinicSampleWrites(records),
    ...patientSampleWrites(records),
    ...treatmentSampleWrites(records),
    ...schedulingSampleWrites(records),
    ...safetySignalSampleWrites(records),
    ...moneySampleWrites(records),
    ...portalSampleWrites(records, test),
    ...frontDeskSampleWrites(records),
  };
}
