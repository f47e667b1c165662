import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patientSchema, type Patient } from '../../core/assessment/intake-schema.js';
import { sampleGroup, sampleIntakeData } from '../test-support/sample-records.js';
import { ATC, SNOMED } from './code-maps.js';
import { FhirImportError, importIntakePatient } from './import-intake-patient.js';
import { exportPatientBundle } from './patient-bundle.js';
import { definedOnly, exportableFacts } from '../test-support/exportable-facts.js';

/** The day the imports run on: the last day the generated dates reach. */
const today = '2026-12-31';
const isoDate = fc
  .date({ min: new Date('1930-01-01'), max: new Date(today), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const flag = fc.option(fc.boolean(), { nil: undefined });
const conditionCodes = [
  'stroke',
  'paralysis',
  'diabetes',
  'hypertension',
  'heart_disease',
  'cancer',
  'bleeding_disorder',
  'urticaria',
  'hair_transplant',
  'asthma',
  'thyroid_disorder',
];
const names = [
  undefined,
  'ibuprofen',
  'Aspirin 100 mg',
  'warfarin',
  'Apixaban',
  'heparin',
  'clopidogrel',
  'amoxicillin',
  'insulin glargine',
  'Coraspin',
  'metformin',
  'Parol (parasetamol)',
];
const substances = ['hyaluronidase', 'Hyaluronic acid', 'lidocaine', 'unknown', 'Penisilin', 'vitamin_c'];

const condition = fc.record(
  {
    code: fc.constantFrom(...conditionCodes),
    controlled: flag,
    insulinDependent: flag,
    active: flag,
    medicationCount: fc.option(fc.nat(5), { nil: undefined }),
    date: fc.option(isoDate, { nil: undefined }),
  },
  { requiredKeys: ['code'] },
);
const medication = fc.record(
  {
    name: fc.constantFrom(...names),
    class: fc.constantFrom('nsaid', 'anticoagulant', 'antiplatelet', 'antibiotic', 'insulin', 'other' as const),
    lastDose: fc.option(isoDate, { nil: undefined }),
    ongoing: flag,
  },
  { requiredKeys: ['class'] },
);
const intakePatient = fc.record({
  birthDate: isoDate,
  sex: fc.constantFrom('female', 'male', 'other', 'unknown' as const),
  pregnant: flag,
  breastfeeding: flag,
  conditions: fc.array(condition, { maxLength: 5 }),
  medications: fc.array(medication, { maxLength: 4 }),
  allergies: fc.array(fc.record({ substance: fc.constantFrom(...substances) }), { maxLength: 3 }),
});

function groupWith(patient: Patient) {
  const group = sampleGroup();
  const latest = group.intakes[1]!;
  return {
    ...group,
    patient: { ...group.patient, birthDate: patient.birthDate, sex: patient.sex ?? 'unknown' },
    intakes: [{ ...latest, data: { ...latest.data, patient } }],
  };
}

describe('importIntakePatient', () => {
  it('round-trips the intake facts through an exported Bundle', () => {
    fc.assert(
      fc.property(intakePatient, (generated) => {
        const patient = patientSchema.parse(generated);
        const bundle = JSON.parse(JSON.stringify(exportPatientBundle(groupWith(patient)))) as unknown;
        const imported = importIntakePatient(bundle, { today });
        expect(imported.unmapped).toEqual([]);
        const { recentProcedures, site, ...facts } = imported.patient;
        expect(recentProcedures).toEqual([]);
        expect(site).toEqual({});
        expect(definedOnly(facts)).toEqual(definedOnly(exportableFacts(patient)));
        expect(patientSchema.safeParse(imported.patient).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips the sample patient, ready for an assessment request', () => {
    const imported = importIntakePatient(exportPatientBundle(sampleGroup()), { today });
    expect(imported.unmapped).toEqual([]);
    // Recent procedures and site findings are not exported: they come back empty, as on a fresh intake.
    expect(imported.patient).toEqual({
      ...exportableFacts(sampleIntakeData().patient),
      recentProcedures: [],
      site: {},
    });
  });

  describe('a Bundle from another system', () => {
    const subject = { reference: 'urn:uuid:7f1c1f0e-2a39-4c1e-9d55-1b8f0d6c8a01' };
    const other = { reference: 'Patient/someone-else' };
    const snomed = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });
    const resources: Record<string, unknown>[] = [
      {
        resourceType: 'Condition',
        id: 'c1',
        subject,
        code: snomed('44054006', 'Diabetes mellitus type 2'),
        clinicalStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
        },
      },
      { resourceType: 'Condition', id: 'c2', subject, code: snomed('195967001', 'Asthma') },
      {
        resourceType: 'Condition',
        id: 'c3',
        subject,
        code: snomed('38341003', 'Hypertension'),
        verificationStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'entered-in-error' }],
        },
      },
      { resourceType: 'Condition', id: 'c4', subject: other, code: snomed('230690007', 'Stroke') },
      {
        resourceType: 'Condition',
        id: 'c5',
        subject,
        code: snomed('363346000', 'Cancer'),
        clinicalStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'remission' }],
        },
        onsetDateTime: '2019-03-01T00:00:00+03:00',
      },
      {
        resourceType: 'Observation',
        id: 'o1',
        status: 'final',
        subject,
        code: { coding: [{ system: 'http://loinc.org', code: '82810-3' }] },
        valueCodeableConcept: snomed('77386006', 'Pregnant'),
      },
      {
        resourceType: 'AllergyIntolerance',
        id: 'a1',
        patient: subject,
        code: { coding: [{ system: SNOMED, code: '387480006', display: 'Lidocaine' }] },
      },
      {
        resourceType: 'AllergyIntolerance',
        id: 'a2',
        patient: subject,
        code: { text: 'Penicillin' },
        verificationStatus: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'refuted' },
          ],
        },
      },
      {
        resourceType: 'MedicationStatement',
        id: 'm1',
        status: 'completed',
        subject,
        medicationCodeableConcept: { coding: [{ system: ATC, code: 'B01AC06', display: 'acetylsalicylic acid' }] },
        effectiveDateTime: '2026-11-20T21:00:00+03:00',
      },
      {
        resourceType: 'MedicationStatement',
        id: 'm2',
        status: 'active',
        subject,
        medicationReference: { reference: '#med' },
        contained: [
          {
            resourceType: 'Medication',
            id: 'med',
            code: { coding: [{ system: ATC, code: 'M01AE01' }], text: 'Ibuprofen 400 mg' },
          },
        ],
        effectivePeriod: { start: '2026-11-01' },
      },
      {
        resourceType: 'MedicationStatement',
        id: 'm3',
        status: 'active',
        subject,
        medicationCodeableConcept: {
          coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '197361' }],
          text: 'amlodipine',
        },
      },
      {
        resourceType: 'MedicationStatement',
        id: 'm4',
        status: 'active',
        subject,
        medicationCodeableConcept: { coding: [{ system: ATC, code: 'B01' }], text: 'blood thinner' },
      },
      {
        resourceType: 'MedicationStatement',
        id: 'm5',
        status: 'active',
        subject,
        medicationCodeableConcept: { coding: [{ system: ATC, code: 'A10BA02' }], text: 'metformin' },
      },
      { resourceType: 'Procedure', id: 'p1', status: 'completed', subject },
    ];
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: subject.reference,
          resource: { resourceType: 'Patient', id: 'abc', gender: 'female', birthDate: '1990-04-12' },
        },
        {
          fullUrl: 'https://other.example/fhir/Patient/someone-else',
          resource: { resourceType: 'Patient', id: 'someone-else', birthDate: '1970-01-01' },
        },
        ...resources.map((resource) => ({ resource })),
      ],
    };

    it('maps what it can, by standard codes, and lists the rest with reasons', () => {
      const result = importIntakePatient(bundle, { today, patientId: 'abc' });
      expect(result.patient).toEqual({
        birthDate: '1990-04-12',
        sex: 'female',
        pregnant: true,
        conditions: [
          { code: 'diabetes', active: true },
          { code: 'cancer', active: false, date: '2019-03-01' },
        ],
        medications: [
          { class: 'antiplatelet', name: 'acetylsalicylic acid', lastDose: '2026-11-20' },
          { class: 'nsaid', name: 'Ibuprofen 400 mg', ongoing: true },
          { class: 'other', name: 'metformin', ongoing: true },
        ],
        allergies: [{ substance: 'Lidocaine' }],
        recentProcedures: [],
        site: {},
      });
      expect(result.unmapped).toEqual([
        { resourceType: 'Condition', id: 'c2', reason: `no mesodesk condition for ${SNOMED} 195967001 (Asthma)` },
        { resourceType: 'Condition', id: 'c3', reason: 'entered in error' },
        { resourceType: 'AllergyIntolerance', id: 'a2', reason: 'refuted: the allergy was ruled out' },
        { resourceType: 'MedicationStatement', id: 'm3', reason: 'amlodipine: no ATC or mesodesk medicine-class code' },
        {
          resourceType: 'MedicationStatement',
          id: 'm4',
          reason: 'blood thinner: ATC B01 is too general to tell the medicine class',
        },
      ]);
    });

    it('asks which patient when the Bundle holds several', () => {
      expect(() => importIntakePatient(bundle, { today })).toThrow(/2 Patients \(abc, someone-else\)/);
      expect(() => importIntakePatient(bundle, { today, patientId: 'nobody' })).toThrow(FhirImportError);
    });
  });

  it('refuses what is not a Bundle', () => {
    expect(() => importIntakePatient({ resourceType: 'Patient' }, { today })).toThrow(/not a FHIR Bundle/);
    expect(() => importIntakePatient('nonsense', { today })).toThrow(FhirImportError);
  });

  it('reports a patient without a birth date instead of inventing one', () => {
    const result = importIntakePatient(
      {
        resourceType: 'Bundle',
        entry: [{ resource: { resourceType: 'Patient', id: 'p', gender: 'woman', birthDate: '1990' } }],
      },
      { today },
    );
    expect(result.patient.birthDate).toBeUndefined();
    expect(result.unmapped.map((u) => u.reason)).toEqual([
      'birth date is not a full date: 1990',
      'gender not understood: woman',
    ]);
  });

  it('refuses a birth date before 1900 or after today, naming the element', () => {
    const bundle = (birthDate: string) => ({
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'Condition', id: 'c', subject: { reference: 'Patient/p' } } },
        { resource: { resourceType: 'Patient', id: 'p', birthDate } },
      ],
    });
    expect(importIntakePatient(bundle('1900-01-01'), { today }).patient.birthDate).toBe('1900-01-01');
    expect(importIntakePatient(bundle(today), { today }).patient.birthDate).toBe(today);
    const refusal = (birthDate: string, day = today) => {
      try {
        importIntakePatient(bundle(birthDate), { today: day });
      } catch (error) {
        if (error instanceof FhirImportError) return { field: error.field, message: error.message };
        throw error;
      }
      return undefined;
    };
    expect(refusal('1899-12-31')).toEqual({
      field: 'entry[1].resource.birthDate',
      message: 'must be 1900-01-01 or later: the Bundle gives 1899-12-31 for Patient p',
    });
    expect(refusal('2027-01-01')).toEqual({
      field: 'entry[1].resource.birthDate',
      message: 'must not be in the future: the Bundle gives 2027-01-01 for Patient p',
    });
    // Today is the caller's: the same Bundle is refused on an earlier day.
    expect(refusal('2026-06-01', '2026-05-31')?.message).toMatch(/^must not be in the future/);
  });
});
