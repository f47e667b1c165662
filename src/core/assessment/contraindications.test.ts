import { describe, expect, it } from 'vitest';
import { makeIntake, testKnowledgeBase, type IntakeOverrides } from '../../test-support/intake-builder.js';
import { assess } from './assess.js';

const kb = testKnowledgeBase();
const run = (o: IntakeOverrides) => assess(makeIntake(o), kb);
const codes = (o: IntakeOverrides) => run(o).reasons.map((r) => r.code);
const reason = (o: IntakeOverrides, code: string) => run(o).reasons.find((r) => r.code === code);

describe('absolute contraindications', () => {
  const cases: [string, IntakeOverrides][] = [
    ['AGE_UNDER_18', { patient: { birthDate: '2010-05-01' } }],
    ['PREGNANCY', { patient: { pregnant: true } }],
    ['BREASTFEEDING', { patient: { breastfeeding: true } }],
    ['STROKE_HISTORY', { patient: { conditions: [{ code: 'stroke' }] } }],
    ['PARALYSIS_HISTORY', { patient: { conditions: [{ code: 'paralysis' }] } }],
    [
      'INSULIN_DEPENDENT_DIABETES',
      { patient: { conditions: [{ code: 'diabetes', insulinDependent: true, controlled: true }] } },
    ],
    ['CANCER', { patient: { conditions: [{ code: 'cancer', active: true }] } }],
    ['CANCER', { patient: { conditions: [{ code: 'cancer', active: false }] } }],
    ['BLEEDING_DISORDER', { patient: { conditions: [{ code: 'bleeding_disorder' }] } }],
    ['INGREDIENT_ALLERGY', { patient: { allergies: [{ substance: 'hyaluronic_acid' }] } }],
    ['INGREDIENT_ALLERGY', { patient: { allergies: [{ substance: 'unknown' }] } }],
    ['URTICARIA', { patient: { conditions: [{ code: 'urticaria' }] } }],
    [
      'HEART_DISEASE_MEDICATED',
      { patient: { conditions: [{ code: 'heart_disease', medicationCount: 2, controlled: true }] } },
    ],
  ];
  it.each(cases)('%s makes the patient contraindicated, with sources and no plan', (code, overrides) => {
    const result = run(overrides);
    expect(result.verdict).toBe('contraindicated');
    const r = result.reasons.find((x) => x.code === code);
    expect(r).toMatchObject({ kind: 'absolute' });
    expect(r!.sources.length).toBeGreaterThan(0);
    expect(result.plan).toBeUndefined();
  });

  it('an insulin medicine counts as insulin-dependent diabetes even when the condition does not say so (which stays an open question)', () => {
    expect(
      codes({
        patient: {
          conditions: [{ code: 'diabetes', controlled: true }],
          medications: [{ class: 'insulin', ongoing: true }],
        },
      }),
    ).toContain('INSULIN_DEPENDENT_DIABETES');
  });

  it('controlled diabetes without insulin is no contraindication', () => {
    const result = run({ patient: { conditions: [{ code: 'diabetes', insulinDependent: false, controlled: true }] } });
    expect(result.verdict).toBe('eligible');
  });

  it('heart disease with one regular medicine is excluded (most restrictive reading), with no medicine it is not', () => {
    const one = run({ patient: { conditions: [{ code: 'heart_disease', medicationCount: 1, controlled: true }] } });
    expect(one.reasons.map((r) => r.code)).toEqual(['HEART_DISEASE_MEDICATED']);
    expect(one.conflicts.map((c) => c.id)).toContain('heart_disease_rule');
    expect(
      run({ patient: { conditions: [{ code: 'heart_disease', medicationCount: 0, controlled: true }] } }).verdict,
    ).toBe('eligible');
  });

  it('any cancer on record counts, a past one marked inactive too (the sources make no split: conflict cancer_history)', () => {
    const past = run({ patient: { conditions: [{ code: 'cancer', active: false }] } });
    expect(past.reasons.map((r) => r.code)).toEqual(['CANCER']);
    expect(past.conflicts.map((c) => c.id)).toContain('cancer_history');
    // Not saying whether it is active leaves a question open besides.
    expect(codes({ patient: { conditions: [{ code: 'cancer' }] } })).toEqual(['CANCER', 'SCREENING_INCOMPLETE']);
  });

  it('an allergy to an essential ingredient of the planned mixture rules the treatment out (conflict allergy_history)', () => {
    const ha = run({ patient: { allergies: [{ substance: 'hyaluronic_acid' }] } });
    expect(ha.reasons.map((r) => r.code)).toEqual(['INGREDIENT_ALLERGY']);
    expect(ha.reasons[0]!.conflictIds).toEqual(['allergy_history']);
    expect(ha.conflicts.map((c) => c.id)).toContain('allergy_history');
    expect(
      kb.mixtures.get('facial_revitalising')!.ingredients.find((i) => i.ingredient === 'hyaluronic_acid')!.essential,
    ).toBe(true);
  });

  it('an allergen the mixture can do without is left out, not a contraindication (the contract reading, conflict allergy_history)', () => {
    const zinc = run({ patient: { allergies: [{ substance: 'zinc' }] } });
    expect(kb.mixtures.get('facial_revitalising')!.ingredients.find((i) => i.ingredient === 'zinc')!.essential).toBe(
      false,
    );
    expect(zinc.verdict).toBe('eligible_with_precautions');
    expect(zinc.precautions.map((p) => p.code)).toEqual(['ALLERGEN_EXCLUDED']);
    expect(zinc.conflicts.map((c) => c.id)).toContain('allergy_history');
    // Matched by alias and spelling: ascorbic acid is vitamin C, in the face mixture.
    const vitaminC = run({ patient: { allergies: [{ substance: 'Ascorbic Acid' }] } });
    expect(vitaminC.plan!.mixture.ingredients.map((i) => i.id)).not.toContain('vitamin_c');
  });

  it('an allergy to a substance the planned mixture does not contain rules nothing out (the contract example)', () => {
    const result = run({
      patient: { allergies: [{ substance: 'hyaluronidase' }] },
      request: { indication: 'hair_loss', area: 'scalp' },
    });
    expect(result.verdict).toBe('eligible');
    expect(result.plan!.mixture.excluded).toEqual([]);
  });

  it('age 18 is reached on the 18th birthday, not a day earlier', () => {
    expect(codes({ patient: { birthDate: '2008-11-23' } })).toContain('AGE_UNDER_18');
    expect(codes({ patient: { birthDate: '2008-11-22' } })).not.toContain('AGE_UNDER_18');
  });
});

