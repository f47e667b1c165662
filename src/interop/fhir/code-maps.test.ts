import { describe, expect, it } from 'vitest';
import {
  ATC,
  codeMap,
  codingFor,
  conditionCoding,
  conditionFromCoding,
  localSystems,
  medicationClassCoding,
  medicationClassFromCoding,
  SNOMED,
} from './code-maps.js';

describe('code maps', () => {
  it('lists every local (non-standard) code, so adding one is a deliberate change', () => {
    const local = codeMap.filter((r) => !r.standard).map((r) => `${r.table}:${r.key}`);
    expect(local).toEqual([
      'condition:hair_transplant',
      'condition:*',
      'medication-class:other',
      'body-site:*',
      'procedure:mesotherapy',
      'indication:*',
      'observation:treatment-outcome',
      'observation:patient-rating',
      'observation:practitioner-rating',
      'substance:*',
      'product:*',
      'side-effect:*',
    ]);
    for (const r of codeMap.filter((x) => !x.standard))
      expect(r.coding.system.startsWith('https://mesodesk.org/fhir/CodeSystem/'), r.key).toBe(true);
  });

  it('uses only SNOMED CT and ATC as standard systems, with no code twice', () => {
    const standard = codeMap.filter((r) => r.standard);
    expect(new Set(standard.map((r) => r.coding.system))).toEqual(new Set([SNOMED, ATC]));
    const codes = standard.map((r) => `${r.coding.system}|${r.coding.code}`);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('codes the contract conditions in SNOMED CT and the rest locally', () => {
    expect(conditionCoding('stroke', undefined).code).toBe('230690007');
    expect(conditionCoding('diabetes', true).code).toBe('46635009');
    expect(conditionCoding('diabetes', false).code).toBe('73211009');
    expect(conditionCoding('thyroid_disorder', undefined)).toEqual({
      system: localSystems.condition,
      code: 'thyroid_disorder',
      display: 'thyroid_disorder',
    });
    expect(conditionFromCoding({ system: SNOMED, code: '46635009' })).toEqual({
      code: 'diabetes',
      insulinDependent: true,
    });
    expect(conditionFromCoding({ system: SNOMED, code: '195967001' })).toBeUndefined();
    expect(conditionFromCoding({ system: 'http://hl7.org/fhir/sid/icd-10', code: 'I10' })).toBeUndefined();
  });

  it('codes medicine classes in ATC, narrowing named anticoagulants to their group', () => {
    expect(medicationClassCoding('nsaid', 'aspirin').code).toBe('M01A');
    expect(medicationClassCoding('anticoagulant', 'Warfarin ').code).toBe('B01AA');
    expect(medicationClassCoding('anticoagulant', 'enoxaparin').code).toBe('B01AB');
    expect(medicationClassCoding('anticoagulant', 'dabigatran').code).toBe('B01AE');
    expect(medicationClassCoding('anticoagulant', 'rivaroxaban').code).toBe('B01AF');
    expect(medicationClassCoding('anticoagulant', 'some new one').code).toBe('B01A');
    expect(medicationClassCoding('antiplatelet', 'clopidogrel').code).toBe('B01AC');
    expect(medicationClassCoding('other', undefined)).toEqual(codingFor('medication-class', 'other'));
  });

  it('reads ATC codes back by group, and will not guess from a code too general to tell', () => {
    const read = (code: string) => medicationClassFromCoding({ system: ATC, code });
    expect(read('M01AE01')).toEqual({ class: 'nsaid' });
    expect(read('N02BA01')).toEqual({ class: 'nsaid' });
    expect(read('B01AC06')).toEqual({ class: 'antiplatelet' });
    expect(read('B01AF02')).toEqual({ class: 'anticoagulant' });
    expect(read('B01AB05')).toEqual({ class: 'anticoagulant' });
    expect(read('J01CA04')).toEqual({ class: 'antibiotic' });
    expect(read('A10AE04')).toEqual({ class: 'insulin' });
    expect(read('C08CA01')).toEqual({ class: 'other' });
    expect(read('A10B')).toEqual({ class: 'other' });
    for (const general of ['B01', 'A10', 'N02B', 'M']) expect(read(general)).toHaveProperty('ambiguous');
    expect(
      medicationClassFromCoding({ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '5640' }),
    ).toBeUndefined();
  });
});
