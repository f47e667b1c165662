import { describe, expect, it } from 'vitest';
import { makeIntake, testKnowledgeBase, type IntakeOverrides } from '../../test-support/intake-builder.js';
import { assess } from './assess.js';

const kb = testKnowledgeBase();
const run = (o: IntakeOverrides) => assess(makeIntake(o), kb);
const codes = (o: IntakeOverrides) => run(o).precautions.map((p) => p.code);

describe('precautions', () => {
  it('an allergen that is not in the mixture needs no adjustment (as in the contract example)', () => {
    const result = run({
      patient: { allergies: [{ substance: 'hyaluronidase' }] },
      request: { indication: 'hair_loss', area: 'scalp' },
    });
    expect(result.verdict).toBe('eligible');
    expect(result.precautions).toEqual([]);
  });

  it('an allergy to every ingredient of a mixture rules it out', () => {
    const all = kb.mixtures.get('body_contouring')!.ingredients.map((i) => ({ substance: i.ingredient }));
    const result = run({ patient: { allergies: all }, request: { indication: 'cellulite', area: 'thighs' } });
    expect(result.reasons.map((r) => r.code)).toEqual(['INGREDIENT_ALLERGY']);
  });

  it('NO_ANAESTHETIC_CREAM: lidocaine allergy removes the cream from the plan and the early-arrival step', () => {
    const result = run({ patient: { allergies: [{ substance: 'numbing cream' }] } });
    expect(result.precautions.map((p) => p.code)).toEqual(['NO_ANAESTHETIC_CREAM']);
    expect(result.plan!.anaesthesia.creamOffered).toBe(false);
    expect(result.plan!.preparation.map((p) => p.code)).not.toContain('arrive_for_numbing_cream');
    expect(run({}).plan!.preparation.map((p) => p.code)).toContain('arrive_for_numbing_cream');
  });

  it('NEEDLE_FREE_OPTION only where needle-free mesotherapy applies (face, neck, chest, décolleté skin concerns)', () => {
    expect(codes({ patient: { needleFear: true } })).toContain('NEEDLE_FREE_OPTION');
    expect(
      codes({ patient: { needleFear: true }, request: { indication: 'stretch_marks', area: 'decollete' } }),
    ).toContain('NEEDLE_FREE_OPTION');
    expect(codes({ patient: { needleFear: true }, request: { indication: 'hair_loss', area: 'scalp' } })).not.toContain(
      'NEEDLE_FREE_OPTION',
    );
    expect(
      codes({ patient: { needleFear: true }, request: { indication: 'cellulite', area: 'thighs' } }),
    ).not.toContain('NEEDLE_FREE_OPTION');
    expect(codes({ patient: { needleFear: false } })).not.toContain('NEEDLE_FREE_OPTION');
  });

  it('SPECIALIST_DECISION for combined procedures, or botox/filler/PRP in the last week', () => {
    const result = run({ request: { combineWith: ['botox', 'filler'] } });
    expect(result.precautions).toMatchObject([
      { code: 'SPECIALIST_DECISION', details: { combineWith: ['botox', 'filler'] } },
    ]);
    expect(codes({ patient: { recentProcedures: [{ type: 'filler', date: '2026-11-20' }] } })).toContain(
      'SPECIALIST_DECISION',
    );
    expect(codes({ patient: { recentProcedures: [{ type: 'filler', date: '2026-11-01' }] } })).not.toContain(
      'SPECIALIST_DECISION',
    );
    // The sources give no window for botox, filler or PRP: the week is a house rule, cited as one.
    expect(result.precautions[0]!.citations).toContain('house-rules.txt:7');
  });

  it('PERIORBITAL_CARE around the eyes, also lengthening the usual duration of swelling there', () => {
    const result = run({ request: { indication: 'under_eye', area: 'periorbital' } });
    expect(result.precautions.map((p) => p.code)).toEqual(['PERIORBITAL_CARE']);
    const swelling = (r: typeof result) =>
      r.plan!.expectedSideEffects.find((e) => e.code === 'swelling')!.usualHours.max;
    expect(swelling(result)).toBeGreaterThan(swelling(run({})));
  });

  it('a missing deciding detail (insulin, heart medicines) or an unknown allergy is no precaution but an open question', () => {
    for (const patient of [
      { conditions: [{ code: 'diabetes', controlled: true }] },
      { conditions: [{ code: 'heart_disease', controlled: true }] },
      { allergies: [{ substance: 'latex' }] },
    ]) {
      const result = run({ patient });
      expect(result.precautions).toEqual([]);
      expect(result.reasons.map((r) => r.code)).toEqual(['SCREENING_INCOMPLETE']);
    }
  });

  it('ALLERGEN_EXCLUDED: a non-essential allergen is left out of the mixture and the plan says so', () => {
    const result = run({
      patient: { allergies: [{ substance: 'Hyaluronidase' }] },
      request: { indication: 'cellulite', area: 'thighs' },
    });
    expect(result.verdict).toBe('eligible_with_precautions');
    const p = result.precautions.find((x) => x.code === 'ALLERGEN_EXCLUDED')!;
    expect(p.details).toEqual({ excluded: ['hyaluronidase'] });
    expect(result.plan!.mixture.ingredients.map((i) => i.id)).not.toContain('hyaluronidase');
    expect(result.plan!.mixture.excluded.map((i) => i.id)).toEqual(['hyaluronidase']);
  });

  it('AREA_NOT_DESCRIBED when the sources do not describe the indication on that area; the plan is still given', () => {
    const result = run({ request: { indication: 'hair_loss', area: 'abdomen' } });
    expect(result.precautions.map((p) => p.code)).toEqual(['AREA_NOT_DESCRIBED']);
    expect(result.plan).toBeDefined();
  });

  it('the tests above name every precaution code', async () => {
    const { readFileSync } = await import('node:fs');
    const self = readFileSync(new URL(import.meta.url), 'utf8');
    for (const rule of kb.data.precautions.precautions) expect(self, rule.code).toContain(rule.code);
  });
});
