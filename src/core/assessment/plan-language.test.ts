import { describe, expect, it } from 'vitest';
import { makeIntake } from '../../test-support/intake-builder.js';
import { loadKnowledgeLibrary } from '../../knowledge-files/load-knowledge-library.js';
import { planInLanguage } from '../localization/plan-in-language.js';
import { assess } from './assess.js';

const library = loadKnowledgeLibrary();
const tr = library.for('tr');
const allergic = makeIntake({ patient: { allergies: [{ substance: 'numbing cream' }] } });

describe('the plan note for a patient who cannot have numbing cream', () => {
  it('is the English of procedure.yaml, word for word as before', () => {
    const plan = assess(allergic, library.base).plan!;
    expect(plan.anaesthesia.creamOffered).toBe(false);
    expect(plan.anaesthesia.note).toBe('No numbing cream for this patient (allergy); offer an ice pack instead.');
  });

  it('is the Turkish of translations/tr/procedure.yaml for a Turkish reader', () => {
    const plan = assess(allergic, tr).plan!;
    expect(plan.anaesthesia.note).toBe(tr.data.procedure.anaesthesia.withoutCreamNote);
    expect(plan.anaesthesia.note).not.toBe(library.base.data.procedure.anaesthesia.withoutCreamNote);
    // A patient who can have the cream reads the cream's note.
    expect(assess(makeIntake(), tr).plan!.anaesthesia.note).toBe(tr.data.procedure.anaesthesia.note);
  });

  it('is swapped into Turkish in a plan stored in English, and back', () => {
    const stored = assess(allergic, library.base).plan!;
    const turkish = planInLanguage(stored, library, 'tr');
    expect(turkish.anaesthesia.note).toBe(tr.data.procedure.anaesthesia.withoutCreamNote);
    expect(planInLanguage(turkish, library, 'en').anaesthesia.note).toBe(stored.anaesthesia.note);
  });
});
