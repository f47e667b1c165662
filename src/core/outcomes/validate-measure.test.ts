import { describe, expect, it } from 'vitest';
import { measureEntryProblems, ratersFor, type MeasureEntry } from './validate-measure.js';

const entry = (fields: Partial<MeasureEntry>): MeasureEntry => ({
  measure: 'gais',
  rater: 'practitioner',
  value: 2,
  site: null,
  baseline: false,
  ...fields,
});
const fields = (indication: string, fields: Partial<MeasureEntry>, role: 'practitioner' | 'patient' = 'practitioner') =>
  measureEntryProblems(indication, entry(fields), role).map((p) => p.field);

describe('measure entries', () => {
  it('accepts a practitioner GAIS after a session, a baseline hair grade and a circumference at a site', () => {
    expect(fields('hair_loss', {})).toEqual([]);
    expect(fields('hair_loss', { measure: 'hair_grade_male', value: 4, baseline: true })).toEqual([]);
    expect(fields('localized_fat', { measure: 'circumference', value: 92.5, site: 'waist', baseline: true })).toEqual(
      [],
    );
    expect(fields('skin_rejuvenation', { rater: 'patient', value: 1 }, 'patient')).toEqual([]);
  });

  it('names the measure when it is unknown or not recorded for the indication', () => {
    expect(measureEntryProblems('hair_loss', entry({ measure: 'vibes' }), 'practitioner')).toEqual([
      { field: 'measure', message: expect.stringContaining('must be one of: gais,') },
    ]);
    expect(measureEntryProblems('skin_rejuvenation', entry({ measure: 'hair_grade_male' }), 'practitioner')).toEqual([
      { field: 'measure', message: 'is not recorded for skin_rejuvenation courses; use one of: gais' },
    ]);
  });

  it('names the rater when the user or the scale does not match it', () => {
    expect(ratersFor('patient')).toEqual(['patient']);
    expect(ratersFor('reception')).toEqual([]);
    expect(fields('hair_loss', { rater: 'practitioner' }, 'patient')).toEqual(['rater']);
    expect(fields('hair_loss', { rater: 'doctor' })).toEqual(['rater']);
    // The hair grade is the practitioner's judgement; the HDSS is the patient's answer.
    expect(fields('hair_loss', { measure: 'hair_grade_female', rater: 'patient', value: 2 })).toEqual(['rater']);
    expect(fields('hyperhidrosis', { measure: 'hdss', value: 3 })).toEqual(['rater']);
    // A clinician may pass on the patient's own answer.
    expect(fields('hyperhidrosis', { measure: 'hdss', rater: 'patient', value: 3, baseline: true })).toEqual([]);
  });

  it('names the value when it is off the scale', () => {
    const messages = (indication: string, fields: Partial<MeasureEntry>) =>
      measureEntryProblems(indication, entry(fields), 'practitioner');
    expect(messages('hair_loss', { value: 6 })).toEqual([
      { field: 'value', message: 'must be one of 1, 2, 3, 4, 5 on the Global Aesthetic Improvement Scale (GAIS)' },
    ]);
    expect(fields('hair_loss', { measure: 'hair_grade_female', value: 4 })).toEqual(['value']);
    expect(fields('cellulite', { measure: 'cellulite_stage', value: -1 })).toEqual(['value']);
    expect(messages('cellulite', { measure: 'circumference', value: 55.55, site: 'hips' })).toEqual([
      { field: 'value', message: 'must be from 10 to 300 cm, to 1 decimal' },
    ]);
  });

  it('refuses a baseline for a scale that already compares with before treatment', () => {
    expect(measureEntryProblems('hair_loss', entry({ baseline: true }), 'practitioner')).toEqual([
      { field: 'sessionId', message: expect.stringContaining('has no baseline') },
    ]);
  });

  it('asks for a site exactly where the measure is taken at one', () => {
    expect(fields('localized_fat', { measure: 'circumference', value: 80 })).toEqual(['site']);
    expect(fields('cellulite', { measure: 'circumference', value: 80, site: 'arm_left' })).toEqual(['site']);
    expect(fields('hair_loss', { site: 'waist' })).toEqual(['site']);
  });

  it('reports every field at fault at once', () => {
    expect(fields('hair_loss', { rater: 'practitioner', value: 9, site: 'hips', baseline: true }, 'patient')).toEqual([
      'rater',
      'sessionId',
      'value',
      'site',
    ]);
  });
});
