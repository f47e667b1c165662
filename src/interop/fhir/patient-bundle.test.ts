import { describe, expect, it } from 'vitest';
import { fhirSchemaErrors } from '../test-support/fhir-schema-validator.js';
import { id, sampleGroup } from '../test-support/sample-records.js';
import { tinyPng } from '../test-support/tiny-png.js';
import { ATC, SNOMED } from './code-maps.js';
import type { AdverseEvent, Bundle, Condition, ExportedResource, Medication, Procedure } from './fhir-types.js';
import { exportPatientBundle } from './patient-bundle.js';

function ofType<T extends ExportedResource['resourceType']>(
  bundle: Bundle,
  type: T,
): Extract<ExportedResource, { resourceType: T }>[] {
  return bundle.entry
    .map((e) => e.resource)
    .filter((r): r is Extract<ExportedResource, { resourceType: T }> => r.resourceType === type);
}

describe('exportPatientBundle', () => {
  const bundle = exportPatientBundle(sampleGroup(), {
    includeAudit: true,
    timestamp: '2026-12-01T10:00:00Z',
    baseUrl: 'https://clinic.example/fhir/',
  });

  it('validates against the official FHIR R4 JSON schema', () => {
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    for (const entry of bundle.entry) expect(fhirSchemaErrors(entry.resource), entry.resource.resourceType).toEqual([]);
  }, 60_000);

  it('is a collection with every resource type the issue names, each fullUrl once', () => {
    expect(bundle.type).toBe('collection');
    const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
    for (const t of [
      'Patient',
      'Condition',
      'AllergyIntolerance',
      'MedicationStatement',
      'QuestionnaireResponse',
      'CarePlan',
      'Appointment',
      'Procedure',
      'Medication',
      'AdverseEvent',
      'Consent',
      'Provenance',
      'Observation',
      'AuditEvent',
    ])
      expect(types, t).toContain(t);
    const urls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls[0]).toBe(`https://clinic.example/fhir/Patient/${id('patient', 1)}`);
  });

  it('leaves AuditEvents out unless asked', () => {
    expect(ofType(exportPatientBundle(sampleGroup()), 'AuditEvent')).toHaveLength(0);
  });

  it('every reference between entries resolves inside the Bundle', () => {
    const present = new Set(bundle.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
    const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(present, r).toContain(r.slice(13, -1));
  });

  it('names the exported patient in AuditEvents about a record merged into it', () => {
    const group = sampleGroup();
    const [entry] = group.audit ?? [];
    if (!entry) throw new Error('the sample group has an audit entry');
    const mergedAway = 'merged-away-patient';
    const merged = {
      ...entry,
      patientId: mergedAway,
      records: [{ ...entry.records[0]!, patientId: mergedAway }],
      mergedFrom: [mergedAway],
    };
    const exported = exportPatientBundle({ ...group, audit: [merged] }, { includeAudit: true });
    const [event] = ofType(exported, 'AuditEvent');
    expect(JSON.stringify(event)).not.toContain(mergedAway);
    expect(event?.entity?.[0]?.what).toEqual({ reference: `Patient/${group.patient.id}` });
  });

  it('codes conditions in SNOMED CT, with the contract flags as extensions, and pregnancy "no" as refuted', () => {
    const conditions = ofType(bundle, 'Condition');
    const codeOf = (c: Condition) => c.code.coding?.[0];
    expect(conditions.map((c) => codeOf(c)?.code)).toEqual([
      '38341003',
      '73211009',
      'hair_transplant',
      '77386006',
      '169750002',
    ]);
    expect(codeOf(conditions[0]!)?.system).toBe(SNOMED);
    const diabetes = conditions[1]!;
    expect(diabetes.extension?.map((e) => [e.url.split('/').pop(), e.valueBoolean])).toEqual([
      ['condition-controlled', true],
      ['condition-insulin-dependent', false],
    ]);
    expect(conditions[2]?.onsetDateTime).toBe('2025-01-10');
    expect(conditions[3]?.verificationStatus?.coding?.[0]?.code).toBe('refuted');
  });

  it('codes medicine classes in ATC: an NSAID as M01A, apixaban as a direct factor Xa inhibitor, ongoing as active', () => {
    const statements = ofType(bundle, 'MedicationStatement');
    expect(
      statements.map((s) => [
        s.medicationCodeableConcept.coding?.[0]?.system,
        s.medicationCodeableConcept.coding?.[0]?.code,
        s.status,
        s.effectiveDateTime,
      ]),
    ).toEqual([
      [ATC, 'M01A', 'completed', '2026-11-10'],
      [ATC, 'B01AF', 'active', undefined],
    ]);
  });

  it('writes one Medication per lot, with lot number and expiry', () => {
    const meds = ofType(bundle, 'Medication');
    expect(meds.map((m: Medication) => m.batch)).toEqual([
      { lotNumber: 'LOT-2026-A', expirationDate: '2027-06-30' },
      { lotNumber: 'LOT-2026-B', expirationDate: '2027-09-30' },
    ]);
    expect(meds[0]?.manufacturer?.display).toBe('Örnek İlaç A.Ş.');
  });

  it('links the procedure to its body sites and lots, and the side effect to the procedure and the lots', () => {
    const [procedure] = ofType(bundle, 'Procedure') as [Procedure];
    expect(procedure.bodySite?.map((b) => b.coding?.[0]?.code)).toEqual(['89545001', '45048000']);
    expect(procedure.usedReference?.map((r) => r.reference)).toEqual([
      `Medication/${id('lot', 1)}`,
      `Medication/${id('lot', 2)}`,
    ]);
    expect(procedure.performedPeriod).toEqual({ start: '2026-11-23T07:00:00.000Z', end: '2026-11-23T07:45:00.000Z' });
    const [event] = ofType(bundle, 'AdverseEvent') as [AdverseEvent];
    expect(event.suspectEntity?.map((s) => s.instance.reference)).toEqual([
      `Procedure/${id('chart', 1)}`,
      `Medication/${id('lot', 1)}`,
      `Medication/${id('lot', 2)}`,
    ]);
    expect(event.event.text).toBe('şişlik ve kızarıklık');
    expect(event.severity?.coding?.[0]?.code).toBe('mild');
  });

  it('names the ticked symptoms of a report in its AdverseEvent, so a report with ticks alone is not blank', () => {
    const group = sampleGroup();
    group.sideEffects = group.sideEffects.map((r) => ({ ...r, symptom: '', symptoms: ['lump_nodule', 'discharge'] }));
    const [event] = ofType(exportPatientBundle(group), 'AdverseEvent') as [AdverseEvent];
    expect(event.event.text).toBe('lump nodule; discharge');
  });

  it('carries the signed consent text in the Consent and the drawn signature in a Provenance', () => {
    const [consent] = ofType(bundle, 'Consent');
    expect(Buffer.from(consent?.sourceAttachment.data ?? '', 'base64').toString('utf8')).toContain(
      'İğneli mezoterapi sonrası',
    );
    expect(consent?.sourceAttachment.title).toBe('mesotherapy consent, version 3');
    const [provenance] = ofType(bundle, 'Provenance');
    expect(provenance?.target[0]?.reference).toBe(`Consent/${id('signature', 1)}`);
    expect(Buffer.from(provenance?.signature[0]?.data ?? '', 'base64')).toEqual(tinyPng());
  });

  it('exports an unreadable signature image as a Consent without Provenance and says so', () => {
    const group = sampleGroup();
    const skipped: string[] = [];
    const signature = { ...group.consentSignatures[0]!, signatureImage: 'data:image/png;base64,AAAA' };
    const b = exportPatientBundle(
      { ...group, consentSignatures: [signature] },
      { onSkipped: (s) => skipped.push(`${s.resourceType}: ${s.reason}`) },
    );
    expect(ofType(b, 'Consent')).toHaveLength(1);
    expect(ofType(b, 'Provenance')).toHaveLength(0);
    expect(skipped).toEqual(['Provenance: signature image is not a valid PNG file']);
  });

  it('reports records whose session or lot was not loaded instead of writing dangling references', () => {
    const group = sampleGroup();
    const skipped: string[] = [];
    const b = exportPatientBundle(
      { ...group, sessions: group.sessions.slice(0, 1), lots: group.lots.slice(0, 1) },
      { onSkipped: (s) => skipped.push(`${s.resourceType} ${s.id}`) },
    );
    expect(skipped).toEqual([
      `Medication ${id('lot', 2)}`,
      `Procedure ${id('chart', 1)}`,
      `AdverseEvent ${id('sideeffect', 1)}`,
      `Observation ${id('outcome', 1)}`,
    ]);
    expect(fhirSchemaErrors(b)).toEqual([]);
    const withoutLot = exportPatientBundle({ ...group, lots: group.lots.slice(0, 1) }, { onSkipped: () => {} });
    const present = new Set(withoutLot.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
    for (const r of JSON.stringify(withoutLot).match(/"reference":"[^"]+"/g) ?? [])
      expect(present, r).toContain(r.slice(13, -1));
  });

  it('records outcome ratings as Observation components, part of the procedure', () => {
    const [obs] = ofType(bundle, 'Observation');
    expect(obs?.component?.map((c) => [c.code.coding?.[0]?.code, c.valueInteger])).toEqual([
      ['patient-rating', 4],
      ['practitioner-rating', 5],
    ]);
    expect(obs?.partOf?.[0]?.reference).toBe(`Procedure/${id('chart', 1)}`);
  });

  it('keeps every intake version as a QuestionnaireResponse with the whole request', () => {
    const responses = ofType(bundle, 'QuestionnaireResponse');
    expect(responses).toHaveLength(2);
    const items = JSON.stringify(responses[1]?.item);
    for (const fragment of [
      '"linkId":"patient.birthDate","answer":[{"valueDate":"1988-06-02"}]',
      '"linkId":"request.combineWith","answer":[{"valueString":"botox"}]',
      '"linkId":"patient.needleFear","answer":[{"valueBoolean":true}]',
    ])
      expect(items).toContain(fragment);
  });
});
