import { describe, expect, it } from 'vitest';
import { draftFromIntake, draftToRequest, emptyDraft } from './intake-draft';

const woman = { birthDate: '1990-04-12', sex: 'female' as const };

describe('intake draft', () => {
  it('sends only the answers given, and follow-ups only for their condition', () => {
    const draft = emptyDraft();
    draft.indication = 'hair_loss';
    draft.area = 'scalp';
    draft.date = '2026-11-22';
    draft.conditions.diabetes = {
      ...draft.conditions.diabetes,
      checked: true,
      insulinDependent: 'no',
      controlled: 'unknown',
      active: 'yes',
      medicationCount: '3',
    };
    draft.medications = [
      { class: 'nsaid', name: ' ibuprofen ', ongoing: false, lastDose: '2026-11-19' },
      { class: 'anticoagulant', name: '', ongoing: true, lastDose: '2026-01-01' },
    ];
    const request = draftToRequest(draft, woman);
    expect(request.patient.conditions).toEqual([{ code: 'diabetes', insulinDependent: false }]);
    expect(request.patient.medications).toEqual([
      { class: 'nsaid', name: 'ibuprofen', lastDose: '2026-11-19' },
      { class: 'anticoagulant', ongoing: true },
    ]);
    expect(request.request).toEqual({ indication: 'hair_loss', area: 'scalp', date: '2026-11-22', combineWith: [] });
    expect(request.patient.pregnant).toBe(false);
  });

  it('asks nothing about pregnancy for a man', () => {
    const draft = emptyDraft();
    draft.pregnant = true;
    const request = draftToRequest(draft, { birthDate: '1980-01-01', sex: 'male' });
    expect(request.patient.pregnant).toBeUndefined();
    expect(request.patient.breastfeeding).toBeUndefined();
  });

  it('starts a new version from the intake on record, with today as the treatment date', () => {
    const previous = draftToRequest(
      {
        ...emptyDraft(),
        indication: 'cellulite',
        area: 'thighs',
        date: '2020-01-01',
        allergies: ['hyaluronidase'],
        conditions: {
          ...emptyDraft().conditions,
          heart_disease: {
            ...emptyDraft().conditions.heart_disease,
            checked: true,
            medicationCount: '2',
            controlled: 'yes',
          },
        },
      },
      woman,
    );
    const draft = draftFromIntake(previous);
    expect(draft.indication).toBe('cellulite');
    expect(draft.allergies).toEqual(['hyaluronidase']);
    expect(draft.conditions.heart_disease).toMatchObject({ checked: true, medicationCount: '2', controlled: 'yes' });
    expect(draft.date).not.toBe('2020-01-01');
    expect(draftToRequest(draft, woman).patient.conditions).toEqual(previous.patient.conditions);
  });

  it('sends reviewed: true for a typed-in condition or an allergy a clinician reviewed, and reads it back', () => {
    const draft = { ...emptyDraft(), indication: 'hair_loss', area: 'scalp', date: '2026-11-22' };
    draft.otherConditions = [
      { code: 'Mild asthma', controlled: 'yes', reviewed: true },
      { code: 'gout', controlled: 'unknown', reviewed: false },
    ];
    draft.allergies = ['latex', 'zinc'];
    draft.reviewedAllergies = ['latex'];
    const request = draftToRequest(draft, woman);
    expect(request.patient.conditions).toEqual([
      { code: 'mild_asthma', controlled: true, reviewed: true },
      { code: 'gout' },
    ]);
    expect(request.patient.allergies).toEqual([{ substance: 'latex', reviewed: true }, { substance: 'zinc' }]);
    const back = draftFromIntake(request);
    expect(back.otherConditions).toEqual([
      { code: 'mild_asthma', controlled: 'yes', reviewed: true },
      { code: 'gout', controlled: 'unknown', reviewed: false },
    ]);
    expect(back.reviewedAllergies).toEqual(['latex']);
  });
});
