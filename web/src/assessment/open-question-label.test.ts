import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { tr } from '../i18n/tr';
import { openQuestionText } from './open-question-label';

const at = (messages: unknown, key: string) =>
  key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], messages);

describe('open screening questions in plain words', () => {
  it('names the question and, for a list item, its number counted from one', () => {
    expect(openQuestionText('patient.pregnant')).toEqual({ name: 'pregnant', values: {} });
    expect(openQuestionText('patient.conditions[1].controlled')).toEqual({ name: 'controlled', values: { n: 2 } });
    expect(openQuestionText('patient.conditions[0].code')).toEqual({ name: 'conditionCode', values: { n: 1 } });
    expect(openQuestionText('patient.allergies[2].substance')).toEqual({ name: 'allergySubstance', values: { n: 3 } });
    expect(openQuestionText('patient.recentProcedures[0].type')).toEqual({ name: 'procedureType', values: { n: 1 } });
  });

  it('shows a path it does not know as it is, never hiding the question', () => {
    expect(openQuestionText('patient.site.inflammation')).toEqual({
      name: 'other',
      values: { field: 'patient.site.inflammation' },
    });
    expect(openQuestionText('patient.conditions[0].severity')).toEqual({
      name: 'other',
      values: { field: 'patient.conditions[0].severity' },
    });
  });

  it('every key it gives has a text in both languages', () => {
    const paths = [
      'patient.pregnant',
      'patient.breastfeeding',
      'x',
      ...['code', 'insulinDependent', 'controlled', 'medicationCount', 'active', 'date'].map(
        (f) => `patient.conditions[0].${f}`,
      ),
    ];
    for (const path of [...paths, 'patient.allergies[0].substance', 'patient.recentProcedures[0].type']) {
      const key = `assessment.questions.${openQuestionText(path).name}`;
      expect(typeof at(en, key), key).toBe('string');
      expect(typeof at(tr, key), key).toBe('string');
    }
  });
});
