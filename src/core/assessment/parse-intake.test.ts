import { describe, expect, it } from 'vitest';
import { formatProblem, parseIntake } from './parse-intake.js';

const valid = () => ({
  patient: { birthDate: '1990-04-12' },
  request: { indication: 'hair_loss', area: 'scalp', date: '2026-11-22' },
});
const problems = (input: unknown) => {
  const r = parseIntake(input);
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe('parseIntake', () => {
  it('accepts the minimal request and fills list defaults', () => {
    const r = parseIntake(valid());
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.value.patient).toMatchObject({
        conditions: [],
        medications: [],
        allergies: [],
        recentProcedures: [],
        site: {},
      });
  });

  it('keeps extra fields, as the contract allows', () => {
    const input = { ...valid(), clinicRef: 'A1', patient: { ...valid().patient, nickname: 'Jo' } };
    const r = parseIntake(input);
    expect(r.ok && r.value).toMatchObject({ clinicRef: 'A1', patient: { nickname: 'Jo' } });
  });

  it('names each missing field', () => {
    expect(problems({ patient: {}, request: {} })).toEqual([
      'patient.birthDate: required',
      'request.indication: required',
      'request.area: required',
      'request.date: required',
    ]);
    expect(problems({})).toEqual(['patient: required', 'request: required']);
  });

  it('rejects bad values with the field path', () => {
    const input = valid() as Record<string, any>;
    input.patient.birthDate = '1990-02-30';
    input.patient.pregnant = 'yes';
    input.patient.medications = [{ class: 'painkiller' }];
    input.patient.conditions = [{ code: 'heart_disease', medicationCount: -1 }];
    input.request.combineWith = 'botox';
    expect(problems(input)).toEqual([
      'patient.birthDate: must be an ISO date (YYYY-MM-DD)',
      'patient.pregnant: must be true or false',
      'patient.conditions[0].medicationCount: must be 0 or more',
      'patient.medications[0].class: must be one of: nsaid, anticoagulant, antiplatelet, antibiotic, insulin, other',
      'request.combineWith: must be a list',
    ]);
  });

  it('rejects a body that is not an object, and a birth date after the request', () => {
    expect(problems(null)).toEqual(['(body): must be a JSON object with patient and request']);
    expect(problems([1, 2])).toEqual(['(body): must be a JSON object with patient and request']);
    const late = valid();
    late.patient.birthDate = '2027-01-01';
    expect(problems(late)).toEqual(['patient.birthDate: must not be after request.date']);
  });
});