describe('temporary contraindications', () => {
  it('UNCONTROLLED_SYSTEMIC_DISEASE: any uncontrolled condition defers with no date (treat once controlled), and reports the diabetes and heart conflicts', () => {
    for (const code of ['hypertension', 'diabetes', 'heart_disease']) {
      const result = run({
        patient: { conditions: [{ code, controlled: false, insulinDependent: false, medicationCount: 0 }] },
      });
      expect(result.verdict).toBe('defer');
      expect(result.reasons.map((r) => [r.code, r.kind, r.until])).toEqual([
        ['UNCONTROLLED_SYSTEMIC_DISEASE', 'temporary', undefined],
      ]);
      expect(result.conflicts.map((c) => c.id)).toEqual(
        expect.arrayContaining(['diabetes_rule', 'heart_disease_rule']),
      );
      expect(result.plan).toBeDefined();
    }
    // A condition mesodesk does not know, reviewed by a clinician, still counts when uncontrolled.
    expect(codes({ patient: { conditions: [{ code: 'asthma', controlled: false, reviewed: true }] } })).toEqual([
      'UNCONTROLLED_SYSTEMIC_DISEASE',
    ]);
  });

  it('an absolute reason alongside still makes the patient contraindicated', () => {
    const result = run({ patient: { conditions: [{ code: 'hypertension', controlled: false }, { code: 'stroke' }] } });
    expect(result.verdict).toBe('contraindicated');
    expect(result.reasons.map((r) => r.code)).toEqual(['STROKE_HISTORY', 'UNCONTROLLED_SYSTEMIC_DISEASE']);
  });

  it('NSAID: day 6 after the last dose defers until day 7; day 7 is clear', () => {
    const day6 = reason(
      { patient: { medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: '2026-11-16' }] } },
      'NSAID_WITHIN_7_DAYS',
    );
    expect(day6).toMatchObject({ kind: 'temporary', until: '2026-11-23' });
    expect(codes({ patient: { medications: [{ class: 'nsaid', lastDose: '2026-11-15' }] } })).not.toContain(
      'NSAID_WITHIN_7_DAYS',
    );
  });

  it('NSAID taken today, or ongoing, defers (ongoing without a date)', () => {
    expect(
      reason({ patient: { medications: [{ class: 'nsaid', lastDose: '2026-11-22' }] } }, 'NSAID_WITHIN_7_DAYS')?.until,
    ).toBe('2026-11-29');
    const ongoing = reason({ patient: { medications: [{ class: 'nsaid', ongoing: true }] } }, 'NSAID_WITHIN_7_DAYS');
    expect(ongoing).toBeDefined();
    expect(ongoing!.until).toBeUndefined();
  });

  it('the latest of several NSAID doses sets the date', () => {
    const r = reason(
      {
        patient: {
          medications: [
            { class: 'nsaid', lastDose: '2026-11-17' },
            { class: 'nsaid', lastDose: '2026-11-20' },
          ],
        },
      },
      'NSAID_WITHIN_7_DAYS',
    );
    expect(r?.until).toBe('2026-11-27');
  });

  it('prescribed low-dose aspirin, class antiplatelet, is a blood thinner: ANTICOAGULANT with keep-taking wording, never an NSAID', () => {
    const result = run({ patient: { medications: [{ name: 'Aspirin 75 mg', class: 'antiplatelet', ongoing: true }] } });
    expect(result.verdict).toBe('defer');
    expect(result.reasons.map((r) => r.code)).toEqual(['ANTICOAGULANT']);
    expect(result.reasons[0]!.message).toMatch(/Keep taking it as prescribed/);
    expect(result.reasons[0]!.message).toMatch(/low-dose aspirin/);
    const keep = result.plan!.preparation.find((i) => i.code === 'keep_prescribed_blood_thinners')!;
    expect(keep.text).toMatch(/^Keep taking .*low-dose aspirin included/);
    expect(keep.citations).toEqual(['house-rules.txt:6']);
    // Their plan has no "avoid aspirin" at all; for others the NSAID advice names aspirin only as a
    // painkiller, and says prescribed low-dose aspirin is not meant.
    expect(result.plan!.preparation.map((i) => i.code)).not.toContain('avoid_nsaids');
    expect(run({}).plan!.preparation.find((i) => i.code === 'avoid_nsaids')!.text).toMatch(
      /aspirin taken for pain.*Low-dose aspirin prescribed against clots is a blood thinner/,
    );
    // No rule reads an antiplatelet as an NSAID: the NSAID rule names the nsaid class alone.
    const nsaidRule = kb.data.contraindications.contraindications.find((r) => r.code === 'NSAID_WITHIN_7_DAYS')!;
    expect(nsaidRule.when).toEqual({ medication: { classes: ['nsaid'], withinDays: 7 } });
    // Aspirin taken as a painkiller is an NSAID.
    expect(codes({ patient: { medications: [{ name: 'aspirin', class: 'nsaid', lastDose: '2026-11-20' }] } })).toEqual([
      'NSAID_WITHIN_7_DAYS',
    ]);
  });

  it('anticoagulants and antiplatelets defer, never advising to stop them', () => {
    for (const cls of ['anticoagulant', 'antiplatelet']) {
      const result = run({ patient: { medications: [{ name: 'x', class: cls, ongoing: true }] } });
      expect(result.verdict).toBe('defer');
      const r = result.reasons.find((x) => x.code === 'ANTICOAGULANT')!;
      expect(r.until).toBeUndefined();
      expect(r.message).toMatch(/only the prescriber/i);
      expect(r.message).not.toMatch(/\bstop (taking|your|the)\b/i);
    }
  });

  it('a blood thinner stopped by the prescriber defers until a week after the last dose', () => {
    expect(
      reason({ patient: { medications: [{ class: 'anticoagulant', lastDose: '2026-11-20' }] } }, 'ANTICOAGULANT')
        ?.until,
    ).toBe('2026-11-27');
    expect(codes({ patient: { medications: [{ class: 'antiplatelet', lastDose: '2026-11-10' }] } })).not.toContain(
      'ANTICOAGULANT',
    );
  });

  it('inflamed or damaged skin at the site defers with no date', () => {
    const result = run({ patient: { site: { inflammation: true, skinDamage: true } } });
    expect(result.verdict).toBe('defer');
    expect(result.reasons.map((r) => [r.code, r.until])).toEqual([
      ['ACTIVE_INFLAMMATION_AT_SITE', undefined],
      ['SKIN_DAMAGE_AT_SITE', undefined],
    ]);
    // Acne is both treated and a reason not to inject in the sources: the stricter reading is reported.
    expect(result.conflicts.find((c) => c.id === 'acne_treatment')?.applied).toMatch(/defers treatment/);
  });

  it('a laser or peel within a week defers until a week after it; an older one does not', () => {
    expect(
      reason({ patient: { recentProcedures: [{ type: 'laser', date: '2026-11-16' }] } }, 'RECENT_LASER_OR_PEEL')?.until,
    ).toBe('2026-11-23');
    expect(codes({ patient: { recentProcedures: [{ type: 'peel', date: '2026-11-15' }] } })).not.toContain(
      'RECENT_LASER_OR_PEEL',
    );
    expect(codes({ patient: { recentProcedures: [{ type: 'laser' }] } })).toContain('RECENT_LASER_OR_PEEL');
  });

  it('antibiotics: ongoing defers without a date, a finished course until a week after', () => {
    expect(
      reason({ patient: { medications: [{ class: 'antibiotic', ongoing: true }] } }, 'CURRENT_ANTIBIOTICS')?.until,
    ).toBeUndefined();
    expect(
      reason({ patient: { medications: [{ class: 'antibiotic', lastDose: '2026-11-21' }] } }, 'CURRENT_ANTIBIOTICS')
        ?.until,
    ).toBe('2026-11-28');
  });

  describe('hair transplant', () => {
    const hair = (patient: Record<string, unknown>) => ({
      patient,
      request: { indication: 'hair_loss', area: 'scalp' },
    });
    const transplantHold = (patient: Record<string, unknown>) =>
      reason(hair(patient), 'HAIR_TRANSPLANT_UNDER_6_MONTHS');
    it('defers scalp treatment until six months after the transplant; at six months it is clear', () => {
      expect(transplantHold({ recentProcedures: [{ type: 'hair_transplant', date: '2026-05-23' }] })?.until).toBe(
        '2026-11-23',
      );
      expect(codes(hair({ recentProcedures: [{ type: 'hair_transplant', date: '2026-05-22' }] }))).not.toContain(
        'HAIR_TRANSPLANT_UNDER_6_MONTHS',
      );
    });
    it('also reads a hair_transplant condition with its date, and waits with no date when none is given', () => {
      expect(transplantHold({ conditions: [{ code: 'hair_transplant', date: '2026-09-01' }] })?.until).toBe(
        '2027-03-01',
      );
      const undated = transplantHold({ conditions: [{ code: 'hair_transplant' }] });
      expect(undated).toBeDefined();
      expect(undated!.until).toBeUndefined();
    });
    it('does not hold back treatment elsewhere on the body', () => {
      expect(codes({ patient: { recentProcedures: [{ type: 'hair_transplant', date: '2026-10-01' }] } })).not.toContain(
        'HAIR_TRANSPLANT_UNDER_6_MONTHS',
      );
    });
  });
});

describe('every rule in the knowledge base is exercised', () => {
  it('the tests above name every contraindication code', async () => {
    const { readFileSync } = await import('node:fs');
    const self = readFileSync(new URL(import.meta.url), 'utf8');
    for (const rule of kb.data.contraindications.contraindications) expect(self, rule.code).toContain(`'${rule.code}'`);
  });
});
