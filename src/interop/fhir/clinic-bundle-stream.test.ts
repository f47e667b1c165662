import { describe, expect, it } from 'vitest';
import type { PatientRecordGroup } from '../records.js';
import { fhirSchemaErrors } from '../test-support/fhir-schema-validator.js';
import { id, sampleGroup } from '../test-support/sample-records.js';
import { exportClinicBundle } from './clinic-bundle-stream.js';
import type { Bundle } from './fhir-types.js';
import { importIntakePatient } from './import-intake-patient.js';

/** Patients that share the clinic's lots, each with its own ids. */
function groupFor(n: number): PatientRecordGroup {
  const g = sampleGroup(n);
  const signature = { ...g.consentSignatures[0]!, id: id('signature', n) };
  const audit = g.audit?.map((a) => ({ ...a, id: id('audit', n) })) ?? [];
  return { ...g, consentSignatures: [signature], audit };
}

async function* groups(count: number, pulled: number[]): AsyncGenerator<PatientRecordGroup> {
  for (let n = 1; n <= count; n++) {
    pulled.push(n);
    yield groupFor(n);
  }
}

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

describe('exportClinicBundle', () => {
  it('streams one valid collection Bundle, each shared lot written once', async () => {
    const chunks = await collect(
      exportClinicBundle(groups(3, []), { timestamp: '2026-12-01T10:00:00Z', includeAudit: true }),
    );
    expect(chunks).toHaveLength(5);
    const bundle = JSON.parse(chunks.join('')) as Bundle;
    expect(bundle.type).toBe('collection');
    expect(bundle.timestamp).toBe('2026-12-01T10:00:00.000Z');
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    const urls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Patient')).toHaveLength(3);
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Medication')).toHaveLength(2);
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'AuditEvent')).toHaveLength(3);
  }, 60_000);

  it('pulls a patient only when the consumer asks for the next chunk', async () => {
    const pulled: number[] = [];
    const stream = exportClinicBundle(groups(1000, pulled));
    await stream.next(); // the opening
    expect(pulled).toEqual([]);
    await stream.next();
    await stream.next();
    expect(pulled).toEqual([1, 2]);
    await stream.return(undefined);
  });

  it('writes an empty but valid Bundle for a clinic with no patients', async () => {
    const bundle = JSON.parse(
      (await collect(exportClinicBundle([], { timestamp: '2026-12-01T10:00:00Z' }))).join(''),
    ) as Bundle;
    expect(bundle.entry).toEqual([]);
    expect(fhirSchemaErrors(bundle)).toEqual([]);
  });

  it('each patient of a clinic export can be imported again by id', async () => {
    const bundle = JSON.parse((await collect(exportClinicBundle(groups(2, [])))).join('')) as unknown;
    const second = importIntakePatient(bundle, { today: '2026-12-31', patientId: id('patient', 2) });
    expect(second.unmapped).toEqual([]);
    expect(second.patient.medications.map((m) => m.class)).toEqual(['nsaid', 'anticoagulant']);
  });
});
